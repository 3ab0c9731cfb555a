// Invoke: runs a function version on the local runtime, outside any store transaction (a direct
// operation reading the FunctionRegistry). RequestResponse answers 200 with the payload,
// `X-Amz-Function-Error` and the `X-Amz-Log-Result` tail; Event answers 202 at once; DryRun 204.
// AWS Lambda API reference "Invoke"; tests: lambda-invoke.test.ts.

import { functionArn } from '../../functions/function-arn.js';
import { FunctionThrottledError, InvalidRuntimeError, type FunctionDefinition, type FunctionInvokeOptions } from '../../functions/function-definition.js';
import { generateRequestId } from '../../shared/ids.js';
import { ManagementError } from '../management-error.js';
import type { OperationDefinition } from '../wire/operation.js';
import { locateFunction, type LambdaServices } from './function-lookups.js';
import { functionNotFound, invalidRuntime, quoted, throttled, validationError } from './lambda-errors.js';

/** AWS: LogResult carries the last 4 KB of the invocation's log. */
const LOG_TAIL_BYTES = 4096;
const INVOCATION_TYPES = ['Event', 'RequestResponse', 'DryRun'];
const LOG_TYPES = ['None', 'Tail'];
const EMPTY_EVENT = Buffer.from('{}');

export function invokeOperation(lambda: LambdaServices): OperationDefinition {
  return {
    name: 'Invoke',
    method: 'POST',
    path: '/2015-03-31/functions/{FunctionName}/invocations',
    direct: true,
    async run(input) {
      const { functionName, qualifier } = locateFunction(input, { dotInPattern: true });
      const invocationType = header(input.headers['x-amz-invocation-type']) ?? 'RequestResponse';
      if (!INVOCATION_TYPES.includes(invocationType)) {
        throw validationError(quoted(invocationType), 'invocationType', 'Member must satisfy enum value set: [Event, RequestResponse, DryRun]');
      }
      const logType = header(input.headers['x-amz-log-type']) ?? 'None';
      if (!LOG_TYPES.includes(logType)) throw validationError(quoted(logType), 'logType', 'Member must satisfy enum value set: [Tail, None]');
      const definition = lambda.functions.resolve(input.region, functionName, qualifier);
      if (definition === undefined) {
        const known = lambda.functions.get(input.region, functionName) !== undefined;
        throw functionNotFound(input.region, input.accountId, functionName, known ? qualifier : undefined);
      }
      const payload = input.rawBody.length === 0 ? EMPTY_EVENT : input.rawBody;
      checkJson(payload);
      if (invocationType === 'DryRun') return { status: 204 };
      const requestId = generateRequestId();
      const clientContext = header(input.headers['x-amz-client-context']);
      const options: FunctionInvokeOptions = {
        requestId,
        invokedFunctionArn: functionArn(input.region, input.accountId, functionName, qualifier),
        ...(clientContext !== undefined && { clientContext: Buffer.from(clientContext, 'base64').toString('utf8') }),
      };
      if (invocationType === 'Event') {
        runEvent(lambda, definition, payload, options);
        return { status: 202, headers: { 'x-amzn-RequestId': requestId } };
      }
      let result;
      try {
        result = await lambda.runtime.invoke(definition, payload, options);
      } catch (error) {
        if (error instanceof FunctionThrottledError) throw throttled(error.reason);
        if (error instanceof InvalidRuntimeError) throw invalidRuntime(error.message);
        throw error;
      }
      const headers: Record<string, string> = { 'x-amzn-RequestId': requestId, 'X-Amz-Executed-Version': result.executedVersion };
      if (result.functionError !== undefined) headers['X-Amz-Function-Error'] = result.functionError;
      if (logType === 'Tail') headers['X-Amz-Log-Result'] = logTail(result.log);
      return { status: 200, payload: result.payload, headers };
    },
  };
}

/** Event invocations run after the 202; their failures only reach the log (Lambda would retry). */
function runEvent(lambda: LambdaServices, definition: FunctionDefinition, payload: Buffer, options: FunctionInvokeOptions): void {
  const requestId = options.requestId;
  lambda.runtime.invoke(definition, payload, options).then(
    (result) => {
      if (result.functionError !== undefined) lambda.logger.warn({ functionName: definition.functionName, requestId }, 'asynchronous invocation failed');
    },
    (error: unknown) => lambda.logger.warn({ err: error, functionName: definition.functionName, requestId }, 'asynchronous invocation could not run'),
  );
}

/** Base64 of the last 4 KB of the log (cut on a byte boundary, as Lambda does). */
export function logTail(log: string): string {
  const bytes = Buffer.from(log, 'utf8');
  return bytes.subarray(Math.max(0, bytes.length - LOG_TAIL_BYTES)).toString('base64');
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** AWS: a payload that is not JSON is refused before the function runs (message detail UNCONFIRMED). */
function checkJson(payload: Buffer): void {
  try {
    JSON.parse(payload.toString('utf8'));
  } catch (error) {
    throw new ManagementError('InvalidRequestContentException', `Could not parse request body into json: Could not parse payload into json: ${(error as Error).message}`, {
      Type: 'User',
    });
  }
}
