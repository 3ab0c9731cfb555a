// Request time: evaluates a compiled IAM policy for one action on one resource by one caller, the
// way IAM does: an explicit Deny wins, else any matching Allow, else an implicit deny.
// IAM User Guide "Policy evaluation logic"; API Gateway developer guide "How API Gateway resource
// policies affect authorization workflow".

import type { ConditionContext } from './policy-conditions.js';
import type { CompiledPolicy, CompiledStatement, PrincipalMatcher } from './policy-document.js';
import { matchesWildcard } from './wildcard.js';

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** An authenticated AWS caller; anonymous callers (NONE, Lambda and Cognito authorizers) have none. */
export interface PolicyPrincipal {
  readonly arn: string;
  readonly accountId: string;
}

export interface PolicyRequest {
  /** e.g. `execute-api:Invoke` */
  readonly action: string;
  /** e.g. the method ARN */
  readonly resource: string;
  readonly principal: PolicyPrincipal | undefined;
  readonly context: ConditionContext;
}

export function evaluatePolicy(policy: CompiledPolicy, request: PolicyRequest): PolicyDecision {
  const action = request.action.toLowerCase();
  let allowed = false;
  for (const statement of policy.statements) {
    if (!applies(statement, action, request)) continue;
    if (!statement.allow) return 'explicit-deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

function applies(statement: CompiledStatement, action: string, request: PolicyRequest): boolean {
  if (statement.principal !== undefined && principalMatches(statement.principal, request.principal) === statement.notPrincipal) return false;
  if (statement.actions.some((pattern) => matchesWildcard(pattern, action)) === statement.notAction) return false;
  if (statement.resources.some((pattern) => matchesWildcard(pattern, request.resource)) === statement.notResource) return false;
  return statement.conditions.every((condition) => condition.test(request.context));
}

function principalMatches(matcher: PrincipalMatcher, principal: PolicyPrincipal | undefined): boolean {
  if (matcher.anyone) return true;
  if (principal === undefined) return false;
  if (matcher.accounts.includes(principal.accountId)) return true;
  return matcher.arns.includes(principal.arn) || matcher.arns.includes(roleOfSession(principal.arn));
}

/** AWS: a role ARN in a Principal also names that role's sessions (`arn:aws:sts::1:assumed-role/R/s`). */
function roleOfSession(arn: string): string {
  const match = /^arn:(aws[a-z-]*):sts::(\d{12}):assumed-role\/([^/]+)\/.+$/.exec(arn);
  return match === null ? '' : `arn:${match[1]}:iam::${match[2]}:role/${match[3]}`;
}

/**
 * An identity-side decision (an IAM identity policy, or a Lambda or Cognito authorizer) joined with
 * the resource policy's (`undefined`: the API has none). Same account (Table A): an explicit deny
 * wins, then either allow suffices; cross-account (Table B): both must allow. API Gateway developer
 * guide "How API Gateway resource policies affect authorization workflow", outcome tables A and B.
 */
export function combineDecisions(identity: PolicyDecision, resource: PolicyDecision | undefined, sameAccount: boolean): PolicyDecision {
  const other = resource ?? 'implicit-deny';
  if (identity === 'explicit-deny' || other === 'explicit-deny') return 'explicit-deny';
  if (sameAccount) return identity === 'allow' || other === 'allow' ? 'allow' : 'implicit-deny';
  return identity === 'allow' && other === 'allow' ? 'allow' : 'implicit-deny';
}
