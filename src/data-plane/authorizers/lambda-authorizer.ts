// Request time: a CUSTOM method's Lambda TOKEN or REQUEST authorizer — identity sources,
// `identityValidationExpression`, the result cache (per stage, keyed by the identity source values,
// re-evaluated against each request's method ARN) and the policy decision; principalId, context and
// usageIdentifierKey go to later stages. Reference §5.1; AWS developer guide "Use API Gateway Lambda authorizers".

import type { CompiledAuthorizer } from '../../snapshot/compile-authorizer.js';
import { authorizerCacheNamespace } from '../../shared-state/traffic-state.js';
import { AuthorizerDeniedError, UnauthorizedError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { StageOutcome } from '../pipeline.js';
import { evaluatePolicy, type AuthorizerResult } from './authorizer-result.js';
import { invokeAuthorizer } from './invoke-authorizer.js';
import { methodArnOf } from './method-arn.js';

export async function runLambdaAuthorizer(ctx: RoutedContext, authorizer: CompiledAuthorizer): Promise<StageOutcome> {
  const values: string[] = [];
  for (const source of authorizer.identitySources) {
    const value = source.read(ctx);
    // AWS: a missing or empty identity source is 401 without invoking the function (reference §5.1;
    // test: lambda-authorizers.test.ts "missing identity source").
    if (value === undefined || value === '') throw new UnauthorizedError();
    values.push(value);
  }
  const token = authorizer.type === 'TOKEN' ? values[0] : undefined;
  // AWS: a TOKEN not matching identityValidationExpression is 401 without invoking (test: "validation expression").
  if (token !== undefined && authorizer.validation !== undefined && !authorizer.validation.test(token)) throw new UnauthorizedError();
  const served = ctx.servedStage;
  const methodArn = methodArnOf(ctx);
  const caching = authorizer.ttlMs > 0 && values.length > 0;
  const namespace = caching ? authorizerCacheNamespace(served.region, served.apiId, served.stageName) : '';
  const key = caching ? `${authorizer.id}\u0000${values.join('\u0000')}` : '';
  const cache = ctx.services.authorizerCache;
  let result: AuthorizerResult | undefined;
  let latency = 0;
  if (caching) {
    const cached = await cache.get(namespace, key, ctx.services.clock.now());
    if (cached !== undefined) result = JSON.parse(cached) as AuthorizerResult;
  }
  if (result === undefined) {
    const started = ctx.services.clock.now();
    result = await invokeAuthorizer(ctx, authorizer, token, methodArn);
    latency = Math.max(0, ctx.services.clock.now() - started);
    if (caching) await cache.set(namespace, key, JSON.stringify(result), authorizer.ttlMs, ctx.services.clock.now());
  }
  const decision = evaluatePolicy(result.statements, methodArn);
  // AWS: explicit Deny wins; no matching Allow is an implicit deny (reference §5.1; test: "denies").
  if (decision !== 'allow') throw new AuthorizerDeniedError(decision === 'explicit-deny');
  // AWS: requestContext.authorizer carries principalId, the context values as strings and
  // integrationLatency (UNCONFIRMED; test: lambda-authorizers.test.ts "AWS_PROXY event").
  ctx.vars.authorizer = { ...result.context, principalId: result.principalId, integrationLatency: latency };
  ctx.usageIdentifierKey = result.usageIdentifierKey;
  return 'next';
}
