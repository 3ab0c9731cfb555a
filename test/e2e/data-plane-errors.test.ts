// Gateway errors byte for byte (reference §1.3, §1.4): no route, 413, internal failures, customised
// gateway responses with DEFAULT_4XX/5XX inheritance, and malformed requests that must never take
// the process down.

import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../src/shared/aws-account.js';
import { NO_BINARY_MEDIA_TYPES } from '../../src/snapshot/compile-binary-media-types.js';
import { NO_REQUEST_PARAMETERS } from '../../src/snapshot/compile-request-parameters.js';
import { RouteTree } from '../../src/snapshot/route-tree.js';
import { createServedStage, type CompiledMethod } from '../../src/snapshot/served-stage.js';
import { echoHandler, startBackend, type TestBackend } from '../support/backend.js';
import { definitionOf, httpProxy, stageOf, startDataPlaneHarness, type DataPlaneHarness } from '../support/data-plane-harness.js';

let harness: DataPlaneHarness;
let backend: TestBackend;
const api = 'errapi0000';

beforeAll(async () => {
  backend = await startBackend();
  harness = await startDataPlaneHarness();
  harness.deploy(definitionOf(api, { '/pets': { GET: httpProxy(`${backend.url}/pets`) }, '/mock': { GET: { type: 'MOCK' } } }), 'prod');
});
afterAll(async () => {
  await harness.close();
  await backend.close();
});

async function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer | Readable } = {}) {
  const response = await request(harness.url + path, { method: (options.method ?? 'GET') as 'GET', headers: options.headers ?? {}, body: options.body ?? null });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

/** Sends raw bytes and returns what came back before the server closed or `ms` passed. */
function raw(bytes: string | Buffer, ms = 500): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(harness.port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => resolve(received));
    socket.on('close', () => resolve(received));
    socket.write(bytes);
    setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, ms);
  });
}

describe('no route: 403 Missing Authentication Token (AWS)', () => {
  it.each([
    ['GET', '/nothing'],
    ['POST', '/pets'],
    ['GET', '/pets/1'],
  ])('%s %s', async (method, path) => {
    const response = await call(`/_aws/execute-api/${api}/prod${path}`, { method });
    expect(response.status).toBe(403);
    expect(response.text).toBe('{"message":"Missing Authentication Token"}');
    expect(response.headers['content-type']).toBe('application/json');
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    expect(response.headers['x-amzn-requestid']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(response.headers['x-amz-apigw-id']).toBeTypeOf('string');
    expect(response.headers['content-length']).toBe('42');
    expect(response.headers['x-amzn-trace-id']).toBeUndefined();
  });

  it('HEAD is not served by a GET method', async () => {
    const response = await call(`/_aws/execute-api/${api}/prod/pets`, { method: 'HEAD' });
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });
});

describe('a method whose integration response does not match', () => {
  // AWS: no matching integration response and no default is API_CONFIGURATION_ERROR, 500.
  it('answers 500 {"message": "Internal server error"} and logs why', async () => {
    const response = await call(`/_aws/execute-api/${api}/prod/mock`);
    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message": "Internal server error"}');
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(harness.logs.some((line) => String(line.msg).includes('No match for output mapping'))).toBe(true);
  });
});

describe('internal bugs', () => {
  it('become DEFAULT_5XX 500 {"message": "Internal server error"} with the stack in the log', async () => {
    const routes = new RouteTree<CompiledMethod>();
    const boom: CompiledMethod = {
      resourceId: 'r1',
      resourcePath: '/boom',
      httpMethod: 'GET',
      method: { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false },
      integration: { type: 'HTTP_PROXY', proxy: true, timeoutInMillis: 1000, invoke: () => Promise.reject(new TypeError('a bug')) },
      requestParameters: NO_REQUEST_PARAMETERS,
    };
    routes.add('/boom', 'GET', boom);
    const restApi = definitionOf('bugapi0000', {}).restApi;
    harness.registry.set(createServedStage(DEFAULT_REGION, DEFAULT_ACCOUNT_ID, 'bugapi0000', stageOf('s', 'd'), { deploymentId: 'd', restApi, routes, methods: [boom], gatewayResponses: new Map(), binaryMediaTypes: NO_BINARY_MEDIA_TYPES }));
    const response = await call('/_aws/execute-api/bugapi0000/s/boom');
    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message": "Internal server error"}');
    const line = harness.logs.find((l) => l.requestId === response.headers['x-amzn-requestid']);
    expect(line?.err).toMatchObject({ message: 'a bug' });
    expect(String((line?.err as { stack: string }).stack)).toContain('TypeError');
  });
});

describe('payload limit: 10 MB', () => {
  const url = `/_aws/execute-api/${api}/prod/pets`;

  it('a declared Content-Length over 10 MB → 413 without reading the body (body UNCONFIRMED)', async () => {
    const text = await raw(`POST /_aws/execute-api/${api}/prod/pets HTTP/1.1\r\nHost: x\r\nContent-Length: 10485761\r\n\r\nabc`);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('x-amzn-ErrorType: RequestTooLargeException');
    expect(text).toContain('Connection: close');
    expect(text.endsWith('{"message":"Request Too Large"}')).toBe(true);
  });

  it('a chunked body growing past 10 MB → 413 (or a reset if the client is still sending)', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 97);
    const body = Readable.from((function* () {
      for (let i = 0; i < 12; i++) yield chunk;
    })());
    const response = await call(url, { method: 'POST', body }).catch((error: unknown) => ({ status: 0, error, headers: {}, text: '' }));
    // The server answers 413 and closes; the client may see the answer or the reset first.
    if (response.status !== 0) {
      expect(response.status).toBe(413);
      expect(response.text).toBe('{"message":"Request Too Large"}');
    }
    expect((await call(`/_aws/execute-api/${api}/prod/nothing`)).status).toBe(403);
  });

  it('exactly 10 MB is accepted and forwarded', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024, 98);
    const proxied = definitionOf('bigapi0000', { '/up': { POST: httpProxy(`${backend.url}/up`) } });
    harness.deploy(proxied, 'prod');
    backend.handler = (_request, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    };
    const upload = await call('/_aws/execute-api/bigapi0000/prod/up', { method: 'POST', body: big });
    expect(upload.status).toBe(200);
    expect(backend.requests.at(-1)?.body.length).toBe(big.length);
    backend.handler = echoHandler;
  });
});

describe('malformed requests never crash the process', () => {
  it('bad percent-encoding in the path', async () => {
    const response = await call(`/_aws/execute-api/${api}/prod/%E0%A4%A/%ZZ`);
    expect(response.status).toBe(403);
  });

  it('huge headers are refused by the HTTP parser', async () => {
    const text = await raw(`GET /_aws/execute-api/${api}/prod/pets HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
  });

  it('a body aborted half-way, garbage and broken chunking', async () => {
    await raw(`POST /_aws/execute-api/${api}/prod/pets HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nonly-a-little`, 100);
    await raw(`POST /_aws/execute-api/${api}/prod/pets HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nnope\r\n`, 100);
    expect(await raw('\x00\x01\x02 garbage\r\n\r\n', 100)).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(`GET /_aws/execute-api/${api}/prod/pets HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`, 100)).toMatch(/^HTTP\/1\.1 400 /);
    expect((await call(`/_aws/execute-api/${api}/prod/nothing`)).status).toBe(403);
  });
});
