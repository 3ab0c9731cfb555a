// Request time: a COGNITO_USER_POOLS method's authorizer — the token from the identity source (raw
// or `Bearer `), verified by the user pool verifier, then the method's rules: an ID token without
// `authorizationScopes`, an access token carrying one of them with; the `aud` validation expression.
// The claims go to `$context.authorizer.claims`. Reference §5.2; AWS developer guide "Control
// access to REST APIs using Amazon Cognito user pools as an authorizer".

import type { CompiledAuthorizer } from '../../snapshot/compile-authorizer.js';
import { AuthorizerResultError, UnauthorizedError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { StageOutcome } from '../pipeline.js';
import { requireResourcePolicyAllow } from '../stages/resource-policy.js';
import type { UserPoolVerification, VerifiedUserPoolToken } from './user-pool-verifier.js';

const NO_POOLS: readonly string[] = Object.freeze([]);

/** hot path: a repeated token is verified from the cache, synchronously. */
export function runCognitoAuthorizer(ctx: RoutedContext, authorizer: CompiledAuthorizer): StageOutcome | Promise<StageOutcome> {
  // AWS: a missing or empty token is 401 (reference §5.2; test: cognito-authorizers.test.ts "missing").
  const token = tokenOf(authorizer.identitySources[0]?.read(ctx));
  if (token === undefined) throw new UnauthorizedError();
  const userPoolIds = authorizer.userPools?.render(ctx.stageVariables) ?? NO_POOLS;
  const verification = ctx.services.userPools.verify(token, userPoolIds);
  if (verification instanceof Promise) return verification.then((result) => decideCognitoAccess(ctx, authorizer, result));
  return decideCognitoAccess(ctx, authorizer, verification);
}

/**
 * AWS: the header is the raw token; a `Bearer ` prefix (any case) is accepted too, as Cognito's
 * guide tells clients to send tokens as bearer tokens (UNCONFIRMED for REST; test: "Bearer").
 */
function tokenOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const token = header.length > 7 && header.slice(0, 7).toLowerCase() === 'bearer ' ? header.slice(7).trim() : header.trim();
  return token === '' ? undefined : token;
}

/** The final decision on a verified (or rejected) token: the one place later access rules join. */
function decideCognitoAccess(ctx: RoutedContext, authorizer: CompiledAuthorizer, verification: UserPoolVerification): StageOutcome {
  if (!verification.valid) {
    if (verification.unavailable) {
      ctx.logger.error({ authorizerId: authorizer.id, reason: verification.reason }, 'Execution failed due to configuration error: the user pool keys are unavailable');
      throw new AuthorizerResultError();
    }
    ctx.logger.debug({ authorizerId: authorizer.id, reason: verification.reason }, 'Cognito token refused');
    throw new UnauthorizedError();
  }
  if (!meetsMethodRules(verification, ctx.route.value.method.authorizationScopes, authorizer.validation)) throw new UnauthorizedError();
  requireResourcePolicyAllow(ctx);
  ctx.vars.authorizer = { claims: verification.claims };
  return 'next';
}

/**
 * AWS: a method with `authorizationScopes` needs an access token whose `scope` holds one of them; a
 * method without needs an ID token (an access token is 401: AWS knowledge center "401 Unauthorized
 * from a COGNITO_USER_POOLS authorizer"); `identityValidationExpression` must match `aud`, which
 * access tokens lack (tests: cognito-authorizers.test.ts "scopes", "ID token", "validation expression").
 */
function meetsMethodRules(token: VerifiedUserPoolToken, scopes: readonly string[] | undefined, validation: RegExp | undefined): boolean {
  const payload = token.payload;
  if (scopes !== undefined && scopes.length > 0) {
    if (payload.token_use !== 'access' || typeof payload.scope !== 'string') return false;
    const granted = payload.scope.split(' ');
    if (!scopes.some((scope) => granted.includes(scope))) return false;
  } else if (payload.token_use !== 'id') {
    return false;
  }
  if (validation === undefined) return true;
  const audience = payload.aud;
  if (typeof audience === 'string') return validation.test(audience);
  return Array.isArray(audience) && audience.some((item) => typeof item === 'string' && validation.test(item));
}
