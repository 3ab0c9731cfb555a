// Request time: the method ARN authorizers, IAM and resource policies evaluate `execute-api:Invoke` on.
// Reference §5.1, §5.3; AWS developer guide "Control access to an API with IAM permissions".

import type { InvocationContext } from '../invocation-context.js';

/** AWS: arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path as requested} (test: lambda-authorizers.test.ts "methodArn"). */
export function methodArnOf(ctx: InvocationContext): string {
  const served = ctx.servedStage;
  return `arn:aws:execute-api:${served.region}:${served.accountId}:${served.apiId}/${served.stageName}/${ctx.httpMethod}${ctx.path}`;
}
