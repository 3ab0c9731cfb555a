// The HTTP_PROXY integration against real backends (reference §1.5, §1.6, §1.9): what the backend
// receives, how its answer is remapped, URI rendering (path parameters, stage variables), mapped
// parameters merged into the client request, timeouts, unreachable backends, and redeploys.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, startBackend, type TestBackend } from '../support/backend.js';
import { definitionOf, httpProxy, startDataPlaneHarness, type DataPlaneHarness } from '../support/data-plane-harness.js';

let harness: DataPlaneHarness;
let backend: TestBackend;

beforeAll(async () => {
  backend = await startBackend();
  harness = await startDataPlaneHarness();
});
afterAll(async () => {
  await harness.close();
  await backend.close();
});
beforeEach(() => {
  backend.handler = echoHandler;
  backend.requests.length = 0;
});

let apis = 0;
function deploy(shape: Parameters<typeof definitionOf>[1], variables?: Record<string, string>): (path: string) => string {
  const apiId = `proxy${String(apis++).padStart(5, '0')}`;
  harness.deploy(definitionOf(apiId, shape), 'prod', variables);
  return (path) => harness.invokeUrl(apiId, 'prod', path);
}

async function call(url: string, options: { method?: string; headers?: Record<string, string | string[]>; body?: string | Buffer } = {}) {
  const response = await request(url, { method: (options.method ?? 'GET') as 'GET', headers: options.headers ?? {}, body: options.body ?? null });
  return { status: response.statusCode, headers: response.headers, text: await response.body.text() };
}

const last = () => backend.requests.at(-1)!;

