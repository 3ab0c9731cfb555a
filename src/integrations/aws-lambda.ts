// The AWS integration with Lambda ("Lambda custom integration"): the integration request body
// (request template output, else the method request body) is the event; a function error's
// `errorMessage` is what `selectionPattern` matches, a success takes the default response; other
// AWS services are not served (500). Reference §1.9, §2.3; "Handle Lambda errors in API Gateway".

import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation, IntegrationServices } from './compiled-integration.js';
import { invokeLambda } from './lambda-invoke.js';
import { LambdaIntegration } from './lambda-integration.js';
import { compileLambdaTarget } from './lambda-target.js';

const EMPTY_EVENT = Buffer.from('{}');
const EMPTY = Buffer.alloc(0);

/** Deploy time. */
export function compileAwsIntegration(integration: Integration): CompiledIntegration {
  return new LambdaCustomIntegration(integration, compileLambdaTarget(integration.uri));
}

// AWS: Lambda's Invoke is a POST; another integration verb fails at run time (UNCONFIRMED: 500).
class LambdaCustomIntegration extends LambdaIntegration implements CompiledIntegration {
  readonly type = 'AWS';
  readonly proxy = false;

  // hot path
  async invoke(invocation: IntegrationInvocation, services: IntegrationServices): Promise<EndpointResponse> {
    this.rejectIfMisconfigured(invocation);
    const request = invocation.integrationRequest;
    const body = request.body ?? invocation.body;
    const payload = body.length === 0 ? EMPTY_EVENT : body;
    if (!isJson(payload)) {
      // AWS: Lambda refuses a payload that is not JSON (InvalidRequestContentException); API Gateway
      // answers 500 (UNCONFIRMED; test: lambda-custom.test.ts "template output that is not JSON").
      invocation.logger.error({}, 'Execution failed due to configuration error: Could not parse request body into json');
      throw new ApiConfigurationError();
    }
    if (isEventInvocation(request.header)) {
      invokeLambda(invocation, services, this.target, payload).catch((error: unknown) => invocation.logger.warn({ err: error }, 'asynchronous Lambda invocation failed'));
      // AWS: an `X-Amz-Invocation-Type: 'Event'` mapping invokes asynchronously; Lambda answers 202.
      return { statusCode: 202, headers: [], body: EMPTY, selectionSubject: '' };
    }
    const result = await invokeLambda(invocation, services, this.target, payload);
    const headers = ['Content-Type', 'application/json', 'X-Amz-Executed-Version', result.executedVersion];
    if (result.functionError === undefined) return { statusCode: 200, headers, body: result.payload, selectionSubject: '' };
    headers.push('X-Amz-Function-Error', result.functionError);
    return { statusCode: 200, headers, body: result.payload, selectionSubject: errorMessageOf(result.payload) };
  }
}

function isJson(payload: Buffer): boolean {
  try {
    JSON.parse(payload.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function isEventInvocation(mapped: ReadonlyArray<readonly [string, string]> | undefined): boolean {
  if (mapped === undefined) return false;
  for (const [name, value] of mapped) if (name.toLowerCase() === 'x-amz-invocation-type' && value === 'Event') return true;
  return false;
}

/** Lambda's error payload is `{"errorMessage": ..., "errorType": ..., "stackTrace": [...]}`. */
export function errorMessageOf(payload: Buffer): string {
  try {
    const error = JSON.parse(payload.toString('utf8')) as unknown;
    if (error !== null && typeof error === 'object' && typeof (error as { errorMessage?: unknown }).errorMessage === 'string') {
      return (error as { errorMessage: string }).errorMessage;
    }
  } catch {
    // not JSON: no message to select on
  }
  return '';
}
