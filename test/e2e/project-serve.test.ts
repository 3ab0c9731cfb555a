// `portico serve DIR` end to end, in process: a temporary project (a MOCK, an HTTP_PROXY to a real
// backend through stage variables, a Lambda proxy method behind an API key) is applied to a real
// Portico, called over HTTP, restarted (idempotent: same ids, nothing duplicated, nothing redeployed),
// and hot-reloaded under a loop of requests with zero failures; broken edits keep the old version live.

import { GetApiKeysCommand, GetDeploymentsCommand, GetRestApisCommand, GetStageCommand, GetUsagePlanKeysCommand, GetUsagePlansCommand } from '@aws-sdk/client-api-gateway';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveProject, type ProjectServer } from '../../src/project/serve-project.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { call, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const KEY = 'project-serve-key-0123456789';

const projectFile = (backendHost: string): string => `project: serve-test
functions:
  hello:
    handler: index.handler
    code: handlers/hello
    environment:
      WHO: world
apis:
  shop:
    openapi: openapi.yaml
    stage: dev
    variables:
      backendHost: ${backendHost}
      self: \${api.id}
    methodSettings:
      "*/*":
        throttlingRateLimit: 5000
        throttlingBurstLimit: 2000
apiKeys:
  shop-key:
    value: ${KEY}
usagePlans:
  shop-plan:
    apis: [shop]
    apiKeys: [shop-key]
    throttle: {rateLimit: 5000, burstLimit: 2000}
userPools:
  us-east-1_local:
  us-east-1_real: {issuer: "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_real"}
`;

const openapi = (mockMessage: string): string => `openapi: 3.0.1
info: {title: shop, version: "1"}
paths:
  /mock:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses:
          default:
            statusCode: "200"
            responseTemplates: {application/json: '{"message": "${mockMessage}"}'}
  /proxy/{proxy+}:
    get:
      parameters: [{name: proxy, in: path, required: true, schema: {type: string}}]
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration:
        type: http_proxy
        httpMethod: GET
        uri: http://\${stageVariables.backendHost}/{proxy}
        requestParameters: {integration.request.path.proxy: method.request.path.proxy}
  /fn:
    get:
      security: [{api_key: []}]
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:hello/invocations
components:
  securitySchemes:
    api_key: {type: apiKey, name: x-api-key, in: header}
`;

const handler = (greeting: string): string =>
  `exports.handler = async () => ({ statusCode: 200, body: JSON.stringify({ message: '${greeting}, ' + process.env.WHO }) });\n`;

let portico: TestPortico;
let backend: TestBackend;
let dir: string;
let server: ProjectServer;
let printed: string[];

async function start(): Promise<void> {
  printed = [];
  server = await serveProject({ dir, endpoint: portico.url, print: (line) => printed.push(line) });
}

