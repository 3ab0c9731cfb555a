// Security schemes → authorizers (`x-amazon-apigateway-authorizer`, `-authtype`) and an operation's
// `security` (or the document's) → the method's authorization type, authorizer, API key requirement
// and scopes. AWS developer guide "x-amazon-apigateway-authorizer object" and "-authtype property".

import type { ConvertContext } from './convert-context.js';
import type { PlannedAuthorizer } from './import-plan.js';
import { derefObject, integerAt, isObject, type JsonObject, objectAt, stringListAt, textAt } from './json-values.js';

const AUTHORIZER_TYPES: Record<string, PlannedAuthorizer['type']> = { token: 'TOKEN', request: 'REQUEST', cognito_user_pools: 'COGNITO_USER_POOLS' };
/** AWS's CreateAuthorizer default TTL; the stored shape needs one (AWS shows none after an import: UNCONFIRMED effect). */
const DEFAULT_TTL = 300;

export interface MethodAuthorization {
  authorizationType: string;
  authorizerName?: string;
  apiKeyRequired: boolean;
  authorizationScopes?: string[];
}

export function securitySchemes(ctx: ConvertContext): JsonObject {
  return (ctx.version === 2 ? objectAt(ctx.root, 'securityDefinitions') : objectAt(objectAt(ctx.root, 'components'), 'securitySchemes')) ?? {};
}

function convertAuthorizer(ctx: ConvertContext, name: string, scheme: JsonObject, extension: JsonObject): PlannedAuthorizer | undefined {
  const typeText = textAt(extension, 'type') ?? '';
  const type = AUTHORIZER_TYPES[typeText.toLowerCase()];
  if (type === undefined) {
    // AWS: `jwt` authorizers belong to HTTP APIs; a REST import ignores them (message UNCONFIRMED).
    ctx.warnings.push(`Unsupported authorizer type '${typeText}' for security scheme '${name}'. Ignoring.`);
    return undefined;
  }
  const headerName = scheme.in === 'header' ? textAt(scheme, 'name') : undefined;
  // AWS: a TOKEN / Cognito authorizer reads the header the scheme names unless `identitySource` says otherwise (test: openapi-import.test.ts "authorizers").
  const identitySource = textAt(extension, 'identitySource') ?? (type !== 'REQUEST' && headerName ? `method.request.header.${headerName}` : undefined);
  const authType = textAt(scheme, 'x-amazon-apigateway-authtype');
  const authorizerUri = textAt(extension, 'authorizerUri');
  const authorizerCredentials = textAt(extension, 'authorizerCredentials');
  const identityValidationExpression = textAt(extension, 'identityValidationExpression');
  const providerARNs = stringListAt(extension, 'providerARNs');
  return {
    name,
    type,
    ...(providerARNs && providerARNs.length > 0 && { providerARNs }),
    ...(authType !== undefined && { authType }),
    ...(authorizerUri !== undefined && { authorizerUri }),
    ...(authorizerCredentials !== undefined && { authorizerCredentials }),
    ...(identitySource !== undefined && { identitySource }),
    ...(identityValidationExpression !== undefined && { identityValidationExpression }),
    authorizerResultTtlInSeconds: integerAt(extension, 'authorizerResultTtlInSeconds') ?? DEFAULT_TTL,
  };
}

/** One authorizer per scheme carrying `x-amazon-apigateway-authorizer`, used or not (AWS creates unused ones too). */
export function convertAuthorizers(ctx: ConvertContext): PlannedAuthorizer[] {
  const authorizers: PlannedAuthorizer[] = [];
  for (const [name, value] of Object.entries(securitySchemes(ctx))) {
    const scheme = derefObject(ctx.root, value);
    const extension = objectAt(scheme, 'x-amazon-apigateway-authorizer');
    if (scheme === undefined || extension === undefined) continue;
    const authorizer = convertAuthorizer(ctx, name, scheme, extension);
    if (authorizer) authorizers.push(authorizer);
  }
  return authorizers;
}

/**
 * The method's authorization from a `security` requirement list (the operation's, else the
 * document's: AWS applies a root `security` to every method, LocalStack's AWS-validated
 * "global authorizer" snapshot). An `apiKey` scheme without an authorizer means `apiKeyRequired`.
 */
export function convertSecurity(ctx: ConvertContext, requirements: unknown, authorizerNames: ReadonlySet<string>, where: string): MethodAuthorization {
  const result: MethodAuthorization = { authorizationType: 'NONE', apiKeyRequired: false };
  if (!Array.isArray(requirements)) return result;
  const schemes = securitySchemes(ctx);
  for (const requirement of requirements) {
    if (!isObject(requirement)) continue;
    for (const [name, scopes] of Object.entries(requirement)) {
      const scheme = derefObject(ctx.root, schemes[name]);
      if (scheme === undefined) {
        ctx.warnings.push(`Security scheme '${name}' referenced by ${where} is not defined. Ignoring.`);
        continue;
      }
      const authType = textAt(scheme, 'x-amazon-apigateway-authtype')?.toLowerCase();
      if (authorizerNames.has(name)) {
        const authorizer = objectAt(scheme, 'x-amazon-apigateway-authorizer');
        const cognito = textAt(authorizer, 'type')?.toLowerCase() === 'cognito_user_pools';
        result.authorizationType = cognito ? 'COGNITO_USER_POOLS' : 'CUSTOM';
        result.authorizerName = name;
        const list = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
        if (cognito && list.length > 0) result.authorizationScopes = list;
      } else if (authType === 'awssigv4') {
        result.authorizationType = 'AWS_IAM';
      } else if (scheme.type === 'apiKey' && objectAt(scheme, 'x-amazon-apigateway-authorizer') === undefined) {
        result.apiKeyRequired = true;
      } else {
        ctx.warnings.push(`Unsupported security scheme '${name}' referenced by ${where}. Ignoring.`);
      }
    }
  }
  return result;
}
