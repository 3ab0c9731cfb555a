// Canary releases on the data plane: a stage with `canarySettings` sends `percentTraffic` percent
// of its requests to the canary deployment, with `stageVariableOverrides` applied and
// `$context.isCanaryRequest` true; promotion and removal through UpdateStage; restart keeps both.
// AWS developer guide "Set up an API Gateway canary release deployment"; reference §7.2.

import { CreateDeploymentCommand, PutIntegrationResponseCommand, UpdateStageCommand, GetResourcesCommand } from '@aws-sdk/client-api-gateway';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { TestApi } from './mapping-api.js';

let portico: TestPortico;
beforeEach(async () => {
  portico = await startTestPortico();
});
afterEach(async () => {
  await portico.close();
});

/** A MOCK GET /release answering which deployment, stage variable and canary flag served it. */
async function createApi(): Promise<TestApi> {
  const api = await TestApi.create(portico.client, portico.url, 'canary');
  await api.method('/release', 'GET', {
    integration: { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } },
    methodResponses: { '200': {} },
    integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"release":"stable","color":"$stageVariables.color","canary":$context.isCanaryRequest}' } }],
  });
  await api.deploy('prod', { color: 'blue' });
  return api;
}

/** Changes the response template, then deploys it as the stage's canary. */
async function deployCanary(api: TestApi, percentTraffic: number): Promise<string> {
  const resources = await portico.client.send(new GetResourcesCommand({ restApiId: api.id }));
  const resourceId = resources.items!.find((item) => item.path === '/release')!.id!;
  await portico.client.send(
    new PutIntegrationResponseCommand({
      restApiId: api.id,
      resourceId,
      httpMethod: 'GET',
      statusCode: '200',
      responseTemplates: { 'application/json': '{"release":"canary","color":"$stageVariables.color","canary":$context.isCanaryRequest}' },
    }),
  );
  const deployment = await portico.client.send(
    new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod', canarySettings: { percentTraffic, stageVariableOverrides: { color: 'green' } } }),
  );
  return deployment.id!;
}

/** How many of `count` calls answered each body (the invoke URL of the current `portico`). */
async function releases(api: TestApi, count: number): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const response = await request(`${portico.url}/_aws/execute-api/${api.id}/prod/release`);
    expect(response.statusCode).toBe(200);
    const text = await response.body.text();
    seen.set(text, (seen.get(text) ?? 0) + 1);
  }
  return seen;
}

const STABLE = '{"release":"stable","color":"blue","canary":false}';
const CANARY = '{"release":"canary","color":"green","canary":true}';

describe('canary releases', () => {
  it('sends every request to a 100% canary, with its stage variable overrides and $context.isCanaryRequest', async () => {
    const api = await createApi();
    await deployCanary(api, 100);
    expect(await releases(api, 5)).toEqual(new Map([[CANARY, 5]]));
  });

  it('sends none to a 0% canary', async () => {
    const api = await createApi();
    await deployCanary(api, 0);
    expect(await releases(api, 5)).toEqual(new Map([[STABLE, 5]]));
  });

  it('splits a 50% canary at random between both deployments', async () => {
    const api = await createApi();
    await deployCanary(api, 50);
    const seen = await releases(api, 200);
    expect([...seen.keys()].sort()).toEqual([CANARY, STABLE].sort());
    // Binomial(200, 0.5): outside [60, 140] with probability below 1e-8.
    expect(seen.get(CANARY)).toBeGreaterThan(60);
    expect(seen.get(CANARY)).toBeLessThan(140);
  });

  it('changes the split with UpdateStage, promotes with copy operations and ends with remove', async () => {
    const api = await createApi();
    const canaryDeployment = await deployCanary(api, 0);
    await portico.client.send(new UpdateStageCommand({ restApiId: api.id, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '100' }] }));
    expect(await releases(api, 3)).toEqual(new Map([[CANARY, 3]]));

    // AWS: promotion copies the canary's deployment and variable overrides onto the stage (reference §7.2).
    const promoted = await portico.client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'prod',
        patchOperations: [
          { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
          { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
          { op: 'remove', path: '/canarySettings' },
        ],
      }),
    );
    expect(promoted.deploymentId).toBe(canaryDeployment);
    expect(promoted.canarySettings).toBeUndefined();
    expect(await releases(api, 3)).toEqual(new Map([['{"release":"canary","color":"green","canary":false}', 3]]));
  });

  it('serves the canary again after a restart', async () => {
    const api = await createApi();
    await deployCanary(api, 100);
    portico = await portico.restart();
    expect(await releases(api, 3)).toEqual(new Map([[CANARY, 3]]));
  });
});
