// The MOCK integration: no backend. The request template's output names the endpoint status code
// (`{"statusCode": 200}`), which then selects the integration response; the endpoint body is
// empty, so what the client gets comes from the response template. Reference §1.9; AWS developer
// guide "Mock integrations for REST APIs in API Gateway".

import { internalServerError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT } from '../data-plane/limits.js';
import type { Integration } from '../model/rest-api.js';
import type { CompiledIntegration, EndpointResponse, IntegrationInvocation } from './compiled-integration.js';

const EMPTY = Buffer.alloc(0);

/** Deploy time. */
export function compileMockIntegration(integration: Integration): CompiledIntegration {
  return {
    type: 'MOCK',
    proxy: false,
    timeoutInMillis: integration.timeoutInMillis > 0 ? integration.timeoutInMillis : DEFAULT_INTEGRATION_TIMEOUT,
    invoke: (invocation) => {
      try {
        return Promise.resolve(invokeMock(invocation));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    invokeLocally: invokeMock,
  };
}

/**
 * hot path. AWS: a request template whose output is not JSON with an integer `statusCode` answers
 * 500 Internal server error (reference §1.9; test: mapping-mock.test.ts "unusable statusCode").
 * AWS: with no request template applied, the method returns "the default integration response"
 * (developer guide); Portico uses status 200, so a `2\d{2}` pattern or the default response is
 * selected (UNCONFIRMED; test: mapping-mock.test.ts "without a request template").
 */
function invokeMock(invocation: IntegrationInvocation): EndpointResponse {
  const request = invocation.integrationRequest;
  if (!request.templated) return { statusCode: 200, headers: [], body: EMPTY };
  // hot path: the template's text when the stage kept it (the same characters parseStatusCode reads
  // in the body), without making the body's bytes
  const text = request.templateOutput ?? request.body?.toString('utf8');
  if (text === undefined) return { statusCode: 200, headers: [], body: EMPTY };
  const statusCode = parseStatusCode(text);
  if (statusCode === undefined) {
    invocation.logger.error({}, 'Execution failed due to configuration error: Unable to parse statusCode. It should be an integer that is defined in the request template.');
    throw internalServerError();
  }
  return { statusCode, headers: [], body: EMPTY };
}

const LENIENT_STATUS = /^\s*\{[\s\S]*?["']?\bstatusCode["']?\s*:\s*["']?(\d+)["']?\s*[,}]/;
/**
 * hot path: the usual `{"statusCode": 200}`, read without JSON.parse. Whatever this matches, JSON.parse
 * reads as that integer too (or refuses, leading zeros, and LENIENT_STATUS then reads the same digits).
 */
const PLAIN_STATUS = /^\s*\{\s*"statusCode"\s*:\s*(\d{1,15})\s*\}\s*$/;

/**
 * `{"statusCode": 200}`; a numeric string (`"200"`) is accepted too (UNCONFIRMED: AWS's JSON
 * reader coerces it). AWS also accepts the unquoted form `{statusCode: 200}` that CDK examples
 * use (LocalStack-observed), hence the lenient fallback.
 */
export function parseStatusCode(output: string): number | undefined {
  const plain = PLAIN_STATUS.exec(output);
  if (plain !== null) return Number(plain[1]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(output) as unknown;
  } catch {
    const match = LENIENT_STATUS.exec(output);
    return match === null ? undefined : Number(match[1]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const value = (parsed as Record<string, unknown>).statusCode;
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
