// TestInvokeAuthorizer (POST /restapis/{restapi_id}/authorizers/{authorizer_id}; APIRef
// "TestInvokeAuthorizer"): runs an authorizer on a simulated request, deployed or not, and answers
// `{clientStatus, log, latency, principalId, policy, authorization, claims}`. Lambda TOKEN/REQUEST
// authorizers run on the local function runtime (as Lambda Invoke does). Reference §5.1, §8.1.

import { renderRequestAuthorizerEvent, renderTokenAuthorizerEvent } from '../../integrations/lambda-authorizer-event.js';
import { errorMessageOf, MalformedAuthorizerOutput, parseAuthorizerOutput } from '../../integrations/lambda-authorizer-output.js';
import { functionArn } from '../../functions/function-arn.js';
import type { Authorizer } from '../../model/rest-api.js';
import { generateExtendedRequestId, generateRequestId } from '../../shared/ids.js';
import { compileAuthorizer } from '../../snapshot/compile-authorizer.js';
import { collections } from '../../store/collections.js';
import { badRequest, notFound } from '../management-error.js';
import type { OperationDefinition, OperationInput, OperationServices } from '../wire/operation.js';
import { ExecutionLog, mask, truncate } from './execution-log.js';
import { requireRestApi } from './lookups.js';
import { testCognitoAuthorizer } from './test-cognito-authorizer.js';
import { parseTestInvokeRequest, testInvokeMappingInput, testRequestAuthorizerFields, type TestInvokeRequest } from './test-invoke-request.js';

/** The response members; absent ones are left out of the JSON. */
interface TestInvokeAuthorizerOutput {
  clientStatus: number;
  log: string;
  latency: number;
  principalId?: string;
  policy?: string;
  authorization?: Record<string, string[]>;
  claims?: Record<string, string>;
}

const testInvokeAuthorizer: OperationDefinition = {
  name: 'TestInvokeAuthorizer',
  method: 'POST',
  path: '/restapis/{restapi_id}/authorizers/{authorizer_id}',
  // Outside any transaction: the store's write lock is not held while the function runs.
  direct: true,
  async run(input, services) {
    const request = parseTestInvokeRequest(input.rawBody);
    const api = await requireRestApi(services.tx, input);
    const authorizer = await services.tx.get(collections.authorizer, input.region, api.id, input.params.authorizer_id ?? '');
    // AWS: `Invalid Authorizer identifier specified` (404; as GetAuthorizer; test: test-invoke-authorizer.test.ts).
    if (authorizer === undefined) throw notFound('Invalid Authorizer identifier specified');
    switch (authorizer.type) {
      case 'TOKEN':
      case 'REQUEST':
        return { status: 200, body: await testLambdaAuthorizer(input, services, authorizer, request) };
      case 'COGNITO_USER_POOLS':
        return { status: 200, body: await testCognitoAuthorizer(services, authorizer, request) };
      default:
        throw badRequest(`TestInvokeAuthorizer does not run ${authorizer.type} authorizers in Portico`);
    }
  },
};

/**
 * AWS: 200 with the policy for any valid result (a Deny policy too: nothing is evaluated against a
 * method), 401 for a missing identity source or an `Unauthorized` error, 500 for any other failure,
 * each with the execution log (a console test's log; test: test-invoke-authorizer.test.ts).
 */