describe('the request the backend receives', () => {
  it('forwards verb, path, raw query, body and client headers; adds API Gateway headers', async () => {
    const url = deploy({ '/{proxy+}': { ANY: httpProxy(`${backend.url}/base/{proxy}`, { requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' } }) } });
    const response = await call(url('/a/b%20c?x=1&x=2&y=%2B'), {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-custom': 'kept', 'max-forwards': '3', 'x-forwarded-for': '10.0.0.1', 'content-encoding': 'identity', via: '1.1 proxy' },
      body: 'hello',
    });
    expect(response.status).toBe(200);
    const seen = last();
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/base/a/b%20c?x=1&x=2&y=%2B');
    expect(seen.body.toString()).toBe('hello');
    expect(seen.headers['x-custom']).toBe('kept');
    expect(seen.headers['content-type']).toBe('text/plain');
    expect(seen.headers.host).toBe(`127.0.0.1:${backend.port}`);
    expect(seen.headers['content-encoding']).toBeUndefined();
    expect(seen.headers.via).toBeUndefined();
    expect(seen.headers['max-forwards']).toBeUndefined();
    expect(seen.headers['x-amzn-apigateway-api-id']).toMatch(/^proxy\d{5}$/);
    expect(seen.headers['x-amzn-trace-id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(seen.headers['x-forwarded-for']).toBe('10.0.0.1, 127.0.0.1');
    expect(seen.headers['x-forwarded-port']).toBe(String(harness.port));
    expect(seen.headers['x-forwarded-proto']).toBe('http');
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers['user-agent']).toMatch(/^AmazonAPIGateway_proxy\d{5}$/);
    expect(response.headers['x-amzn-trace-id']).toBe(seen.headers['x-amzn-trace-id']);
  });

  it('keeps a client trace id, Accept and User-Agent', async () => {
    const url = deploy({ '/x': { GET: httpProxy(`${backend.url}/x`) } });
    await call(url('/x'), { headers: { 'x-amzn-trace-id': 'Root=1-00000000-000000000000000000000000', accept: 'text/html', 'user-agent': 'curl/8' } });
    expect(last().headers).toMatchObject({ 'x-amzn-trace-id': 'Root=1-00000000-000000000000000000000000', accept: 'text/html', 'user-agent': 'curl/8' });
  });

  it('drops a SigV4 Authorization header, forwards others', async () => {
    const url = deploy({ '/x': { GET: httpProxy(`${backend.url}/x`) } });
    await call(url('/x'), { headers: { authorization: 'AWS4-HMAC-SHA256 Credential=x' } });
    expect(last().headers.authorization).toBeUndefined();
    await call(url('/x'), { headers: { authorization: 'Bearer t' } });
    expect(last().headers.authorization).toBe('Bearer t');
  });

  it('uses the integration verb unless it is ANY; no body on GET', async () => {
    const url = deploy({ '/fixed': { GET: httpProxy(`${backend.url}/fixed`, { httpMethod: 'POST' }) }, '/any': { ANY: httpProxy(`${backend.url}/any`) } });
    await call(url('/fixed'));
    expect(last().method).toBe('POST');
    await call(url('/any'), { method: 'DELETE' });
    expect(last().method).toBe('DELETE');
    const head = await call(url('/any'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(last().method).toBe('HEAD');
  });
});

describe('URI rendering', () => {
  it('fills {param} from integration.request.path mappings, percent-encoded', async () => {
    const url = deploy({
      '/pets/{petId}': { GET: httpProxy(`${backend.url}/animals/{id}/x`, { requestParameters: { 'integration.request.path.id': 'method.request.path.petId' } }) },
    });
    await call(url('/pets/a%20b%3F'));
    expect(last().url).toBe('/animals/a%20b%3F/x');
  });

  it('AWS: an unmapped placeholder is sent literally as %7Bname%7D (UNCONFIRMED)', async () => {
    const url = deploy({ '/pets/{petId}': { GET: httpProxy(`${backend.url}/animals/{petId}`) } });
    await call(url('/pets/7'));
    expect(last().url).toBe('/animals/%7BpetId%7D');
  });

  it('renders ${stageVariables.x} in host, port, path and query', async () => {
    const url = deploy(
      { '/sv': { GET: httpProxy('http://${stageVariables.host}:${stageVariables.port}/${stageVariables.base}/sv?from=${stageVariables.q}') } },
      { host: '127.0.0.1', port: String(backend.port), base: 'v2', q: 'stage' },
    );
    const response = await call(url('/sv?client=1'));
    expect(response.status).toBe(200);
    expect(last().url).toBe('/v2/sv?from=stage&client=1');
  });

  it('an unset stage variable in the host → 500 Internal server error', async () => {
    const url = deploy({ '/sv': { GET: httpProxy('http://${stageVariables.missing}/x') } });
    const response = await call(url('/sv'));
    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message": "Internal server error"}');
  });
});

describe('requestParameters on HTTP_PROXY (merged into the client request)', () => {
  it('merges mapped query values after the client ones (AWS §1.9: testQs=foo,bar)', async () => {
    const url = deploy({
      '/q': {
        GET: httpProxy(`${backend.url}/q`, {
          requestParameters: {
            'integration.request.querystring.testQs': "'bar'",
            'integration.request.querystring.copy': 'method.request.querystring.src',
            'integration.request.querystring.multi': 'method.request.multivaluequerystring.m',
          },
        }),
      },
    });
    await call(url('/q?testQs=foo&src=a+b&m=1&m=2'));
    expect(last().url).toBe('/q?testQs=foo&src=a+b&m=1&m=2&testQs=bar&copy=a%20b&multi=1&multi=2');
  });

  it('mapped headers replace client headers of the same name; sources: static, header, stage variable, context', async () => {
    const url = deploy(
      {
        '/h/{id}': {
          GET: httpProxy(`${backend.url}/h`, {
            requestParameters: {
              'integration.request.header.X-Static': "'static'",
              'integration.request.header.X-Replaced': "'mapped'",
              'integration.request.header.X-From-Header': 'method.request.header.X-Source',
              'integration.request.header.X-Stage': 'stageVariables.name',
              'integration.request.header.X-Request-Id': 'context.requestId',
              'integration.request.header.X-Path': 'method.request.path.id',
              'integration.request.header.X-Missing': 'method.request.header.absent',
            },
          }),
        },
      },
      { name: 'stagevalue' },
    );
    const response = await call(url('/h/42'), { headers: { 'x-replaced': 'client', 'x-source': 'src' } });
    expect(last().headers).toMatchObject({ 'x-static': 'static', 'x-replaced': 'mapped', 'x-from-header': 'src', 'x-stage': 'stagevalue', 'x-path': '42' });
    expect(last().headers['x-request-id']).toBe(response.headers['x-amzn-requestid']);
    expect(last().headers['x-missing']).toBeUndefined();
  });

  it('AWS: mapping integration.request.header.Content-Length fails every call with 500', async () => {
    const url = deploy({ '/bad': { GET: httpProxy(`${backend.url}/bad`, { requestParameters: { 'integration.request.header.Content-Length': "'5'" } }) } });
    const response = await call(url('/bad'));
    expect(response.status).toBe(500);
    expect(response.text).toBe('{"message": "Internal server error"}');
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
  });
});

describe('the response the client receives', () => {
  it('passes status and body through; remaps Connection/Content-Length/Date/Server/x-amzn-RequestId; drops Via', async () => {
    backend.handler = (_request, res) => {
      res.setHeader('Server', 'backend/1.0');
      res.setHeader('Via', '1.1 somewhere');
      res.setHeader('x-amzn-RequestId', 'backend-id');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.setHeader('X-Custom', 'yes');
      res.writeHead(418, { 'Content-Type': 'text/teapot', 'Content-Length': '15' });
      res.end('short and stout');
    };
    const url = deploy({ '/r': { GET: httpProxy(`${backend.url}/r`) } });
    const response = await call(url('/r'));
    expect(response.status).toBe(418);
    expect(response.text).toBe('short and stout');
    expect(response.headers['content-type']).toBe('text/teapot');
    expect(response.headers['x-custom']).toBe('yes');
    expect(response.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(response.headers['x-amzn-remapped-server']).toBe('backend/1.0');
    expect(response.headers['x-amzn-remapped-content-length']).toBe('15');
    expect(response.headers['x-amzn-remapped-connection']).toBe('keep-alive');
    expect(response.headers['x-amzn-remapped-date']).toBeTypeOf('string');
    expect(response.headers['x-amzn-remapped-x-amzn-requestid']).toBe('backend-id');
    expect(response.headers['x-amzn-requestid']).not.toBe('backend-id');
    expect(response.headers.via).toBeUndefined();
    expect(response.headers.server).toBeUndefined();
    expect(response.headers['content-length']).toBe('15');
  });

  it('chunked backend answers come back with a Content-Length; default Content-Type is application/json', async () => {
    backend.handler = (_request, res) => {
      res.writeHead(201);
      res.write('part1-');
      res.end('part2');
    };
    const url = deploy({ '/c': { POST: httpProxy(`${backend.url}/c`) } });
    const response = await call(url('/c'), { method: 'POST', body: 'x' });
    expect(response.status).toBe(201);
    expect(response.text).toBe('part1-part2');
    expect(response.headers['content-length']).toBe('11');
    expect(response.headers['transfer-encoding']).toBeUndefined();
    expect(response.headers['content-type']).toBe('application/json');
  });

  it('a gzip-encoded backend body is decoded since Content-Encoding is dropped (UNCONFIRMED)', async () => {
    backend.handler = (_request, res) => {
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Type': 'text/plain' });
      res.end(gzipSync('compressed hello'));
    };
    const url = deploy({ '/gz': { GET: httpProxy(`${backend.url}/gz`) } });
    const response = await call(url('/gz'), { headers: { 'accept-encoding': 'gzip' } });
    expect(response.text).toBe('compressed hello');
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('AWS behaviour UNCONFIRMED: a backend body over 10 MB → 502 Internal server error', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 120);
    backend.handler = (_request, res) => {
      res.writeHead(200);
      res.end(big);
    };
    const url = deploy({ '/big': { GET: httpProxy(`${backend.url}/big`) } });
    const response = await call(url('/big'));
    expect(response.status).toBe(502);
    expect(response.text).toBe('{"message": "Internal server error"}');
  });
});

describe('failures', () => {
  it('AWS: timeoutInMillis → 504 {"message": "Endpoint request timed out"}', async () => {
    backend.handler = (_request, res) => {
      setTimeout(() => res.end('late'), 1000);
    };
    const url = deploy({ '/slow': { GET: httpProxy(`${backend.url}/slow`, { timeoutInMillis: 100 }) } });
    const started = Date.now();
    const response = await call(url('/slow'));
    expect(Date.now() - started).toBeLessThan(800);
    expect(response.status).toBe(504);
    expect(response.text).toBe('{"message": "Endpoint request timed out"}');
    expect(response.headers['x-amzn-errortype']).toBe('InternalServerErrorException');
    expect(response.headers['x-amzn-trace-id']).toBeTypeOf('string');
  });

  it('unreachable backend: connection refused and unknown host → 500 Internal server error (UNCONFIRMED)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const url = deploy({ '/refused': { GET: httpProxy(`http://127.0.0.1:${port}/x`) }, '/dns': { GET: httpProxy('http://no-such-host.invalid/x') } });
    for (const path of ['/refused', '/dns']) {
      const response = await call(url(path));
      expect(response.status).toBe(500);
      expect(response.text).toBe('{"message": "Internal server error"}');
    }
  });

  it('a backend that resets the connection → 504 INTEGRATION_FAILURE (UNCONFIRMED)', async () => {
    backend.handler = (_request, res) => res.socket?.destroy();
    const url = deploy({ '/reset': { GET: httpProxy(`${backend.url}/reset`) } });
    const response = await call(url('/reset'));
    expect(response.status).toBe(504);
    expect(response.text).toBe('{"message": "Network error communicating with endpoint"}');
  });

  it('a client that goes away mid-call does not disturb the server', async () => {
    backend.handler = (_request, res) => {
      setTimeout(() => res.end('late'), 300);
    };
    const url = deploy({ '/gone': { GET: httpProxy(`${backend.url}/gone`) } });
    const controller = new AbortController();
    const pending = request(url('/gone'), { signal: controller.signal }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await pending;
    backend.handler = echoHandler;
    expect((await call(url('/gone'))).status).toBe(200);
  });
});

describe('redeploy while requests are in flight', () => {
  it('no request fails: each finishes on the snapshot it started with', async () => {
    backend.handler = (recorded, res) => {
      setTimeout(() => res.end(recorded.url), 300);
    };
    const apiId = 'redeploy00';
    harness.deploy(definitionOf(apiId, { '/v': { GET: httpProxy(`${backend.url}/old`) } }), 'prod');
    const url = harness.invokeUrl(apiId, 'prod', '/v');
    const inFlight = Array.from({ length: 20 }, () => call(url));
    while (backend.requests.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    harness.deploy(definitionOf(apiId, { '/v': { GET: httpProxy(`${backend.url}/new`) } }), 'prod');
    const after = await call(url);
    const before = await Promise.all(inFlight);
    expect(before.map((r) => [r.status, r.text])).toEqual(Array.from({ length: 20 }, () => [200, '/old']));
    expect([after.status, after.text]).toEqual([200, '/new']);
  });
});
