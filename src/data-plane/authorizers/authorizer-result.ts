// Request time: a Lambda authorizer's policy (parsed by integrations/lambda-authorizer-output.ts)
// evaluated for `execute-api:Invoke` on a method ARN the way IAM does. Reference §5.1; AWS developer
// guide "Output from an API Gateway Lambda authorizer".

import { matchesWildcard } from '../../iam/wildcard.js';
import type { PolicyStatement } from '../../integrations/lambda-authorizer-output.js';

export { MalformedAuthorizerOutput, parseAuthorizerOutput, type AuthorizerResult, type PolicyStatement } from '../../integrations/lambda-authorizer-output.js';

export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/** IAM evaluation for `execute-api:Invoke` on `methodArn`: an explicit deny wins over any allow. */
export function evaluatePolicy(statements: readonly PolicyStatement[], methodArn: string): PolicyDecision {
  let allowed = false;
  for (const statement of statements) {
    if (!statement.actions.some(matchesInvoke) || !statement.resources.some((resource) => matchesWildcard(resource, methodArn))) continue;
    if (!statement.allow) return 'explicit-deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/** IAM action names are case-insensitive: `execute-api:Invoke`, `execute-api:*`, `*`, or a wildcard pattern. */
function matchesInvoke(action: string): boolean {
  // hot path: the usual spellings match without lower-casing.
  if (action === 'execute-api:Invoke' || action === 'execute-api:*' || action === '*') return true;
  return matchesWildcard(action.toLowerCase(), 'execute-api:invoke');
}
