// Request time: runs a Lambda TOKEN or REQUEST authorizer on the local function runtime with AWS's
// event (integrations/lambda-authorizer-event.ts; REQUEST takes the request fields of the proxy
// event object, built once) and turns its answer into an AuthorizerResult or AWS's error.
// Reference §5.1; AWS developer guide "Input to an API Gateway Lambda authorizer".

import { renderRequestAuthorizerEvent, renderTokenAuthorizerEvent } from '../../integrations/lambda-authorizer-event.js';
import { errorMessageOf, MalformedAuthorizerOutput, parseAuthorizerOutput, type AuthorizerResult } from '../../integrations/lambda-authorizer-output.js';
import { invokeLambda } from '../../integrations/lambda-invoke.js';
import { createProxyEvent } from '../../integrations/lambda-proxy-event.js';
import type { CompiledAuthorizer } from '../../snapshot/compile-authorizer.js';
import { AuthorizerResultError, ClientGoneError, UnauthorizedError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';

/** Runs the function; throws UnauthorizedError (401) or AuthorizerResultError (500) as AWS answers. */
export async function invokeAuthorizer(ctx: RoutedContext, authorizer: CompiledAuthorizer, token: string | undefined, methodArn: string): Promise<AuthorizerResult> {
  const event = authorizer.type === 'TOKEN' ? renderTokenAuthorizerEvent(token, methodArn) : renderRequestAuthorizerEvent(methodArn, createProxyEvent(ctx));
  let payload: string;
  try {
    const result = await invokeLambda(ctx, ctx.services.integrations, authorizer.target, Buffer.from(event));
    payload = result.payload.toString('utf8');
    if (result.functionError !== undefined) {
      // AWS: an error whose message is exactly `Unauthorized` is the 401 (reference §5.1; test:
      // lambda-authorizers.test.ts "throws Unauthorized"); any other error is a configuration error.
      if (errorMessageOf(payload) === 'Unauthorized') throw new UnauthorizedError();
      ctx.logger.error({ authorizerId: authorizer.id, functionError: result.errorType }, 'Execution failed due to configuration error: Authorizer error');
      throw new AuthorizerResultError();
    }
  } catch (error) {
    if (error instanceof UnauthorizedError || error instanceof AuthorizerResultError || error instanceof ClientGoneError || ctx.clientGone) throw error;
    ctx.logger.error({ err: error, authorizerId: authorizer.id }, 'Execution failed due to configuration error: the authorizer could not be invoked');
    throw new AuthorizerResultError();
  }
  try {
    return parseAuthorizerOutput(payload);
  } catch (error) {
    if (!(error instanceof MalformedAuthorizerOutput)) throw error;
    ctx.logger.error({ authorizerId: authorizer.id, reason: error.message }, 'Execution failed due to configuration error: Invalid JSON in response');
    throw new AuthorizerResultError();
  }
}
