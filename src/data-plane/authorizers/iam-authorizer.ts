// Request time: an AWS_IAM method — the SigV4 signature verified against the Portico-configured
// principal of its access key, then that principal's identity policy and the API's resource policy
// joined as AWS does (same account: Table A, cross-account: Table B); the caller fills
// `$context.identity`. Reference §1.3, §5.3; AWS developer guide "Control access to a REST API with IAM permissions".

import { combineDecisions, evaluatePolicy, type PolicyDecision } from '../../iam/evaluate-policy.js';
import { verifySignature } from '../../iam/sigv4-verify.js';
import { IncompleteSignatureError, InvalidSignatureError, MissingAuthenticationTokenError, UnrecognizedClientError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { StageOutcome } from '../pipeline.js';
import { conditionContextOf, evaluateResourcePolicy, policyDeniedError } from '../stages/resource-policy.js';
import { methodArnOf } from './method-arn.js';

export function runIamAuthorizer(ctx: RoutedContext): StageOutcome {
  const served = ctx.servedStage;
  const target = ctx.req.url ?? '/';
  const question = target.indexOf('?');
  const check = verifySignature(
    {
      method: ctx.httpMethod,
      // AWS: the client signs the path it sent, stage included (test: iam-authorization.test.ts).
      rawPath: question < 0 ? target : target.slice(0, question),
      rawQuery: question < 0 ? '' : target.slice(question + 1),
      rawHeaders: ctx.rawHeaders,
      body: ctx.body,
    },
    { now: ctx.services.clock.now(), region: served.region, service: 'execute-api', lookup: (accessKeyId) => ctx.services.iamPrincipals.get(accessKeyId) },
  );
  // AWS: reference §1.3 (test: iam-authorization.test.ts "unsigned", "wrong secret", "unknown key", "expired").
  switch (check.outcome) {
    case 'unsigned':
      throw new MissingAuthenticationTokenError();
    case 'incomplete':
      throw new IncompleteSignatureError(check.message);
    case 'unknown-key':
      throw new UnrecognizedClientError(check.message);
    case 'expired':
    case 'mismatch':
      throw new InvalidSignatureError(check.message);
  }
  const principal = check.principal;
  const identity: PolicyDecision =
    principal.policy === undefined ? 'allow' : evaluatePolicy(principal.policy, { action: 'execute-api:Invoke', resource: methodArnOf(ctx), principal, context: conditionContextOf(ctx, principal) });
  const policy = served.snapshot.resourcePolicy;
  const resource = policy === undefined ? undefined : evaluateResourcePolicy(ctx, policy, principal);
  const decision = combineDecisions(identity, resource, principal.accountId === served.accountId);
  if (decision !== 'allow') throw policyDeniedError(ctx, principal.arn, denialReason(decision, identity));
  const vars = ctx.vars.identity;
  vars.accessKey = check.accessKeyId;
  vars.accountId = principal.accountId;
  vars.caller = principal.userId;
  vars.user = principal.userId;
  vars.userArn = principal.arn;
  return 'next';
}

/** AWS: the reason IAM appends (KB "SigV4 mismatch": `because no identity-based policy allows…`; the others UNCONFIRMED). */
function denialReason(decision: PolicyDecision, identity: PolicyDecision): string {
  if (decision === 'explicit-deny') return identity === 'explicit-deny' ? ' with an explicit deny in an identity-based policy' : ' with an explicit deny in a resource-based policy';
  return identity === 'allow' ? ' because no resource-based policy allows the execute-api:Invoke action' : ' because no identity-based policy allows the execute-api:Invoke action';
}
