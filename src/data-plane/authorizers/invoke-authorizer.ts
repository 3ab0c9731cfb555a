// Request time: runs a Lambda TOKEN or REQUEST authorizer on the local function runtime with AWS's
// event — TOKEN `{type, authorizationToken, methodArn}`, REQUEST the proxy event's request fields
// plus `type` and `methodArn` — and turns its answer into an AuthorizerResult or AWS's error.
// Reference §5.1; AWS developer guide "Input to an API Gateway Lambda authorizer".

import { invokeLambda } from '../../integrations/lambda-invoke.js';
import { buildProxyEvent } from '../../integrations/lambda-proxy-event.js';
import type { CompiledAuthorizer } from '../../snapshot/compile-authorizer.js';
import { AuthorizerResultError, ClientGoneError, UnauthorizedError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import { MalformedAuthorizerOutput, parseAuthorizerOutput, type AuthorizerResult } from './authorizer-result.js';

/** Runs the function; throws UnauthorizedError (401) or AuthorizerResultError (500) as AWS answers. */
export async function invokeAuthorizer(ctx: RoutedContext, authorizer: CompiledAuthorizer, token: string | undefined, methodArn: string): Promise<AuthorizerResult> {
  const event = authorizer.type === 'TOKEN' ? JSON.stringify({ type: 'TOKEN', authorizationToken: token, methodArn }) : requestEvent(ctx, methodArn);
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

function errorMessageOf(payload: string): unknown {
  try {
    const error = JSON.parse(payload) as unknown;
    return typeof error === 'object' && error !== null ? (error as { errorMessage?: unknown }).errorMessage : undefined;
  } catch {
    return undefined;
  }
}

/** The REQUEST event: the proxy event without its body, led by `type` and `methodArn` (reference §5.1). */
function requestEvent(ctx: RoutedContext, methodArn: string): string {
  const proxy = JSON.parse(buildProxyEvent(ctx)) as Record<string, unknown>;
  return JSON.stringify({
    type: 'REQUEST',
    methodArn,
    resource: proxy.resource,
    path: proxy.path,
    httpMethod: proxy.httpMethod,
    headers: proxy.headers,
    multiValueHeaders: proxy.multiValueHeaders,
    queryStringParameters: proxy.queryStringParameters,
    multiValueQueryStringParameters: proxy.multiValueQueryStringParameters,
    pathParameters: proxy.pathParameters,
    stageVariables: proxy.stageVariables,
    requestContext: proxy.requestContext,
  });
}
