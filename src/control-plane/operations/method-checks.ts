// Input checks shared by PutMethod and UpdateMethod: the HTTP verb, the authorization type and
// its authorizer, method request parameter names, the request validator. AWS's messages
// (reference §8.2; tests: methods.test.ts).

import type { Method } from '../../model/rest-api.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest } from '../management-error.js';
import { invalidMappingParameter } from './mapping-expressions.js';
import type { ApiScope } from './resource-tree.js';

export const HTTP_METHODS: readonly string[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'ANY'];
const AUTHORIZATION_TYPES: readonly string[] = ['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'];
const METHOD_REQUEST_PARAMETER = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.([a-zA-Z0-9._$-]+)$/;

export function checkHttpMethod(httpMethod: string | undefined): string {
  if (httpMethod === undefined || !HTTP_METHODS.includes(httpMethod)) {
    throw badRequest('Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,OPTIONS,HEAD,ANY');
  }
  return httpMethod;
}

/** AWS stores the type upper-cased (`none` → `NONE`); an unknown type is refused (message UNCONFIRMED). */
export function parseAuthorizationType(value: string): string {
  const type = value.toUpperCase();
  if (!AUTHORIZATION_TYPES.includes(type)) throw badRequest('Invalid authorization type specified');
  return type;
}

export function needsAuthorizer(authorizationType: string): boolean {
  return authorizationType === 'CUSTOM' || authorizationType === 'COGNITO_USER_POOLS';
}

/**
 * CUSTOM and COGNITO_USER_POOLS need an authorizer of this API, of the matching kind (a Lambda
 * TOKEN/REQUEST authorizer for CUSTOM). AWS: one message for a missing, unknown or mismatched
 * authorizer (missing: test methods.test.ts; unknown and mismatched UNCONFIRMED).
 */
export async function checkAuthorizer(tx: StoreReader, scope: ApiScope, method: Method): Promise<void> {
  if (!needsAuthorizer(method.authorizationType)) return;
  const authorizer = method.authorizerId ? await tx.get(collections.authorizer, scope.region, scope.apiId, method.authorizerId) : undefined;
  const matches = authorizer !== undefined && (authorizer.type === 'COGNITO_USER_POOLS') === (method.authorizationType === 'COGNITO_USER_POOLS');
  if (!matches) {
    throw badRequest('Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.');
  }
}

/**
 * AWS: `authorizationScopes` only go with COGNITO_USER_POOLS (observed through CloudFormation,
 * aws-cdk#30035; test: cognito-authorizers.test.ts "authorizationScopes"). UpdateMethod is checked
 * on the result too, so a method never keeps scopes under another type (UNCONFIRMED).
 */
export function checkAuthorizationScopes(method: Method): void {
  if (method.authorizationScopes !== undefined && method.authorizationScopes.length > 0 && method.authorizationType !== 'COGNITO_USER_POOLS') {
    throw badRequest('Invalid Method authorization type specified. Authorization Scopes are only valid for COGNITO_USER_POOLS authorization type');
  }
}

/** Keys are `method.request.{location}.{name}`; a name may appear in one location only. */
export function checkMethodRequestParameters(parameters: Record<string, boolean> | undefined): void {
  const names = new Set<string>();
  for (const key of Object.keys(parameters ?? {})) {
    const match = METHOD_REQUEST_PARAMETER.exec(key);
    if (!match) throw invalidMappingParameter(key);
    const name = match[2]!;
    // AWS: `Parameter names must be unique across querystring, header and path` (test: methods.test.ts).
    if (names.has(name)) throw badRequest('Parameter names must be unique across querystring, header and path');
    names.add(name);
  }
}

export async function checkRequestValidator(tx: StoreReader, scope: ApiScope, validatorId: string | undefined): Promise<void> {
  if (validatorId === undefined) return;
  if (!(await tx.get(collections.requestValidator, scope.region, scope.apiId, validatorId))) {
    throw badRequest('Invalid Request Validator identifier specified');
  }
}
