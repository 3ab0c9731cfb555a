// TestInvokeAuthorizer through the AWS SDK (APIRef "TestInvokeAuthorizer"; reference §5.1, §8.1):
// Lambda TOKEN and REQUEST authorizers run on the local function runtime with real handler files
// (test/fixtures/authorizers), undeployed. Pins clientStatus (200 allow or deny, 401 Unauthorized
// or a missing identity source, 500 a failing function), principalId, the policy as JSON text, the
// context in `authorization`, the events sent and the execution log AWS's console tests show.

import { CreateAuthorizerCommand, CreateRestApiCommand, TestInvokeAuthorizerCommand, type CreateAuthorizerCommandInput } from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorizerFunction } from '../support/authorizers.js';
import { functionUri, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let apiId: string;
const ARN_PREFIX = 'arn:aws:execute-api:us-east-1:000000000000';

beforeAll(async () => {
  portico = await startTestPortico();
  const lambda = lambdaClient(portico);
  for (const [name, fixture] of [['ti-allow', 'allow-all.js'], ['ti-deny', 'deny.js'], ['ti-unauthorized', 'unauthorized.js'], ['ti-error', 'error.js'], ['ti-context', 'context.js']] as const) {
    await createAuthorizerFunction(lambda, name, fixture);
  }
  apiId = (await portico.client.send(new CreateRestApiCommand({ name: 'test-invoke' }))).id!;
});
afterAll(() => portico.close());

async function authorizer(functionName: string, input: Partial<CreateAuthorizerCommandInput> = {}): Promise<string> {
  const created = await portico.client.send(
    new CreateAuthorizerCommand({ restApiId: apiId, name: functionName, type: 'TOKEN', identitySource: 'method.request.header.Authorization', authorizerUri: functionUri(functionName), ...input }),
  );
  return created.id!;
}

const logLines = (log: string | undefined): string[] => (log ?? '').trimEnd().split('\n');
/** `Fri Jun 09 20:04:12 UTC 2023 : message` → `message`. */
const messages = (log: string | undefined): string[] => logLines(log).slice(1).map((line) => line.replace(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} : /, ''));

describe('Lambda TOKEN authorizer', () => {
  it('allows: clientStatus 200, principalId, the policy as JSON text, the TOKEN event with the test method ARN, and the log', async () => {
    const id = await authorizer('ti-allow');
    const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: id, headers: { Authorization: 'allow-token-123456' } }));
    expect(out.$metadata.httpStatusCode).toBe(200);
    expect(out.clientStatus).toBe(200);
    expect(out.principalId).toBe('user-1');
    expect(JSON.parse(out.policy!)).toEqual({ Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: `${ARN_PREFIX}:${apiId}/*` }] });
    // AWS: the test's methodArn names the stage ESTestInvoke-stage and GET (console test logs).
    const event = JSON.parse(out.authorization!.event![0]!) as Record<string, unknown>;
    expect(event).toEqual({ type: 'TOKEN', authorizationToken: 'allow-token-123456', methodArn: `${ARN_PREFIX}:${apiId}/ESTestInvoke-stage/GET/` });
    expect(out.latency).toBeGreaterThanOrEqual(0);
    expect(out.claims).toBeUndefined();
    const lines = logLines(out.log);
    expect(lines[0]).toMatch(/^Execution log for request [0-9a-f-]{36}$/);
    const requestId = lines[0]!.slice('Execution log for request '.length);
    expect(lines[1]).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} : Starting authorizer: /);
    const log = messages(out.log);
    expect(log[0]).toBe(`Starting authorizer: ${id} for request: ${requestId}`);
    // AWS: secrets are masked but for their last 6 characters.
    expect(log[1]).toBe('Incoming identity: ************123456');
    expect(log[2]).toBe(`Endpoint request URI: https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:ti-allow/invocations`);
    expect(log).toContain(`Endpoint request body after transformations: ${JSON.stringify(event)}`);
    expect(log.at(-3)).toMatch(/^Authorizer result body before parsing: \{"principalId":"user-1","policyDocument"/);
    expect(log.slice(-2)).toEqual(['Using valid authorizer policy for principal: user-1', 'Successfully completed authorizer execution']);
  });

  it('answers 200 with a Deny policy: the test evaluates no method', async () => {
    const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: await authorizer('ti-deny'), headers: { Authorization: 'x' } }));
    expect(out.clientStatus).toBe(200);
    expect(out.principalId).toBe('denied-user');
    expect((JSON.parse(out.policy!) as { Statement: Array<{ Effect: string }> }).Statement.map((s) => s.Effect)).toEqual(['Allow', 'Deny']);
  });

  it('passes the context values, as strings, in `authorization`', async () => {
    const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: await authorizer('ti-context'), headers: { authorization: 'key-1' } }));
    expect(out.clientStatus).toBe(200);
    expect(out.authorization).toEqual({ text: ['hello'], count: ['42'], ratio: ['1.5'], admin: ['true'], off: ['false'] });
  });

  it('answers 401 when the function throws Unauthorized, logged without a result body', async () => {
    const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: await authorizer('ti-unauthorized'), headers: { Authorization: 'nope' } }));
    expect(out.clientStatus).toBe(401);
    expect(out.principalId).toBeUndefined();
    expect(out.policy).toBeUndefined();
    const log = messages(out.log);
    expect(log.slice(-2)).toEqual([expect.stringMatching(/^Unauthorized request: [0-9a-f-]{36}$/), 'Unauthorized']);
    expect(log.some((line) => line.startsWith('Authorizer result body'))).toBe(false);
  });

  it('answers 500 AuthorizerConfigurationException for a failing function, with the error read as a result', async () => {
    const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: await authorizer('ti-error'), headers: { Authorization: 'boom' } }));
    expect(out.clientStatus).toBe(500);
    const log = messages(out.log);
    expect(log.at(-3)).toMatch(/^Authorizer result body before parsing: \{"errorType":"Error","errorMessage":"database unreachable"/);
    expect(log.slice(-2)).toEqual(['Execution failed due to configuration error: Invalid JSON in response: Unrecognized field "errorType" , not marked as ignorable', 'AuthorizerConfigurationException']);
  });

  it('answers 401 without invoking when the identity source is missing or fails the validation expression', async () => {
    const id = await authorizer('ti-allow', { identityValidationExpression: 'Bearer .+' });
    const cases: Array<Record<string, string>> = [{}, { Other: 'x' }, { Authorization: '' }, { Authorization: 'Basic abc' }];
    for (const headers of cases) {
      const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: id, headers }));
      expect(out.clientStatus).toBe(401);
      expect(messages(out.log)).toEqual([expect.stringMatching(/^Starting authorizer: /), expect.stringMatching(/^Unauthorized request: /), 'Unauthorized']);
    }
    const allowed = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: id, multiValueHeaders: { Authorization: ['Bearer ok'] } }));
    expect(allowed.clientStatus).toBe(200);
  });
});

