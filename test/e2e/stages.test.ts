// Stages through the real AWS SDK: CreateStage defaults and checks, GetStage(s), every UpdateStage
// patch path of reference §7.5 (method settings with their defaults and AWS's exact errors, canary
// settings and promotion), DeleteStage, and that what a stage serves follows its changes.

import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteStageCommand,
  GetStageCommand,
  GetStagesCommand,
  type PatchOperation,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let client: APIGatewayClient;
let backend: TestBackend;
beforeAll(async () => {
  portico = await startTestPortico();
  client = portico.client;
  backend = await startBackend();
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

/** A deployable API (root GET → HTTP_PROXY to the echo backend's `/color/${stageVariables.color}`) and one deployment of it. */
async function createDeployedApi(): Promise<{ apiId: string; deploymentId: string }> {
  const api = await client.send(new CreateRestApiCommand({ name: 'stages' }));
  const target = { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET' };
  await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
  await client.send(new PutIntegrationCommand({ ...target, type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backend.url}/color/\${stageVariables.color}` }));
  const deployment = await client.send(new CreateDeploymentCommand({ restApiId: api.id }));
  return { apiId: api.id!, deploymentId: deployment.id! };
}

async function withStage(stageName = 'dev'): Promise<{ apiId: string; deploymentId: string }> {
  const deployed = await createDeployedApi();
  await client.send(new CreateStageCommand({ restApiId: deployed.apiId, stageName, deploymentId: deployed.deploymentId }));
  return deployed;
}

function patch(apiId: string, patchOperations: PatchOperation[], stageName = 'dev') {
  return client.send(new UpdateStageCommand({ restApiId: apiId, stageName, patchOperations }));
}

function invoke(apiId: string, stage: string): Promise<Response> {
  return fetch(`${portico.url}/_aws/execute-api/${apiId}/${stage}/`);
}

/** The backend path the stage proxied to: shows the `color` stage variable it was served with. */
async function servedPath(apiId: string, stage: string): Promise<string> {
  const response = await invoke(apiId, stage);
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

/** AWS's list, verbatim with its odd joins (AWS-validated snapshot `update-stage-canary-settings-replace-bad-path`). */
const VALID_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]';

const DEFAULT_SETTING = {
  metricsEnabled: false,
  dataTraceEnabled: false,
  throttlingBurstLimit: 5000,
  throttlingRateLimit: 10000,
  cachingEnabled: false,
  cacheTtlInSeconds: 300,
  cacheDataEncrypted: false,
  requireAuthorizationForCacheControl: true,
  unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
};

describe('CreateStage', () => {
  it('answers 201 with AWS defaults and the given members', async () => {
    const { apiId, deploymentId } = await createDeployedApi();
    const stage = await client.send(
      new CreateStageCommand({ restApiId: apiId, stageName: 'v1', deploymentId, description: 'first', variables: { color: 'green' }, tags: { team: 'a' } }),
    );
    expect(stage.$metadata.httpStatusCode).toBe(201);
    expect(stage).toMatchObject({
      stageName: 'v1',
      deploymentId,
      description: 'first',
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {},
      variables: { color: 'green' },
      tracingEnabled: false,
      tags: { team: 'a' },
    });
    expect(stage.createdDate).toBeInstanceOf(Date);
    expect(stage.lastUpdatedDate).toEqual(stage.createdDate);
    expect(await servedPath(apiId, 'v1')).toBe('/color/green');
  });

  it('refuses an unknown deployment with 400 `Deployment id does not exist`', async () => {
    const { apiId } = await createDeployedApi();
    await expect(client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'x', deploymentId: 'nope12' }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Deployment id does not exist',
    });
  });

  it('refuses an existing stage name with 409 `Stage already exists`', async () => {
    const { apiId, deploymentId } = await withStage('dup');
    await expect(client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'dup', deploymentId }))).rejects.toMatchObject({
      name: 'ConflictException',
      message: 'Stage already exists',
    });
  });

  it('checks stage names (alphanumerics, `-`, `_`, at most 128) and stage variables', async () => {
    const { apiId, deploymentId } = await createDeployedApi();
    await expect(client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'bad name', deploymentId }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Stage name only allows a-zA-Z0-9_',
    });
    await expect(client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'x'.repeat(129), deploymentId }))).rejects.toMatchObject({ name: 'BadRequestException' });
    expect((await client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'ok-name_1', deploymentId }))).stageName).toBe('ok-name_1');
    await expect(client.send(new CreateStageCommand({ restApiId: apiId, stageName: 's2', deploymentId, variables: { 'a.b': 'x' } }))).rejects.toMatchObject({
      message: 'Invalid stage variable name: a.b.  Please use names with only word characters.',
    });
    await expect(client.send(new CreateStageCommand({ restApiId: apiId, stageName: 's2', deploymentId, variables: { v: 'x'.repeat(513) } }))).rejects.toMatchObject({
      name: 'BadRequestException',
    });
  });

  it('refuses an unknown canary deployment (AWS-validated snapshot `bad-canary-deployment-id`)', async () => {
    const { apiId, deploymentId } = await createDeployedApi();
    await expect(
      client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'dev3', deploymentId, canarySettings: { deploymentId: 'deploy' } })),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: 'Deployment id does not exist' });
  });
});

describe('GetStage / GetStages', () => {
  it('answers 404 for an unknown stage', async () => {
    const { apiId } = await createDeployedApi();
    await expect(client.send(new GetStageCommand({ restApiId: apiId, stageName: 'ghost' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });

  it('lists every stage in `item`, filtered by ?deploymentId=', async () => {
    const { apiId, deploymentId } = await withStage('a');
    const other = await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'b' }));
    expect((await client.send(new GetStagesCommand({ restApiId: apiId }))).item?.map((s) => s.stageName)).toEqual(['a', 'b']);
    expect((await client.send(new GetStagesCommand({ restApiId: apiId, deploymentId }))).item?.map((s) => s.stageName)).toEqual(['a']);
    expect((await client.send(new GetStagesCommand({ restApiId: apiId, deploymentId: other.id }))).item?.map((s) => s.stageName)).toEqual(['b']);
  });
});

describe('UpdateStage: stage members', () => {
  it('patches description, cache cluster, tracing, client certificate and access log settings', async () => {
    const { apiId } = await withStage();
    const updated = await patch(apiId, [
      { op: 'replace', path: '/description', value: 'changed' },
      { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
      { op: 'replace', path: '/cacheClusterSize', value: '1.6' },
      { op: 'replace', path: '/tracingEnabled', value: 'true' },
      { op: 'replace', path: '/clientCertificateId', value: 'cert12' },
      { op: 'replace', path: '/accessLogSettings/destinationArn', value: 'arn:aws:logs:us-east-1:000000000000:log-group:g' },
      { op: 'replace', path: '/accessLogSettings/format', value: '$context.requestId' },
    ]);
    expect(updated).toMatchObject({
      description: 'changed',
      cacheClusterEnabled: true,
      cacheClusterSize: '1.6',
      cacheClusterStatus: 'AVAILABLE',
      tracingEnabled: true,
      clientCertificateId: 'cert12',
      accessLogSettings: { destinationArn: 'arn:aws:logs:us-east-1:000000000000:log-group:g', format: '$context.requestId' },
    });
    const removed = await patch(apiId, [
      { op: 'remove', path: '/description' },
      { op: 'remove', path: '/accessLogSettings' },
      { op: 'replace', path: '/cacheClusterEnabled', value: 'false' },
    ]);
    expect(removed.description).toBeUndefined();
    expect(removed.accessLogSettings).toBeUndefined();
    expect(removed.cacheClusterStatus).toBe('NOT_AVAILABLE');
  });

  it('adds, replaces and removes /variables/{name}; the served stage sees the new values', async () => {
    const { apiId } = await withStage();
    await patch(apiId, [{ op: 'add', path: '/variables/color', value: 'blue' }]);
    expect(await servedPath(apiId, 'dev')).toBe('/color/blue');
    expect((await patch(apiId, [{ op: 'replace', path: '/variables/color', value: 'red' }])).variables).toEqual({ color: 'red' });
    expect(await servedPath(apiId, 'dev')).toBe('/color/red');
    expect((await patch(apiId, [{ op: 'remove', path: '/variables/color' }])).variables).toBeUndefined();
    await expect(patch(apiId, [{ op: 'replace', path: '/variables/bad-name', value: 'x' }])).rejects.toMatchObject({
      message: 'Invalid stage variable name: bad-name.  Please use names with only word characters.',
    });
  });

  it('moves the stage with /deploymentId (unknown id: `Deployment id does not exist`)', async () => {
    const { apiId, deploymentId } = await withStage();
    await expect(patch(apiId, [{ op: 'replace', path: '/deploymentId', value: 'nope12' }])).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Deployment id does not exist',
    });
    const next = await client.send(new CreateDeploymentCommand({ restApiId: apiId }));
    expect((await patch(apiId, [{ op: 'replace', path: '/deploymentId', value: next.id }])).deploymentId).toBe(next.id);
    expect((await patch(apiId, [{ op: 'replace', path: '/deploymentId', value: deploymentId }])).deploymentId).toBe(deploymentId);
  });

  it('applies nothing when one operation fails', async () => {
    const { apiId } = await withStage();
    await expect(
      patch(apiId, [
        { op: 'replace', path: '/description', value: 'half' },
        { op: 'replace', path: '/nope', value: 'x' },
      ]),
    ).rejects.toMatchObject({ name: 'BadRequestException', message: `Invalid method setting path: /nope. Must be one of: ${VALID_PATHS}` });
    expect((await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }))).description).toBeUndefined();
  });
});

describe('UpdateStage: method settings', () => {
  it('creates `*/*` with AWS defaults and re-patching keeps the values already set', async () => {
    const { apiId } = await withStage();
    const first = await patch(apiId, [{ op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }]);
    expect(first.methodSettings).toEqual({ '*/*': { ...DEFAULT_SETTING, metricsEnabled: true } });
    const second = await patch(apiId, [
      { op: 'replace', path: '/*/*/logging/loglevel', value: 'INFO' },
      { op: 'replace', path: '/*/*/throttling/rateLimit', value: '12.5' },
    ]);
    expect(second.methodSettings?.['*/*']).toEqual({ ...DEFAULT_SETTING, metricsEnabled: true, loggingLevel: 'INFO', throttlingRateLimit: 12.5 });
  });

  it('keys per-method settings `{resourcePath}/{VERB}` as written in the path', async () => {
    const { apiId } = await withStage();
    const updated = await patch(apiId, [
      { op: 'replace', path: '/test/GET/throttling/burstLimit', value: '100' },
      { op: 'replace', path: '/~1pets~1{petId}/POST/caching/ttlInSeconds', value: '60' },
      { op: 'replace', path: '/test/GET/caching/unauthorizedCacheControlHeaderStrategy', value: 'FAIL_WITH_403' },
    ]);
    expect(updated.methodSettings).toEqual({
      'test/GET': { ...DEFAULT_SETTING, throttlingBurstLimit: 100, unauthorizedCacheControlHeaderStrategy: 'FAIL_WITH_403' },
      '~1pets~1{petId}/POST': { ...DEFAULT_SETTING, cacheTtlInSeconds: 60 },
    });
  });

  it('refuses ANY and unknown fields with the exact invalid path message', async () => {
    const { apiId } = await withStage();
    for (const path of ['/test/ANY/caching/enabled', '/test/GET/caching/nope', '/test/*/metrics/enabled']) {
      await expect(patch(apiId, [{ op: 'replace', path, value: 'true' }])).rejects.toMatchObject({
        name: 'BadRequestException',
        message: `Invalid method setting path: ${path}. Must be one of: ${VALID_PATHS}`,
      });
    }
  });

  it('removes `*/*`; removing it again gives AWS error with its trailing space', async () => {
    const { apiId } = await withStage();
    await patch(apiId, [{ op: 'replace', path: '/*/*/caching/enabled', value: 'true' }]);
    expect((await patch(apiId, [{ op: 'remove', path: '/*/*' }])).methodSettings).toEqual({});
    await expect(patch(apiId, [{ op: 'remove', path: '/*/*' }])).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Cannot remove method setting */* because there is no method setting for this method ',
    });
  });
});

describe('UpdateStage: canary settings and promotion', () => {
  it('replacing a canary member creates the canary on the stage deployment (AWS-validated snapshots)', async () => {
    const { apiId, deploymentId } = await withStage();
    const updated = await patch(apiId, [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '50' }]);
    expect(updated.canarySettings).toEqual({ deploymentId, percentTraffic: 50, useStageCache: false });
    const overridden = await patch(apiId, [{ op: 'replace', path: '/canarySettings/stageVariableOverrides/color', value: 'canary' }]);
    expect(overridden.canarySettings?.stageVariableOverrides).toEqual({ color: 'canary' });
    expect((await patch(apiId, [{ op: 'remove', path: '/canarySettings' }])).canarySettings).toBeUndefined();
  });

  it('answers AWS errors for canary paths', async () => {
    const { apiId } = await withStage();
    await expect(patch(apiId, [{ op: 'add', path: '/canarySettings/deploymentId', value: 'x' }])).rejects.toMatchObject({
      message: 'Invalid add operation with path: /canarySettings/deploymentId',
    });
    await expect(patch(apiId, [{ op: 'replace', path: '/canarySettings/deploymentId', value: 'deploy' }])).rejects.toMatchObject({
      message: 'Deployment id does not exist',
    });
    await expect(patch(apiId, [{ op: 'remove', path: '/canarySettings/badPath' }])).rejects.toMatchObject({
      message: 'Cannot remove method setting canarySettings/badPath because there is no method setting for this method ',
    });
    await expect(patch(apiId, [{ op: 'replace', path: '/canarySettings', value: 'test' }])).rejects.toMatchObject({
      message: `Invalid method setting path: /canarySettings. Must be one of: ${VALID_PATHS}`,
    });
  });

  it('promotes with copy operations; without a canary: `Promotion not available. Canary does not exist.`', async () => {
    const { apiId } = await createDeployedApi();
    const first = await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev', variables: { testVar: 'test', testVar2: 'test2' } }));
    await expect(
      patch(apiId, [{ op: 'copy', path: '/canarySettings/stageVariableOverrides', from: '/variables' }]),
    ).rejects.toMatchObject({
      message:
        'Invalid copy operation with path: /canarySettings/stageVariableOverrides and from /variables. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]',
    });
    const promote: PatchOperation[] = [
      { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
      { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
    ];
    await expect(patch(apiId, promote)).rejects.toMatchObject({ message: 'Promotion not available. Canary does not exist.' });
    const canary = await client.send(
      new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev', canarySettings: { percentTraffic: 50, stageVariableOverrides: { testVar: 'override' } } }),
    );
    expect((await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }))).deploymentId).toBe(first.id);
    const promoted = await patch(apiId, [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' }, ...promote]);
    expect(promoted).toMatchObject({
      deploymentId: canary.id,
      variables: { testVar: 'override', testVar2: 'test2' },
      canarySettings: { deploymentId: canary.id, percentTraffic: 0, stageVariableOverrides: { testVar: 'override' }, useStageCache: false },
    });
  });
});

describe('DeleteStage', () => {
  it('answers 202, the stage is gone and no longer served', async () => {
    const { apiId, deploymentId } = await createDeployedApi();
    await client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'gone', deploymentId, variables: { color: 'grey' } }));
    expect(await servedPath(apiId, 'gone')).toBe('/color/grey');
    expect((await client.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'gone' }))).$metadata.httpStatusCode).toBe(202);
    await expect(client.send(new GetStageCommand({ restApiId: apiId, stageName: 'gone' }))).rejects.toMatchObject({ name: 'NotFoundException' });
    expect((await invoke(apiId, 'gone')).status).not.toBe(200);
    await expect(client.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'gone' }))).rejects.toMatchObject({ name: 'NotFoundException' });
  });
});
