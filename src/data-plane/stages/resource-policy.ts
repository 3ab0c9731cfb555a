// resource-policy: the API's resource policy (frozen by the deployment) for anonymous callers: NONE
// needs an explicit allow; an explicit deny stops a CUSTOM method before its Lambda authorizer, whose
// policy joins this one later (Table A). AWS_IAM and Cognito authorizers evaluate it after they
// authenticate. Developer guide "How API Gateway resource policies affect authorization workflow".

import { combineDecisions, evaluatePolicy, type PolicyDecision } from '../../iam/evaluate-policy.js';
import type { CompiledPolicy } from '../../iam/policy-document.js';
import type { IamPrincipal } from '../../iam/principals.js';
import { methodArnOf } from '../authorizers/method-arn.js';
import { PolicyDeniedError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const resourcePolicy: PipelineStage<RoutedContext> = {
  name: 'resource-policy',
  run(ctx) {
    // hot path: an API without a resource policy pays one property read.
    const policy = ctx.servedStage.snapshot.resourcePolicy;
    if (policy === undefined) return 'next';
    const type = ctx.route.value.method.authorizationType;
    if (type === 'AWS_IAM' || type === 'COGNITO_USER_POOLS') return 'next';
    const decision = evaluateResourcePolicy(ctx, policy, undefined);
    // AWS: NONE needs an explicit allow; any explicit deny stops a CUSTOM method before its
    // authorizer (test: resource-policies.test.ts "Lambda authorizer").
    if (decision === 'explicit-deny' || (decision === 'implicit-deny' && type !== 'CUSTOM')) throw anonymousDenied(ctx, decision);
    return 'next';
  },
};

/** A Lambda authorizer's decision joined with the resource policy (Table A; the caller is anonymous). */
export function combineWithResourcePolicy(ctx: RoutedContext, authorizerDecision: PolicyDecision): PolicyDecision {
  const policy = ctx.servedStage.snapshot.resourcePolicy;
  if (policy === undefined) return authorizerDecision;
  return combineDecisions(authorizerDecision, evaluateResourcePolicy(ctx, policy, undefined), true);
}

/**
 * AWS: after a Cognito user pool authenticated the caller, the resource policy is evaluated on its
 * own and must allow explicitly (developer guide, "Amazon Cognito authentication and resource policy").
 */
export function requireResourcePolicyAllow(ctx: RoutedContext): void {
  const policy = ctx.servedStage.snapshot.resourcePolicy;
  if (policy === undefined) return;
  const decision = evaluateResourcePolicy(ctx, policy, undefined);
  if (decision !== 'allow') throw anonymousDenied(ctx, decision);
}

export function evaluateResourcePolicy(ctx: RoutedContext, policy: CompiledPolicy, principal: IamPrincipal | undefined): PolicyDecision {
  return evaluatePolicy(policy, { action: 'execute-api:Invoke', resource: methodArnOf(ctx), principal, context: conditionContextOf(ctx, principal) });
}

/** The request context keys Portico supplies; VPC keys (`aws:SourceVpc`, `aws:SourceVpce`) are absent. */
export function conditionContextOf(ctx: RoutedContext, principal: IamPrincipal | undefined): (lowerKey: string) => string | undefined {
  return (key) => {
    switch (key) {
      case 'aws:sourceip':
        return ctx.sourceIp;
      case 'aws:useragent':
        return ctx.vars.identity.userAgent ?? undefined;
      case 'aws:referer':
        return ctx.headerValue('referer');
      case 'aws:securetransport':
        return ctx.scheme === 'https' ? 'true' : 'false';
      case 'aws:currenttime':
        return `${new Date(ctx.vars.requestTimeEpoch).toISOString().slice(0, 19)}Z`;
      case 'aws:epochtime':
        return String(Math.floor(ctx.vars.requestTimeEpoch / 1000));
      case 'aws:principalarn':
        return principal?.arn;
      case 'aws:principalaccount':
        return principal?.accountId;
      case 'aws:userid':
        return principal?.userId;
      case 'aws:username':
        return principal?.arn.match(/:user\/(?:.*\/)?([^/]+)$/)?.[1];
      default:
        return undefined;
    }
  };
}

/**
 * AWS: `User: {caller} is not authorized to perform: execute-api:Invoke on resource: {method ARN}`,
 * the ARN's account masked to its last four digits (`********2543`, observed 2024; test:
 * resource-policies.test.ts "denied").
 */
export function policyDeniedError(ctx: RoutedContext, caller: string, reason: string): PolicyDeniedError {
  const arn = methodArnOf(ctx);
  const account = ctx.servedStage.accountId;
  const masked = arn.replace(`:${account}:`, `:${'*'.repeat(Math.max(0, account.length - 4))}${account.slice(-4)}:`);
  return new PolicyDeniedError(`User: ${caller} is not authorized to perform: execute-api:Invoke on resource: ${masked}${reason}`);
}

/** AWS: `with an explicit deny` is appended for an explicit deny (KB "403 errors with a Lambda authorizer"). */
function anonymousDenied(ctx: RoutedContext, decision: PolicyDecision): PolicyDeniedError {
  return policyDeniedError(ctx, 'anonymous', decision === 'explicit-deny' ? ' with an explicit deny' : '');
}
