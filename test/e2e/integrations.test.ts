// Integration and integration response operations through the real AWS SDK: AWS's defaults per
// integration type, URI and mapping-expression validation with AWS's exact messages, patch paths
// with `~1`, and that a rejected update leaves the stored integration unchanged.

import {
  CreateRestApiCommand,
  DeleteIntegrationCommand,
  DeleteIntegrationResponseCommand,
  GetIntegrationCommand,
  GetIntegrationResponseCommand,
  GetMethodCommand,
  type PatchOperation,
  PutIntegrationCommand,
  type PutIntegrationCommandInput,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  UpdateIntegrationCommand,
  UpdateIntegrationResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(() => portico.close());

const LAMBDA_URI = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:MyLambda/invocations';

async function expectError(promise: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name, message, $metadata: { httpStatusCode: status } });
}

interface Target {
  restApiId: string;
  resourceId: string;
  httpMethod: string;
}

/** A fresh API with `GET /` declaring `q` and `petId`, and a 200 method response declaring `X-Id`. */
async function newMethod(): Promise<Target> {
  const api = await portico.client.send(new CreateRestApiCommand({ name: 'integrations' }));
  const target = { restApiId: api.id!, resourceId: api.rootResourceId!, httpMethod: 'GET' };
  await portico.client.send(
    new PutMethodCommand({
      ...target,
      authorizationType: 'NONE',
      requestParameters: { 'method.request.querystring.q': false, 'method.request.path.petId': true },
    }),
  );
  await portico.client.send(new PutMethodResponseCommand({ ...target, statusCode: '200', responseParameters: { 'method.response.header.X-Id': false } }));
  return target;
}

const put = (target: Target, input: Omit<PutIntegrationCommandInput, keyof Target>) => portico.client.send(new PutIntegrationCommand({ ...target, ...input }));
const update = (target: Target, patchOperations: PatchOperation[]) => portico.client.send(new UpdateIntegrationCommand({ ...target, patchOperations }));

