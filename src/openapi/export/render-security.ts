// Export: security schemes and per-operation `security` — `api_key` for methods that require an
// API key, `sigv4` for AWS_IAM, one scheme per authorizer (named after it), with
// `x-amazon-apigateway-authorizer` when `extensions=authorizers`. AWS doc: "x-amazon-apigateway-authorizer object".

import type { DeploymentDefinition } from '../../model/deployment.js';
import type { Authorizer, Method } from '../../model/rest-api.js';
import type { ExportExtensions } from './export-options.js';

export const API_KEY_SCHEME = 'api_key';
export const SIGV4_SCHEME = 'sigv4';

function allMethods(definition: DeploymentDefinition): Method[] {
  return definition.resources.flatMap((resource) => Object.values(resource.resourceMethods ?? {}));
}

/** The schemes the API uses, or `undefined` when none. */
export function renderSecuritySchemes(definition: DeploymentDefinition, extensions: ExportExtensions): Record<string, unknown> | undefined {
  const schemes: Record<string, unknown> = {};
  for (const authorizer of definition.authorizers ?? []) schemes[authorizer.name] = renderAuthorizerScheme(authorizer, extensions);
  const methods = allMethods(definition);
  if (methods.some((method) => method.authorizationType === 'AWS_IAM')) {
    schemes[SIGV4_SCHEME] = { type: 'apiKey', name: 'Authorization', in: 'header', ...(extensions.authorizers && { 'x-amazon-apigateway-authtype': 'awsSigv4' }) };
  }
  if (methods.some((method) => method.apiKeyRequired)) schemes[API_KEY_SCHEME] = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  return Object.keys(schemes).length > 0 ? schemes : undefined;
}

/** A method's `security` list: its authorizer (with scopes) and `api_key`, each its own entry as AWS writes them. */
export function renderOperationSecurity(method: Method, authorizers: readonly Authorizer[]): Array<Record<string, string[]>> | undefined {
  const security: Array<Record<string, string[]>> = [];
  if (method.authorizationType === 'AWS_IAM') security.push({ [SIGV4_SCHEME]: [] });
  if (method.authorizationType === 'CUSTOM' || method.authorizationType === 'COGNITO_USER_POOLS') {
    const authorizer = authorizers.find((candidate) => candidate.id === method.authorizerId);
    if (authorizer) security.push({ [authorizer.name]: method.authorizationScopes ?? [] });
  }
  if (method.apiKeyRequired) security.push({ [API_KEY_SCHEME]: [] });
  return security.length > 0 ? security : undefined;
}

/**
 * Where the scheme says the identity is: the identity source header (or query parameter) when
 * there is exactly one, else AWS's placeholder name `Unused` (seen in real exports).
 */
function identityLocation(authorizer: Authorizer): { name: string; in: 'header' | 'query' } {
  const sources = (authorizer.identitySource ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
  const only = sources.length === 1 ? sources[0] : undefined;
  const match = only === undefined ? undefined : /^method\.request\.(header|querystring)\.(.+)$/.exec(only);
  if (match?.[1] !== undefined && match[2] !== undefined) return { name: match[2], in: match[1] === 'header' ? 'header' : 'query' };
  return { name: 'Unused', in: 'header' };
}

function renderAuthorizerScheme(authorizer: Authorizer, extensions: ExportExtensions): Record<string, unknown> {
  const cognito = authorizer.type === 'COGNITO_USER_POOLS';
  const scheme: Record<string, unknown> = { type: 'apiKey', ...identityLocation(authorizer) };
  if (!extensions.authorizers) return scheme;
  // Only a stored auth type is written, so an import restores the authorizer as it was (UNCONFIRMED).
  if (authorizer.authType !== undefined) scheme['x-amazon-apigateway-authtype'] = authorizer.authType;
  const body: Record<string, unknown> = {};
  if (cognito) {
    body.providerARNs = authorizer.providerARNs ?? [];
  } else {
    if (authorizer.authorizerUri !== undefined) body.authorizerUri = authorizer.authorizerUri;
    if (authorizer.authorizerCredentials !== undefined) body.authorizerCredentials = authorizer.authorizerCredentials;
    body.authorizerResultTtlInSeconds = authorizer.authorizerResultTtlInSeconds;
  }
  if (authorizer.type === 'REQUEST' && authorizer.identitySource !== undefined) body.identitySource = authorizer.identitySource;
  if (authorizer.identityValidationExpression !== undefined) body.identityValidationExpression = authorizer.identityValidationExpression;
  body.type = authorizer.type.toLowerCase();
  scheme['x-amazon-apigateway-authorizer'] = body;
  return scheme;
}

/** Postman's SigV4 helper for AWS_IAM methods (`extensions=postman`; the shape Postman's converters read, UNCONFIRMED for AWS). */
export function renderPostmanMeta(method: Method, region: string): Record<string, unknown> | undefined {
  if (method.authorizationType !== 'AWS_IAM') return undefined;
  return {
    currentHelper: 'awsSigV4',
    helperAttributes: { accessKey: '{{aws_access_key_id}}', secretKey: '{{aws_secret_access_key}}', region, service: 'execute-api', saveHelper: true },
  };
}
