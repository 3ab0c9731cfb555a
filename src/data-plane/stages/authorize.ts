// authorize: runs the method's `authorizationType` — a Lambda authorizer (CUSTOM), a Cognito user
// pool (COGNITO_USER_POOLS) or SigV4 with IAM policies (AWS_IAM) — each in its own file under
// ../authorizers/. NONE passes (the resource-policy stage already decided for it).
// Reference §5; DESIGN §2.

import { runCognitoAuthorizer } from '../authorizers/cognito-authorizer.js';
import { runIamAuthorizer } from '../authorizers/iam-authorizer.js';
import { runLambdaAuthorizer } from '../authorizers/lambda-authorizer.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const authorize: PipelineStage<RoutedContext> = {
  name: 'authorize',
  run(ctx) {
    const method = ctx.route.value;
    // hot path: an unauthorized method pays one property read and one comparison.
    switch (method.method.authorizationType) {
      case 'CUSTOM':
        return runLambdaAuthorizer(ctx, method.authorizer!);
      case 'COGNITO_USER_POOLS':
        return runCognitoAuthorizer(ctx, method.authorizer!);
      case 'AWS_IAM':
        return runIamAuthorizer(ctx);
      default:
        return 'next';
    }
  },
};