describe('PutIntegration / GetIntegration / DeleteIntegration', () => {
  it('answers 201 with AWS defaults for HTTP (`integrationHttpMethod` is `httpMethod` on the wire)', async () => {
    const target = await newMethod();
    const integration = await put(target, { type: 'HTTP', integrationHttpMethod: 'POST', uri: 'http://example.com' });
    expect(integration.$metadata.httpStatusCode).toBe(201);
    expect(integration).toMatchObject({
      type: 'HTTP',
      httpMethod: 'POST',
      uri: 'http://example.com',
      connectionType: 'INTERNET',
      passthroughBehavior: 'WHEN_NO_MATCH',
      timeoutInMillis: 29000,
      cacheNamespace: target.resourceId,
      cacheKeyParameters: [],
    });
    const got = await portico.client.send(new GetIntegrationCommand(target));
    expect(got).toMatchObject({ type: 'HTTP', httpMethod: 'POST', cacheNamespace: target.resourceId });
  });

  it('keeps no URI, HTTP method or connection type on MOCK, and no connection type on AWS (AWS)', async () => {
    const target = await newMethod();
    const mock = await put(target, { type: 'MOCK', uri: 'http://example.com', requestTemplates: { 'application/json': '{"statusCode": 200}' } });
    expect(mock.uri).toBeUndefined();
    expect(mock.httpMethod).toBeUndefined();
    expect(mock.connectionType).toBeUndefined();
    expect(mock.requestTemplates).toEqual({ 'application/json': '{"statusCode": 200}' });
    for (const type of ['AWS', 'AWS_PROXY'] as const) {
      const aws = await put(target, { type, integrationHttpMethod: 'POST', uri: LAMBDA_URI });
      expect(aws).toMatchObject({ type, httpMethod: 'POST', uri: LAMBDA_URI });
      expect(aws.connectionType).toBeUndefined();
    }
    const s3 = await put(target, { type: 'AWS', integrationHttpMethod: 'GET', uri: 'arn:aws:apigateway:us-east-1:s3:path/bucket/key', credentials: 'arn:aws:iam::000000000000:role/r' });
    expect(s3.credentials).toBe('arn:aws:iam::000000000000:role/r');
  });

  it('accepts {param} and ${stageVariables.x} placeholders in HTTP URIs, even as the host', async () => {
    const target = await newMethod();
    for (const uri of ['https://example.com/pets/{petId}?q={q}', 'http://${stageVariables.host}/pets', 'https://${stageVariables.host}:8443/{proxy}']) {
      await expect(put(target, { type: 'HTTP_PROXY', integrationHttpMethod: 'ANY', uri })).resolves.toMatchObject({ uri });
    }
  });

  it('uses AWS messages for missing methods, bad URIs and out-of-range timeouts', async () => {
    const target = await newMethod();
    const cases: Array<[Omit<PutIntegrationCommandInput, keyof Target>, string]> = [
      [{ type: 'HTTP', uri: 'http://example.com' }, 'Enumeration value for HttpMethod must be non-empty'],
      [{ type: 'HTTP_PROXY', uri: 'http://example.com' }, 'Enumeration value for HttpMethod must be non-empty'],
      [{ type: 'AWS', uri: LAMBDA_URI }, 'Enumeration value for HttpMethod must be non-empty'],
      [{ type: 'HTTP', integrationHttpMethod: 'POST', uri: 'non-valid-http' }, 'Invalid HTTP endpoint specified for URI'],
      [{ type: 'HTTP_PROXY', integrationHttpMethod: 'POST', uri: 'ftp://example.com' }, 'Invalid HTTP endpoint specified for URI'],
      [{ type: 'HTTP', integrationHttpMethod: 'POST', uri: 'http:example.com' }, 'Invalid HTTP endpoint specified for URI'],
      [{ type: 'HTTP', integrationHttpMethod: 'POST' }, 'Invalid HTTP endpoint specified for URI'],
      [{ type: 'AWS', integrationHttpMethod: 'POST', uri: 'non-valid-arn' }, 'Invalid ARN specified in the request'],
      [{ type: 'AWS', integrationHttpMethod: 'POST', uri: 'arn:aws:iam::0000000000:role/service-role/asdf' }, 'AWS ARN for integration must contain path or action'],
      [
        { type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: 'arn:aws:apigateway:us-east-1:s3:path/b/k' },
        "Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.",
      ],
      [{ type: 'MOCK', timeoutInMillis: 49 }, 'Timeout should be between 50 ms and 29000 ms'],
      [{ type: 'MOCK', timeoutInMillis: 29001 }, 'Timeout should be between 50 ms and 29000 ms'],
      [{ type: 'MOCK', passthroughBehavior: 'SOMETIMES' }, 'Invalid passthrough behavior specified'],
    ];
    for (const [input, message] of cases) await expectError(put(target, input), 'BadRequestException', message, 400);
    await expectError(
      put(target, { type: 'HTTPS_PROXY' as 'HTTP_PROXY' }),
      'ValidationException',
      "1 validation error detected: Value 'HTTPS_PROXY' at 'putIntegrationInput.type' failed to satisfy constraint: Member must satisfy enum value set: [HTTP, MOCK, AWS_PROXY, HTTP_PROXY, AWS]",
      400,
    );
  });

  it('checks request parameter mappings against the method request (AWS messages)', async () => {
    const target = await newMethod();
    const ok = await put(target, {
      type: 'HTTP',
      integrationHttpMethod: 'GET',
      uri: 'https://example.com/{id}',
      requestParameters: {
        'integration.request.path.id': 'method.request.path.petId',
        'integration.request.querystring.search': 'method.request.multivaluequerystring.q',
        'integration.request.header.x-static': "'static'",
        'integration.request.header.x-stage': 'stageVariables.name',
        'integration.request.header.x-request': 'context.requestId',
        'integration.request.header.x-body': 'method.request.body.name',
      },
      cacheKeyParameters: ['method.request.querystring.q'],
    });
    expect(ok.cacheKeyParameters).toEqual(['method.request.querystring.q']);
    const prefix = 'Invalid mapping expression specified: Validation Result: warnings : [], errors : ';
    await expectError(
      put(target, { type: 'MOCK', requestParameters: { 'integration.request.header.x': 'true' } }),
      'BadRequestException',
      `${prefix}[Invalid mapping expression specified: true]`,
      400,
    );
    await expectError(
      put(target, { type: 'MOCK', requestParameters: { 'integration.request.header.x': 'method.request.header.undeclared' } }),
      'BadRequestException',
      `${prefix}[Invalid mapping expression parameter specified: method.request.header.undeclared]`,
      400,
    );
    await expectError(
      put(target, { type: 'MOCK', cacheKeyParameters: ['method.request.querystring.X-Some-Header-2'] }),
      'BadRequestException',
      `${prefix}[Invalid mapping expression parameter specified: method.request.querystring.X-Some-Header-2]`,
      400,
    );
  });

  it('answers 404 for a missing method or integration, and 204 on delete', async () => {
    const target = await newMethod();
    await expectError(portico.client.send(new GetIntegrationCommand(target)), 'NotFoundException', 'Invalid Integration identifier specified', 404);
    await expectError(put({ ...target, httpMethod: 'POST' }, { type: 'MOCK' }), 'NotFoundException', 'Invalid Method identifier specified', 404);
    await expectError(put({ ...target, resourceId: 'nope00' }, { type: 'MOCK' }), 'NotFoundException', 'Invalid Resource identifier specified', 404);
    await put(target, { type: 'MOCK' });
    const deleted = await portico.client.send(new DeleteIntegrationCommand(target));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expectError(portico.client.send(new GetIntegrationCommand(target)), 'NotFoundException', 'Invalid Integration identifier specified', 404);
    await expectError(portico.client.send(new DeleteIntegrationCommand(target)), 'NotFoundException', 'Invalid Integration identifier specified', 404);
  });
});

