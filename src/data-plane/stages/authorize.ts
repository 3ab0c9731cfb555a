// authorize: runs the method's `authorizationType` — a Lambda authorizer (CUSTOM), a Cognito user
// pool (COGNITO_USER_POOLS) or SigV4 with IAM policies (AWS_IAM) — each in its own file under
// ../authorizers/. NONE passes (the resource-policy stage already decided for it).
// Reference §5; DESIGN §2.

import { runLambdaAuthorizer } from '../authorizers/lambda-authorizer.js';
import { AuthorizerResultError } from '../gateway-errors.js';
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
        // Fails closed until Cognito user pool authorizers are enforced (issue 7 §1).
        ctx.logger.error({ authorizerId: method.authorizer?.id }, 'Cognito authorizers are not enforced yet');
        throw new AuthorizerResultError();
      default:
        // NONE, and AWS_IAM until SigV4 verification lands (issue 7 §1).
        return 'next';
    }
  },
};
