// Request time: a CUSTOM method's Lambda TOKEN or REQUEST authorizer — identity sources,
// `identityValidationExpression`, the result cache (per stage, keyed by the identity source values,
// re-evaluated against each request's method ARN) and the policy decision; principalId, context and
// usageIdentifierKey go to later stages. Reference §5.1; AWS developer guide "Use API Gateway Lambda authorizers".

import type { CompiledAuthorizer } from '../../snapshot/compile-authorizer.js';
import { AuthorizerDeniedError, UnauthorizedError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { StageOutcome } from '../pipeline.js';
import { combineWithResourcePolicy } from '../stages/resource-policy.js';
import { evaluatePolicy, type AuthorizerResult } from './authorizer-result.js';
import { authorizerVariables, cachedAuthorization, type AuthorizerVariables } from './cached-authorization.js';
import { invokeAuthorizer } from './invoke-authorizer.js';
import { methodArnOf } from './method-arn.js';

export function runLambdaAuthorizer(ctx: RoutedContext, authorizer: CompiledAuthorizer): StageOutcome | Promise<StageOutcome> {
  // The cache key: the authorizer's id, then each identity source value, NUL-separated.
  let key = authorizer.id;
  let first: string | undefined;
  for (const source of authorizer.identitySources) {
    const value = source.read(ctx);
    // AWS: a missing or empty identity source is 401 without invoking the function (reference §5.1;
    // test: lambda-authorizers.test.ts "missing identity source").
    if (value === undefined || value === '') throw new UnauthorizedError();
    first ??= value;
    key += `\u0000${value}`;
  }
  const token = authorizer.type === 'TOKEN' ? first : undefined;
  // AWS: a TOKEN not matching identityValidationExpression is 401 without invoking (test: "validation expression").
  if (token !== undefined && authorizer.validation !== undefined && !authorizer.validation.test(token)) throw new UnauthorizedError();
  const methodArn = methodArnOf(ctx);
  if (authorizer.ttlMs <= 0 || first === undefined) return invokeAndDecide(ctx, authorizer, token, methodArn, undefined);
  const entry: CacheEntry = { namespace: ctx.servedStage.authorizerCacheNamespace, key };
  // hot path: a hit in the memory cache is the parsed result and its prebuilt $context.authorizer,
  // decided synchronously (no promise, so the pipeline runs on without a microtask); Redis answers
  // with a promise.
  const cached = ctx.services.authorizerCache.get(entry.namespace, entry.key, ctx.services.clock.now());
  if (cached === undefined) return invokeAndDecide(ctx, authorizer, token, methodArn, entry);
  if (!(cached instanceof Promise)) return decide(ctx, cached.result, methodArn, cached.variables);
  return cached.then((hit) => (hit === undefined ? invokeAndDecide(ctx, authorizer, token, methodArn, entry) : decide(ctx, hit.result, methodArn, hit.variables)));
}

interface CacheEntry {
  namespace: string;
  key: string;
}

/** A cache miss (or no caching): runs the function, caches its result, then decides. */
async function invokeAndDecide(ctx: RoutedContext, authorizer: CompiledAuthorizer, token: string | undefined, methodArn: string, entry: CacheEntry | undefined): Promise<StageOutcome> {
  const started = ctx.services.clock.now();
  const result = await invokeAuthorizer(ctx, authorizer, token, methodArn);
  const latency = Math.max(0, ctx.services.clock.now() - started);
  if (entry !== undefined) await ctx.services.authorizerCache.set(entry.namespace, entry.key, cachedAuthorization(result), authorizer.ttlMs, ctx.services.clock.now());
  return decide(ctx, result, methodArn, authorizerVariables(result, latency));
}

/** The decision on a fresh or cached result, re-evaluated against this request's method ARN. */
function decide(ctx: RoutedContext, result: AuthorizerResult, methodArn: string, variables: AuthorizerVariables): StageOutcome {
  // AWS: the authorizer's policy joins the API's resource policy (Table A; test: resource-policies.test.ts "Lambda authorizer").
  const decision = combineWithResourcePolicy(ctx, evaluatePolicy(result.statements, methodArn));
  // AWS: explicit Deny wins; no matching Allow is an implicit deny (reference §5.1; test: "denies").
  if (decision !== 'allow') throw new AuthorizerDeniedError(decision === 'explicit-deny');
  // AWS: requestContext.authorizer carries principalId, the context values as strings and
  // integrationLatency (UNCONFIRMED; test: lambda-authorizers.test.ts "AWS_PROXY event").
  ctx.vars.authorizer = variables;
  ctx.usageIdentifierKey = result.usageIdentifierKey;
  return 'next';
}