describe('Lambda REQUEST authorizer', () => {
  it('sends the REQUEST event AWS tests send: headers, query, stage variables, test-invoke request context', async () => {
    const id = await authorizer('ti-allow', { type: 'REQUEST', identitySource: 'method.request.header.X-User, method.request.querystring.tenant, stageVariables.zone' });
    const out = await portico.client.send(
      new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: id, headers: { 'X-User': 'ann-abcdefgh' }, pathWithQueryString: '/pets?tenant=acme&tenant=beta', stageVariables: { zone: 'eu' } }),
    );
    expect(out.clientStatus).toBe(200);
    const event = JSON.parse(out.authorization!.event![0]!) as Record<string, unknown>;
    expect(Object.keys(event)).toEqual(['type', 'methodArn', 'resource', 'path', 'httpMethod', 'headers', 'multiValueHeaders', 'queryStringParameters', 'multiValueQueryStringParameters', 'pathParameters', 'stageVariables', 'requestContext']);
    expect(event).toMatchObject({
      type: 'REQUEST',
      methodArn: `${ARN_PREFIX}:${apiId}/ESTestInvoke-stage/GET/pets`,
      path: '/pets',
      httpMethod: 'GET',
      headers: { 'X-User': 'ann-abcdefgh' },
      multiValueHeaders: { 'X-User': ['ann-abcdefgh'] },
      queryStringParameters: { tenant: 'beta' },
      multiValueQueryStringParameters: { tenant: ['acme', 'beta'] },
      pathParameters: {},
      stageVariables: { zone: 'eu' },
      requestContext: { stage: 'test-invoke-stage', resourceId: 'test-invoke-resource-id', accountId: '000000000000', apiId, protocol: 'HTTP/1.1' },
    });
    // AWS: the identity sources are logged by expression, values masked.
    expect(messages(out.log)[1]).toBe('Incoming identity: {method.request.header.X-User=******cdefgh, method.request.querystring.tenant=beta, stageVariables.zone=eu}');
  });

  it('answers 401 when a listed identity source is missing', async () => {
    const id = await authorizer('ti-allow', { type: 'REQUEST', identitySource: 'method.request.header.X-User, method.request.querystring.tenant' });
    const out = await portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: id, headers: { 'X-User': 'ann' }, pathWithQueryString: '/pets' }));
    expect(out.clientStatus).toBe(401);
  });
});

describe('unknown API or authorizer', () => {
  it('answers NotFoundException with AWS messages', async () => {
    await expect(portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId: 'nope00' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Authorizer identifier specified',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(portico.client.send(new TestInvokeAuthorizerCommand({ restApiId: 'nosuchapi0', authorizerId: 'nope00' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 000000000000:nosuchapi0',
    });
  });
});
