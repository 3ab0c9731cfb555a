// `portico import` and `portico export` (the built CLI) against a real Portico: they wrap
// ImportRestApi, PutRestApi and GetExport, print what the management API answers, and report its
// refusals as one line with AWS's error type and message.

import { CreateDeploymentCommand, GetResourcesCommand, GetRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runPortico } from '../support/spawn-portico.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const definition = (paths: string[]): string => `openapi: 3.0.1
info: {title: cli-imported, version: "1"}
paths:
${paths
  .map(
    (path) => `  ${path}:
    get:
      responses: {"200": {description: ok}}
      x-amazon-apigateway-integration:
        type: mock
        requestTemplates: {application/json: '{"statusCode": 200}'}
        responses: {default: {statusCode: "200"}}
`,
  )
  .join('')}`;

let portico: TestPortico;
let scratch: string;
let apiId: string;

beforeAll(async () => {
  assertCliBuilt();
  portico = await startTestPortico();
  scratch = await mkdtemp(join(tmpdir(), 'portico-cli-import-'));
});
afterAll(async () => {
  await portico.close();
  await rm(scratch, { recursive: true, force: true });
});

const cli = (args: string[]) => runPortico([...args, '--endpoint', portico.url], {}, 20_000);

async function resourcePaths(id: string): Promise<string[]> {
  const items = (await portico.client.send(new GetResourcesCommand({ restApiId: id, limit: 500 }))).items ?? [];
  return items.map((resource) => resource.path!).sort();
}

describe('portico import', () => {
  it('creates a REST API from an OpenAPI file and prints it as JSON', async () => {
    const file = join(scratch, 'api.yaml');
    await writeFile(file, definition(['/pets', '/owners']));
    const run = await cli(['import', file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { id: string; name: string };
    expect(printed.name).toBe('cli-imported');
    apiId = printed.id;
    expect((await portico.client.send(new GetRestApiCommand({ restApiId: apiId }))).name).toBe('cli-imported');
    expect(await resourcePaths(apiId)).toEqual(['/', '/owners', '/pets']);
  });

  it('--mode overwrite --rest-api-id replaces the definition of that API', async () => {
    const file = join(scratch, 'api-v2.yaml');
    await writeFile(file, definition(['/pets', '/stores']));
    const run = await cli(['import', file, '--mode', 'overwrite', '--rest-api-id', apiId]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }).id).toBe(apiId);
    expect(await resourcePaths(apiId)).toEqual(['/', '/pets', '/stores']);
  });

  it('a file the import refuses is one line with AWS\'s error, and creates nothing', async () => {
    const file = join(scratch, 'broken.json');
    await writeFile(file, '{"openapi": ');
    const before = (await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items?.length;
    const run = await cli(['import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^portico: ImportRestApi: BadRequestException: .+\n$/);
    expect((await portico.client.send(new GetRestApisCommand({ limit: 500 }))).items?.length).toBe(before);
  });

  it('command-line mistakes are one line', async () => {
    expect(await runPortico(['import'])).toMatchObject({ code: 1, stderr: 'portico: portico import needs an OpenAPI file (see portico import --help)\n' });
    expect(await runPortico(['import', join(scratch, 'missing.yaml')])).toMatchObject({ code: 1, stderr: `portico: cannot read ${join(scratch, 'missing.yaml')}: no such file\n` });
    expect(await runPortico(['import', 'x.yaml', '--mode', 'overwrite'])).toMatchObject({ code: 1, stderr: 'portico: --mode needs --rest-api-id: it updates an existing API (see portico import --help)\n' });
  });
});

describe('portico export', () => {
  beforeAll(async () => {
    await portico.client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
  });

  it('prints the stage as OpenAPI 3 YAML with API Gateway extensions by default', async () => {
    const run = await cli(['export', apiId, '--stage', 'dev']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const document = parse(run.stdout) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(document.openapi).toMatch(/^3\.0/);
    expect(Object.keys(document.paths).sort()).toEqual(['/pets', '/stores']);
    expect(document.paths['/pets']!.get!['x-amazon-apigateway-integration']).toMatchObject({ type: 'mock' });
  });

  it('--type swagger --output json prints Swagger 2.0 JSON', async () => {
    const run = await cli(['export', apiId, '--stage', 'dev', '--type', 'swagger', '--output', 'json']);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { swagger: string; basePath: string };
    expect(document).toMatchObject({ swagger: '2.0', basePath: '/dev' });
  });

  it('an export imports back as an equal API (round trip)', async () => {
    const exported = await cli(['export', apiId, '--stage', 'dev']);
    const file = join(scratch, 'exported.yaml');
    await writeFile(file, exported.stdout);
    const run = await cli(['import', file]);
    expect(run.code).toBe(0);
    const copy = (JSON.parse(run.stdout) as { id: string }).id;
    expect(copy).not.toBe(apiId);
    expect(await resourcePaths(copy)).toEqual(await resourcePaths(apiId));
  });

  it('an unknown stage is one line with AWS\'s error', async () => {
    const run = await cli(['export', apiId, '--stage', 'nope']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^portico: GetExport: NotFoundException: .+\n$/);
  });

  it('command-line mistakes are one line', async () => {
    expect(await runPortico(['export', apiId])).toMatchObject({ code: 1, stderr: 'portico: portico export needs --stage NAME (see portico export --help)\n' });
    expect(await runPortico(['export', apiId, '--stage', 'dev', '--type', 'raml'])).toMatchObject({
      code: 1,
      stderr: 'portico: invalid --type: raml (one of oas30, swagger; see portico export --help)\n',
    });
  });

  it('an unreachable Portico is one line naming the endpoint', async () => {
    const run = await runPortico(['export', apiId, '--stage', 'dev', '--endpoint', 'http://127.0.0.1:9']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^portico: GetExport: ConnectionError: cannot reach Portico at http:\/\/127\.0\.0\.1:9 \(.+\)\n$/);
  });
});