describe('UpdateIntegration', () => {
  it('applies patches to scalars, maps (`~1` keys), cache keys and TLS settings', async () => {
    const target = await newMethod();
    await put(target, { type: 'HTTP', integrationHttpMethod: 'GET', uri: 'http://example.com' });
    const updated = await update(target, [
      { op: 'replace', path: '/uri', value: 'https://example.org/{petId}' },
      { op: 'replace', path: '/httpMethod', value: 'PUT' },
      { op: 'replace', path: '/timeoutInMillis', value: '1000' },
      { op: 'replace', path: '/passthroughBehavior', value: 'NEVER' },
      { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_TEXT' },
      { op: 'add', path: '/requestTemplates/application~1json', value: '{"a": 1}' },
      { op: 'add', path: '/requestParameters/integration.request.path.petId', value: 'method.request.path.petId' },
      { op: 'add', path: '/cacheKeyParameters/method.request.path.petId' },
      { op: 'replace', path: '/tlsConfig/insecureSkipVerification', value: 'true' },
    ]);
    expect(updated).toMatchObject({
      uri: 'https://example.org/{petId}',
      httpMethod: 'PUT',
      timeoutInMillis: 1000,
      passthroughBehavior: 'NEVER',
      contentHandling: 'CONVERT_TO_TEXT',
      requestTemplates: { 'application/json': '{"a": 1}' },
      requestParameters: { 'integration.request.path.petId': 'method.request.path.petId' },
      cacheKeyParameters: ['method.request.path.petId'],
      tlsConfig: { insecureSkipVerification: true },
    });
    const removed = await update(target, [
      { op: 'remove', path: '/requestTemplates/application~1json' },
      { op: 'remove', path: '/cacheKeyParameters/method.request.path.petId' },
    ]);
    expect(removed.requestTemplates).toBeUndefined();
    expect(removed.cacheKeyParameters).toEqual([]);
  });

  it('uses AWS messages for unknown paths, ops, missing keys and invalid results', async () => {
    const target = await newMethod();
    await put(target, { type: 'HTTP', integrationHttpMethod: 'GET', uri: 'http://example.com' });
    await expectError(update(target, [{ op: 'replace', path: '/nope', value: 'x' }]), 'BadRequestException', 'Invalid patch path /nope', 400);
    await expectError(update(target, [{ op: 'add', path: '/uri', value: 'x' }]), 'BadRequestException', 'Invalid patch operation specified. Must be one of: [replace]', 400);
    await expectError(
      update(target, [{ op: 'replace', path: '/requestParameters/integration.request.header.x', value: "'x'" }]),
      'NotFoundException',
      'Invalid parameter name specified',
      404,
    );
    await expectError(update(target, [{ op: 'replace', path: '/timeoutInMillis', value: '30000' }]), 'BadRequestException', 'Timeout should be between 50 ms and 29000 ms', 400);
    await expectError(update(target, [{ op: 'replace', path: '/uri', value: 'not a url' }]), 'BadRequestException', 'Invalid HTTP endpoint specified for URI', 400);
    await expectError(
      portico.client.send(new UpdateIntegrationCommand({ ...target, httpMethod: 'POST', patchOperations: [] })),
      'NotFoundException',
      'Invalid Method identifier specified',
      404,
    );
  });

  it('changes nothing when one operation of the patch is rejected', async () => {
    const target = await newMethod();
    await put(target, { type: 'HTTP', integrationHttpMethod: 'GET', uri: 'http://example.com' });
    await expectError(
      update(target, [
        { op: 'replace', path: '/uri', value: 'http://changed.example.com' },
        { op: 'replace', path: '/timeoutInMillis', value: '10' },
      ]),
      'BadRequestException',
      'Timeout should be between 50 ms and 29000 ms',
      400,
    );
    const after = await portico.client.send(new GetIntegrationCommand(target));
    expect(after).toMatchObject({ uri: 'http://example.com', timeoutInMillis: 29000 });
  });
});

describe('integration responses', () => {
  const at = (target: Target, statusCode: string) => ({ ...target, statusCode });

  it('puts (201), gets, updates and deletes (204) an integration response', async () => {
    const target = await newMethod();
    await put(target, { type: 'MOCK' });
    const created = await portico.client.send(
      new PutIntegrationResponseCommand({
        ...at(target, '200'),
        selectionPattern: '',
        responseParameters: { 'method.response.header.X-Id': 'integration.response.header.id' },
        responseTemplates: { 'application/json': '' },
      }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ statusCode: '200', selectionPattern: '', responseTemplates: { 'application/json': '' } });
    const updated = await portico.client.send(
      new UpdateIntegrationResponseCommand({
        ...at(target, '200'),
        patchOperations: [
          { op: 'replace', path: '/selectionPattern', value: '2\\d{2}' },
          { op: 'replace', path: '/responseTemplates/application~1json', value: '{"ok": true}' },
          { op: 'replace', path: '/responseParameters/method.response.header.X-Id', value: "'fixed'" },
          { op: 'replace', path: '/contentHandling', value: 'CONVERT_TO_BINARY' },
        ],
      }),
    );
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated).toMatchObject({
      selectionPattern: '2\\d{2}',
      responseTemplates: { 'application/json': '{"ok": true}' },
      responseParameters: { 'method.response.header.X-Id': "'fixed'" },
      contentHandling: 'CONVERT_TO_BINARY',
    });
    const method = await portico.client.send(new GetMethodCommand(target));
    expect(method.methodIntegration?.integrationResponses?.['200']?.selectionPattern).toBe('2\\d{2}');
    const deleted = await portico.client.send(new DeleteIntegrationResponseCommand(at(target, '200')));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await expectError(portico.client.send(new GetIntegrationResponseCommand(at(target, '200'))), 'NotFoundException', 'Invalid Response status code specified', 404);
  });

  it('requires an integration and a method response of the same status code', async () => {
    const target = await newMethod();
    await expectError(portico.client.send(new PutIntegrationResponseCommand(at(target, '200'))), 'NotFoundException', 'Invalid Integration identifier specified', 404);
    await put(target, { type: 'MOCK' });
    await expectError(portico.client.send(new PutIntegrationResponseCommand(at(target, '201'))), 'NotFoundException', 'Invalid Response status code specified', 404);
    await expectError(
      portico.client.send(new PutIntegrationResponseCommand(at(target, '600'))),
      'ValidationException',
      "1 validation error detected: Value '600' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d",
      400,
    );
  });

  it('checks response parameter mappings against the method response (AWS messages)', async () => {
    const target = await newMethod();
    await put(target, { type: 'MOCK' });
    const prefix = 'Invalid mapping expression specified: Validation Result: warnings : [], errors : ';
    await expectError(
      portico.client.send(new PutIntegrationResponseCommand({ ...at(target, '200'), responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } })),
      'BadRequestException',
      `${prefix}[Invalid mapping expression parameter specified: method.response.header.Access-Control-Allow-Origin]`,
      400,
    );
    await expectError(
      portico.client.send(new PutIntegrationResponseCommand({ ...at(target, '200'), responseParameters: { 'method.response.header.X-Id': "'Content-Type',Authorization" } })),
      'BadRequestException',
      `${prefix}[Invalid mapping expression specified: 'Content-Type',Authorization]`,
      400,
    );
    await expectError(
      portico.client.send(new PutIntegrationResponseCommand({ ...at(target, '200'), responseParameters: { 'method.response.header.X-Id': '' } })),
      'BadRequestException',
      'Invalid null or empty value in responseParameters',
      400,
    );
  });

  it('refuses a null response template (raw wire call)', async () => {
    const target = await newMethod();
    await put(target, { type: 'MOCK' });
    const response = await fetch(`${portico.url}/restapis/${target.restApiId}/resources/${target.resourceId}/methods/GET/integration/responses/200`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: 'AWS4-HMAC-SHA256 Credential=AKIDTEST/20261121/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=00',
      },
      body: JSON.stringify({ responseTemplates: { 'application/json': null } }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: 'Invalid null or empty value in responseTemplates' });
  });

  it('changes nothing when an update is rejected', async () => {
    const target = await newMethod();
    await put(target, { type: 'MOCK' });
    await portico.client.send(new PutIntegrationResponseCommand({ ...at(target, '200'), selectionPattern: 'original' }));
    await expectError(
      portico.client.send(
        new UpdateIntegrationResponseCommand({
          ...at(target, '200'),
          patchOperations: [
            { op: 'replace', path: '/selectionPattern', value: 'changed' },
            { op: 'add', path: '/responseParameters/method.response.header.Undeclared', value: "'x'" },
          ],
        }),
      ),
      'BadRequestException',
      'Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping expression parameter specified: method.response.header.Undeclared]',
      400,
    );
    expect((await portico.client.send(new GetIntegrationResponseCommand(at(target, '200')))).selectionPattern).toBe('original');
  });
});
