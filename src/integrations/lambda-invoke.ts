// Request time, shared by the AWS_PROXY and AWS (Lambda) integrations: resolves the function the
// compiled URI names and runs it on the local runtime, racing the invocation signal. As on AWS, a
// timed-out integration does not stop the function (it finishes on its own worker). Reference §1.6,
// §1.8; tests: lambda-proxy.test.ts, lambda-custom.test.ts, lambda-timeouts.test.ts.

import { randomUUID } from 'node:crypto';
import { ApiConfigurationError, Default5xxError, internalServerError } from '../data-plane/gateway-errors.js';
import { functionArn } from '../functions/function-arn.js';
import { FunctionThrottledError, InvalidRuntimeError, type EventPayload, type InvocationResult } from '../functions/function-definition.js';
import type { IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import type { CompiledLambdaTarget } from './lambda-target.js';

/** hot path: the function's result; throws the GatewayError AWS answers for each failure. */
export function invokeLambda(invocation: IntegrationInvocation, services: IntegrationServices, compiled: CompiledLambdaTarget, payload: EventPayload): Promise<InvocationResult> {
  const target = compiled.render(invocation.stageVariables);
  if (target === undefined) {
    invocation.logger.error({}, 'Execution failed due to configuration error: Invalid function ARN or invalid uri');
    return Promise.reject(new ApiConfigurationError());
  }
  const accountId = target.accountId ?? invocation.servedStage.accountId;
  const definition = services.functions.resolve(target.region, accountId, target.functionName, target.qualifier);
  if (definition === undefined) {
    // AWS: an integration naming a function that does not exist (or cannot be invoked) answers
    // 500 Internal server error (test: lambda-proxy.test.ts "unknown function").
    const arn = functionArn(target.region, accountId, target.functionName, target.qualifier);
    invocation.logger.error({ functionArn: arn }, `Execution failed due to configuration error: Function not found: ${arn}`);
    return Promise.reject(new ApiConfigurationError());
  }
  const signal = invocation.signal;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  const lambdaRequestId = randomUUID();
  return new Promise<InvocationResult>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort);
    const invokedFunctionArn = functionArn(target.region, accountId, target.functionName, target.qualifier);
    services.functions.invoke(definition, payload, { requestId: lambdaRequestId, invokedFunctionArn, traceId: invocation.traceId }).then(
      (result) => {
        signal.removeEventListener('abort', onAbort);
        resolve(result);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(invocationFailure(error, invocation, definition.functionName, lambdaRequestId));
      },
    );
  });
}

/**
 * AWS: a throttled function answers 500 Internal server error (re:Post "troubleshoot 500 errors
 * for API Gateway endpoints that integrate with Lambda"; status UNCONFIRMED against 429; test:
 * lambda-concurrency.test.ts). A runtime failure is Lambda's ServiceException: 502.
 */
function invocationFailure(error: unknown, invocation: IntegrationInvocation, functionName: string, lambdaRequestId: string): Error {
  if (error instanceof FunctionThrottledError) {
    invocation.logger.warn({ functionName, lambdaRequestId }, 'Lambda invocation failed with status: 429. Execution failed: Rate Exceeded.');
    return internalServerError();
  }
  if (error instanceof InvalidRuntimeError) {
    invocation.logger.error({ functionName, lambdaRequestId, runtime: error.runtime }, 'Lambda invocation failed with status: 502: InvalidRuntimeException');
  } else {
    invocation.logger.error({ err: error, functionName, lambdaRequestId }, 'Lambda invocation failed: the function runtime could not run it');
  }
  return new Default5xxError(502, 'InternalServerErrorException', 'Internal server error', true);
}