async function testLambdaAuthorizer(input: OperationInput, services: OperationServices, authorizer: Authorizer, request: TestInvokeRequest): Promise<TestInvokeAuthorizerOutput> {
  const started = services.clock.now();
  const requestId = generateRequestId();
  const log = new ExecutionLog(services.clock, requestId);
  const answer = (clientStatus: number, extra: Partial<TestInvokeAuthorizerOutput> = {}): TestInvokeAuthorizerOutput => ({
    clientStatus,
    log: log.render(),
    latency: Math.max(0, services.clock.now() - started),
    ...extra,
  });
  const configurationError = (message: string): TestInvokeAuthorizerOutput => {
    log.add(`Execution failed due to configuration error: ${message}`);
    log.add('AuthorizerConfigurationException');
    return answer(500);
  };
  const unauthorized = (): TestInvokeAuthorizerOutput => {
    log.add(`Unauthorized request: ${requestId}`);
    log.add('Unauthorized');
    return answer(401);
  };

  log.add(`Starting authorizer: ${authorizer.id} for request: ${requestId}`);
  const compiled = compileAuthorizer(authorizer);
  const mapping = testInvokeMappingInput(request);
  const values = compiled.identitySources.map((source) => source.read(mapping));
  if (values.some((value) => value === undefined || value === '')) return unauthorized();
  const token = authorizer.type === 'TOKEN' ? values[0] : undefined;
  if (token !== undefined && compiled.validation !== undefined && !compiled.validation.test(token)) return unauthorized();
  log.add(`Incoming identity: ${token !== undefined ? mask(token) : `{${compiled.identitySources.map((source, i) => `${source.expression}=${mask(values[i] ?? '')}`).join(', ')}}`}`);

  const target = compiled.target.render(request.stageVariables);
  if (target === undefined) return configurationError('Invalid function ARN or invalid uri');
  const accountId = target.accountId ?? input.accountId;
  const arn = functionArn(target.region, accountId, target.functionName, target.qualifier);
  const endpoint = `https://lambda.${target.region}.amazonaws.com/2015-03-31/functions/${arn}/invocations`;
  // AWS: the test's method ARN names the stage `ESTestInvoke-stage` and GET (console tests' logged events).
  const methodArn = `arn:aws:execute-api:${input.region}:${input.accountId}:${apiIdOf(input)}/ESTestInvoke-stage/GET${request.path}`;
  const ids = { accountId: input.accountId, apiId: apiIdOf(input), requestId, extendedRequestId: generateExtendedRequestId(), now: started };
  const event = authorizer.type === 'TOKEN' ? renderTokenAuthorizerEvent(token, methodArn) : renderRequestAuthorizerEvent(methodArn, testRequestAuthorizerFields(request, ids));
  log.add(`Endpoint request URI: ${endpoint}`);
  log.add(
    `Endpoint request headers: {x-amzn-lambda-integration-tag=${requestId}, x-amzn-apigateway-api-id=${apiIdOf(input)}, X-Amz-Source-Arn=arn:aws:execute-api:${input.region}:${input.accountId}:${apiIdOf(input)}/authorizers/${authorizer.id}, Accept=application/json, User-Agent=AmazonAPIGateway_${apiIdOf(input)}}`,
  );
  log.add(`Endpoint request body after transformations: ${truncate(event)}`);
  log.add(`Sending request to ${endpoint}`);

  const definition = services.functions?.resolve(target.region, accountId, target.functionName, target.qualifier);
  if (definition === undefined) return configurationError(`Function not found: ${arn}`);
  let result;
  try {
    result = await services.functions!.invoke(definition, Buffer.from(event), { requestId: generateRequestId(), invokedFunctionArn: arn });
  } catch {
    return configurationError('Authorizer error');
  }
  const payload = result.payload.toString('utf8');
  // AWS: an error whose message is exactly `Unauthorized` is the 401, logged without the result body.
  if (result.functionError !== undefined && errorMessageOf(payload) === 'Unauthorized') return unauthorized();
  log.add(`Authorizer result body before parsing: ${truncate(payload)}`);
  // AWS: any other function error is the error object read as an authorizer result (a 2023 console test's log).
  if (result.functionError !== undefined) return configurationError(`Invalid JSON in response: Unrecognized field "${firstUnknownField(payload)}" , not marked as ignorable`);
  let parsed;
  try {
    parsed = parseAuthorizerOutput(payload);
  } catch (error) {
    if (!(error instanceof MalformedAuthorizerOutput)) throw error;
    return configurationError(`Invalid JSON in response: ${error.message}`);
  }
  log.add(`Using valid authorizer policy for principal: ${mask(parsed.principalId)}`);
  log.add('Successfully completed authorizer execution');
  const authorization: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(parsed.context)) authorization[key] = [value];
  return answer(200, { principalId: parsed.principalId, policy: policyText(payload), authorization });
}

function apiIdOf(input: OperationInput): string {
  return input.params.restapi_id ?? '';
}

const OUTPUT_MEMBERS = new Set(['principalId', 'policyDocument', 'context', 'usageIdentifierKey']);

/** The first member of an error object that is not an authorizer output member (`errorType` for Node.js). */
function firstUnknownField(payload: string): string {
  try {
    const value = JSON.parse(payload) as unknown;
    if (value !== null && typeof value === 'object') return Object.keys(value).find((key) => !OUTPUT_MEMBERS.has(key)) ?? 'errorMessage';
  } catch {
    // not JSON: name the usual member
  }
  return 'errorMessage';
}

/** `policy`: the policy document as the function returned it, as JSON text (parsed already, so valid). */
function policyText(payload: string): string {
  const document = (JSON.parse(payload) as { policyDocument: unknown }).policyDocument;
  return typeof document === 'string' ? document : JSON.stringify(document);
}

export const testInvokeAuthorizerOperations: OperationDefinition[] = [testInvokeAuthorizer];