/** Resolves when a printed line matches (hot reloads print their outcome). */
async function waitForPrinted(pattern: RegExp, from: number, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = printed.slice(from).find((candidate) => pattern.test(candidate));
    if (line !== undefined) return line;
    if (Date.now() > deadline) throw new Error(`no printed line matches ${String(pattern)}; printed:\n${printed.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function projectApi(): Promise<{ id: string; base: string }> {
  const apis = (await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items ?? [];
  const owned = apis.filter((api) => api.tags?.['portico:project'] === 'serve-test');
  expect(owned).toHaveLength(1);
  const id = owned[0]!.id!;
  return { id, base: `${portico.url}/_aws/execute-api/${id}/dev` };
}

/** Calls `url` in `workers` loops until `stop()`; counts answers that are not 200 or fail `accept`. */
function loadLoop(url: string, headers: Record<string, string>, accept: (text: string) => boolean, workers = 4) {
  let running = true;
  let calls = 0;
  const failures: string[] = [];
  const seen = new Set<string>();
  const loops = Array.from({ length: workers }, async () => {
    while (running) {
      try {
        const result = await call(url, { headers });
        calls++;
        seen.add(result.text);
        if (result.status !== 200 || !accept(result.text)) failures.push(`${result.status} ${result.text}`);
      } catch (error) {
        failures.push(String(error));
      }
    }
  });
  return {
    seen,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return { calls, failures };
    },
  };
}

async function waitForAnswer(url: string, headers: Record<string, string>, expected: string, timeoutMs = 10_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    const result = await call(url, { headers });
    if (result.text.includes(expected)) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`still answering ${result.status} ${result.text}`);
  }
}

beforeAll(async () => {
  portico = await startTestPortico();
  backend = await startBackend();
  dir = await mkdtemp(join(tmpdir(), 'portico-project-'));
  await mkdir(join(dir, 'handlers', 'hello'), { recursive: true });
  await writeFile(join(dir, 'handlers', 'hello', 'index.js'), handler('Hello'));
  await writeFile(join(dir, 'openapi.yaml'), openapi('v1'));
  await writeFile(join(dir, 'portico.yaml'), projectFile(`127.0.0.1:${backend.port}`));
  await start();
});
afterAll(async () => {
  server?.close();
  await portico.close();
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

describe('portico serve DIR', () => {
  it('creates, imports and deploys everything, and reports it', async () => {
    expect(server.summary).toBeDefined();
    expect(printed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^function hello: created, code mounted from .*handlers\/hello$/),
        expect.stringMatching(/^api shop: created \w+$/),
        expect.stringMatching(/^api shop: imported .*openapi\.yaml and deployed \w+ to stage dev$/),
        'api key shop-key: created',
        'usage plan shop-plan: created',
        'usage plan shop-plan: api key shop-key added',
        'user pool us-east-1_real: mapped to https://cognito-idp.us-east-1.amazonaws.com/us-east-1_real',
      ]),
    );
    // A pool is local by default: registering it changes nothing, so nothing is reported.
    expect(printed.filter((line) => line.startsWith('user pool'))).toHaveLength(1);
    const pool = (await (await fetch(`${portico.url}/_portico/user-pools/us-east-1_real`)).json()) as Record<string, unknown>;
    expect(pool).toMatchObject({ local: false, issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_real' });
    const { id, base } = await projectApi();
    expect(server.summary).toContain(`api shop (${id}), stage dev: ${base}/`);
    expect(server.summary).toContain(`  curl -H 'x-api-key: ${KEY}' ${base}/fn`);

    expect(await call(`${base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v1"}' });
    const proxied = await call(`${base}/proxy/pets/1`);
    expect(proxied.status).toBe(200);
    expect(backend.requests.at(-1)?.url).toBe('/pets/1');
    expect(await call(`${base}/fn`, { headers: { 'x-api-key': KEY } })).toMatchObject({ status: 200, text: '{"message":"Hello, world"}' });
    // AWS: a method with an api_key security requirement answers 403 Forbidden without a key.
    expect(await call(`${base}/fn`)).toMatchObject({ status: 403, text: '{"message":"Forbidden"}' });

    const stage = await portico.client.send(new GetStageCommand({ restApiId: id, stageName: 'dev' }));
    expect(stage.variables).toEqual({ backendHost: `127.0.0.1:${backend.port}`, self: id });
    expect(stage.methodSettings?.['*/*']).toMatchObject({ throttlingRateLimit: 5000, throttlingBurstLimit: 2000 });
  });

  it('restarting on the same data dir finds everything again: same ids, no duplicates, no redeploy', async () => {
    const before = await projectApi();
    const deploymentsBefore = (await portico.client.send(new GetDeploymentsCommand({ restApiId: before.id }))).items?.length;
    server.close();
    portico = await portico.restart();
    await start();
    expect(printed).toEqual([]);
    const after = await projectApi();
    expect(after.id).toBe(before.id);
    expect((await portico.client.send(new GetDeploymentsCommand({ restApiId: after.id }))).items?.length).toBe(deploymentsBefore);
    const keys = (await portico.client.send(new GetApiKeysCommand({ nameQuery: 'shop-key', includeValues: true }))).items ?? [];
    expect(keys.map((key) => key.value)).toEqual([KEY]);
    const plans = ((await portico.client.send(new GetUsagePlansCommand({}))).items ?? []).filter((plan) => plan.name === 'shop-plan');
    expect(plans).toHaveLength(1);
    expect(plans[0]!.apiStages).toEqual([{ apiId: after.id, stage: 'dev' }]);
    expect((await portico.client.send(new GetUsagePlanKeysCommand({ usagePlanId: plans[0]!.id! }))).items?.map((key) => key.value)).toEqual([KEY]);
    const functions = (await lambdaClient(portico).send(new ListFunctionsCommand({}))).Functions ?? [];
    expect(functions.map((fn) => fn.FunctionName)).toEqual(['hello']);
    expect(await call(`${after.base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v1"}' });
  });

  it('an edited definition is live within a second, with no failed request during the reload', async () => {
    const { base } = await projectApi();
    const loop = loadLoop(`${base}/mock`, {}, (text) => text === '{"message": "v1"}' || text === '{"message": "v2"}');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const from = printed.length;
    await writeFile(join(dir, 'openapi.yaml'), openapi('v2'));
    const tookMs = await waitForAnswer(`${base}/mock`, {}, 'v2');
    const { calls, failures } = await loop.stop();
    console.log(`definition hot reload: live after ${Math.round(tookMs)} ms; ${calls} requests during the reload, ${failures.length} failed`);
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(10);
    expect(tookMs).toBeLessThan(5000);
    await waitForPrinted(/^api shop: imported .*openapi\.yaml and deployed \w+ to stage dev$/, from);
    await waitForPrinted(/^applied in \d+ ms$/, from);
  });

  it('an edited handler is live at once, with no failed request and no redeploy', async () => {
    const { id, base } = await projectApi();
    const deployments = (await portico.client.send(new GetDeploymentsCommand({ restApiId: id }))).items?.length;
    const headers = { 'x-api-key': KEY };
    const loop = loadLoop(`${base}/fn`, headers, (text) => text === '{"message":"Hello, world"}' || text === '{"message":"Howdy, world"}');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const from = printed.length;
    await writeFile(join(dir, 'handlers', 'hello', 'index.js'), handler('Howdy'));
    const tookMs = await waitForAnswer(`${base}/fn`, headers, 'Howdy');
    const { calls, failures } = await loop.stop();
    console.log(`handler hot reload: live after ${Math.round(tookMs)} ms; ${calls} requests during the reload, ${failures.length} failed`);
    expect(failures).toEqual([]);
    expect(tookMs).toBeLessThan(5000);
    await waitForPrinted(/^function hello: code changed \(.*index\.js\); new invocations use it$/, from);
    expect((await portico.client.send(new GetDeploymentsCommand({ restApiId: id }))).items?.length).toBe(deployments);
  });

  it('a stage-only edit updates the stage without a new deployment', async () => {
    const { id } = await projectApi();
    const deployments = (await portico.client.send(new GetDeploymentsCommand({ restApiId: id }))).items?.length;
    const from = printed.length;
    const text = await readFile(join(dir, 'portico.yaml'), 'utf8');
    await writeFile(join(dir, 'portico.yaml'), text.replace('      self: ${api.id}\n', '      extra: added\n'));
    await waitForPrinted(/^api shop: stage dev updated \(variables, method settings\)$/, from);
    const stage = await portico.client.send(new GetStageCommand({ restApiId: id, stageName: 'dev' }));
    expect(stage.variables).toEqual({ backendHost: `127.0.0.1:${backend.port}`, extra: 'added' });
    expect((await portico.client.send(new GetDeploymentsCommand({ restApiId: id }))).items?.length).toBe(deployments);
  });

  it('a YAML mistake in the definition prints file, line and column; the previous version keeps serving', async () => {
    const { base } = await projectApi();
    const from = printed.length;
    await writeFile(join(dir, 'openapi.yaml'), openapi('v3').replace('  /mock:\n    get:\n', '  /mock:\n    get: {}\n    get:\n'));
    const line = await waitForPrinted(/^error: /, from);
    expect(line).toMatch(/^error: .*openapi\.yaml:6:5: Map keys must be unique$/);
    await waitForPrinted(/^the previous version keeps serving/, from);
    expect(await call(`${base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v2"}' });
  });

  it('a definition the import refuses prints AWS\'s message; nothing changes', async () => {
    const { id, base } = await projectApi();
    const deployments = (await portico.client.send(new GetDeploymentsCommand({ restApiId: id }))).items?.length;
    const from = printed.length;
    await writeFile(join(dir, 'openapi.yaml'), 'openapi: 3.0.1\ninfo: {title: shop, version: "1"}\npaths:\n  /mock:\n    get:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: GET\n        uri: not a url\n');
    const line = await waitForPrinted(/^error: /, from);
    expect(line).toMatch(/^error: .*openapi\.yaml: apis\.shop: PutRestApi: BadRequestException: .+/);
    expect(await call(`${base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v2"}' });
    expect((await portico.client.send(new GetDeploymentsCommand({ restApiId: id }))).items?.length).toBe(deployments);
  });

  it('a definition the deploy refuses prints AWS\'s message; the stage keeps its deployment', async () => {
    const { id, base } = await projectApi();
    const stageBefore = await portico.client.send(new GetStageCommand({ restApiId: id, stageName: 'dev' }));
    const from = printed.length;
    // AWS: the import accepts an operation without an integration; CreateDeployment refuses it.
    await writeFile(join(dir, 'openapi.yaml'), openapi('v3').replace('  /fn:\n', '  /bare:\n    get:\n      responses: {"200": {description: ok}}\n  /fn:\n'));
    const line = await waitForPrinted(/^error: /, from);
    expect(line).toMatch(/^error: .*openapi\.yaml: apis\.shop: CreateDeployment: BadRequestException: No integration defined for method$/);
    expect(await call(`${base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v2"}' });
    const stageAfter = await portico.client.send(new GetStageCommand({ restApiId: id, stageName: 'dev' }));
    expect(stageAfter.deploymentId).toBe(stageBefore.deploymentId);
  });

  it('a schema mistake in portico.yaml prints its line; fixing it applies the fix', async () => {
    const { base } = await projectApi();
    const from = printed.length;
    const text = await readFile(join(dir, 'portico.yaml'), 'utf8');
    await writeFile(join(dir, 'portico.yaml'), text.replace('    stage: dev\n', '    stage: dev\n    stgae: prod\n'));
    expect(await waitForPrinted(/^error: /, from)).toMatch(/^error: .*portico\.yaml:12:5: apis\.shop: unknown property stgae$/);
    expect(await call(`${base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v2"}' });

    const fixedFrom = printed.length;
    await writeFile(join(dir, 'openapi.yaml'), openapi('v4'));
    await writeFile(join(dir, 'portico.yaml'), text);
    await waitForPrinted(/^applied in \d+ ms$/, fixedFrom);
    expect(await call(`${base}/mock`)).toMatchObject({ status: 200, text: '{"message": "v4"}' });
  });
});
