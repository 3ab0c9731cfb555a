// Input checks shared by CreateAuthorizer and UpdateAuthorizer: type, Lambda authorizer URI,
// identity sources, TTL, Cognito provider ARNs (reference §5.1, APIRef "Authorizer"). Messages not
// observed on AWS are marked UNCONFIRMED; tests: test/e2e/authorizers-api.test.ts.

import type { Authorizer } from '../../model/rest-api.js';
import { badRequest, ManagementError } from '../management-error.js';

export const AUTHORIZER_TYPES: readonly string[] = ['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'];
export const DEFAULT_AUTHORIZER_TTL = 300;
const MAX_TTL = 3600;
const LAMBDA_URI = /^arn:aws[a-zA-Z-]*:apigateway:[a-zA-Z0-9-]+:lambda:path\/2015-03-31\/functions\/.+\/invocations$/;
const TOKEN_SOURCE = /^method\.request\.header\.[^\s,]+$/;
const REQUEST_SOURCE = /^(method\.request\.(header|querystring)\.[^\s,]+|stageVariables\.[A-Za-z0-9_]+|context\.[A-Za-z0-9_.]+)$/;

/** AWS's enum message for `type` (the same shape as every apigateway enum member). */
export function parseAuthorizerType(value: string, inputName: string): Authorizer['type'] {
  if (!AUTHORIZER_TYPES.includes(value)) {
    throw new ManagementError(
      'ValidationException',
      `1 validation error detected: Value '${value}' at '${inputName}.type' failed to satisfy constraint: Member must satisfy enum value set: [${AUTHORIZER_TYPES.join(', ')}]`,
    );
  }
  return value as Authorizer['type'];
}

export function requiredMember(value: string | undefined, member: string, inputName: string): string {
  if (value === undefined) {
    throw new ManagementError('ValidationException', `1 validation error detected: Value null at '${inputName}.${member}' failed to satisfy constraint: Member must not be null`);
  }
  return value;
}

/** The list of identity source expressions (REQUEST: comma-separated; whitespace around commas allowed). */
export function splitIdentitySource(identitySource: string | undefined): string[] {
  if (identitySource === undefined || identitySource.trim() === '') return [];
  return identitySource.split(',').map((part) => part.trim());
}

/**
 * Checks a whole authorizer as it would be stored. Messages are UNCONFIRMED unless noted: AWS's
 * texts for these were not found in an AWS-validated snapshot.
 */
export function checkAuthorizerDefinition(authorizer: Authorizer): void {
  if (authorizer.name.trim() === '') throw badRequest('Authorizer name must be non-empty');
  const ttl = authorizer.authorizerResultTtlInSeconds;
  if (!Number.isInteger(ttl) || ttl < 0 || ttl > MAX_TTL) throw badRequest(`Invalid authorizer TTL specified: ${ttl}. Must be between 0 and ${MAX_TTL}`);
  if (authorizer.type === 'COGNITO_USER_POOLS') {
    if (!authorizer.providerARNs || authorizer.providerARNs.length === 0) throw badRequest('ProviderARNs need to be specified for authorizer type COGNITO_USER_POOLS');
    checkTokenSource(authorizer.identitySource);
    return;
  }
  if (authorizer.authorizerUri === undefined || authorizer.authorizerUri === '') throw badRequest(`Authorizer URI must be specified for authorizer type ${authorizer.type}`);
  if (!LAMBDA_URI.test(authorizer.authorizerUri)) throw badRequest(`Invalid Authorizer URI specified: ${authorizer.authorizerUri}`);
  if (authorizer.type === 'TOKEN') {
    checkTokenSource(authorizer.identitySource);
    return;
  }
  const sources = splitIdentitySource(authorizer.identitySource);
  // AWS: REQUEST needs identity sources only when caching is on (reference §5.1).
  if (sources.length === 0 && ttl > 0) throw badRequest('Identity source must be specified when authorizer result caching is enabled');
  for (const source of sources) if (!REQUEST_SOURCE.test(source)) throw badRequest(`Invalid identity source specified: ${source}`);
}

function checkTokenSource(identitySource: string | undefined): void {
  if (identitySource === undefined || identitySource.trim() === '') throw badRequest('Identity source must be specified');
  if (!TOKEN_SOURCE.test(identitySource.trim())) throw badRequest(`Invalid identity source specified: ${identitySource}`);
}

export function checkValidationExpression(expression: string | undefined): void {
  if (expression === undefined) return;
  try {
    new RegExp(expression);
  } catch {
    throw badRequest(`Invalid identity validation expression specified: ${expression}`);
  }
}
