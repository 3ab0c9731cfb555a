// Deployments through the real AWS SDK: deploy = compile (a failing compile writes nothing and the
// stage keeps serving), AWS's response shapes (no apiSummary on create), stages created and moved
// by CreateDeployment, canary deployments, paging, updates and the in-use delete rule.

import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDeploymentCommand,
  DeleteStageCommand,
  GetDeploymentCommand,
  GetDeploymentsCommand,
  GetStageCommand,
  GetStagesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateDeploymentCommand,
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

/** Points the root GET at the echo backend's `/{tag}` (HTTP_PROXY); PutIntegration replaces the previous one. */
async function setTarget(apiId: string, rootId: string, tag: string): Promise<void> {
  const target = { restApiId: apiId, resourceId: rootId, httpMethod: 'GET' };
  await client.send(new PutIntegrationCommand({ ...target, type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backend.url}/${tag}` }));
}

/** An API whose root GET proxies to the echo backend's `/{tag}`: the smallest deployable API. */
async function createDeployableApi(tag = 'first'): Promise<{ apiId: string; rootId: string }> {
  const api = await client.send(new CreateRestApiCommand({ name: 'deployable' }));
  await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
  await setTarget(api.id!, api.rootResourceId!, tag);
  return { apiId: api.id!, rootId: api.rootResourceId! };
}

/** Which backend path the stage's deployment proxies to. */
async function servedTarget(apiId: string, stage: string): Promise<unknown> {
  const response = await fetch(`${portico.url}/_aws/execute-api/${apiId}/${stage}/`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { url: string }).url;
}

describe('CreateDeployment', () => {
  it('answers 201 with a 6-character id and createdDate, without apiSummary (AWS-validated snapshot)', async () => {
    const { apiId } = await createDeployableApi();
    const deployment = await client.send(new CreateDeploymentCommand({ restApiId: apiId, description: 'first' }));
    expect(deployment.$metadata.httpStatusCode).toBe(201);
    expect(deployment.id).toMatch(/^[a-z0-9]{6}$/);
    expect(deployment.createdDate).toBeInstanceOf(Date);
    expect(deployment.description).toBe('first');
    expect(deployment.apiSummary).toBeUndefined();
  });

  it('refuses an API without methods: `The REST API doesn\'t contain any methods`, nothing written', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'empty' }));
    await expect(client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: "The REST API doesn't contain any methods",
    });
    expect((await client.send(new GetDeploymentsCommand({ restApiId: api.id }))).items).toEqual([]);
    expect((await client.send(new GetStagesCommand({ restApiId: api.id }))).item).toEqual([]);
  });

  it('refuses a method without integration: `No integration defined for method`', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'no-integration' }));
    await client.send(new PutMethodCommand({ restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
    await expect(client.send(new CreateDeploymentCommand({ restApiId: api.id }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'No integration defined for method',
    });
  });

  it('answers 404 for an unknown API', async () => {
    await expect(client.send(new CreateDeploymentCommand({ restApiId: 'nope123456' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 000000000000:nope123456',
    });
  });

  it('with stageName creates the stage with AWS defaults and serves it', async () => {
    const { apiId } = await createDeployableApi('first');
    const deployment = await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
    const stage = await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }));
    expect(stage).toMatchObject({
      stageName: 'dev',
      deploymentId: deployment.id,
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {},
      tracingEnabled: false,
    });
    expect(stage.description).toBeUndefined();
    expect(stage.variables).toBeUndefined();
    expect(await servedTarget(apiId, 'dev')).toBe('/first');
  });

  it('with stageDescription and variables sets them on a new stage; redeploying moves the stage and merges variables', async () => {
    const { apiId } = await createDeployableApi();
    const first = await client.send(
      new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod', stageDescription: 'production', variables: { color: 'blue', size: 'L' }, tracingEnabled: true }),
    );
    expect(await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }))).toMatchObject({
      deploymentId: first.id,
      description: 'production',
      variables: { color: 'blue', size: 'L' },
      tracingEnabled: true,
    });
    const second = await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'prod', variables: { color: 'red' } }));
    expect(await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'prod' }))).toMatchObject({
      deploymentId: second.id,
      description: 'production',
      variables: { color: 'red', size: 'L' },
    });
  });

  it('refuses invalid stage variables with AWS messages', async () => {
    const { apiId } = await createDeployableApi();
    await expect(client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev', variables: { 'bad-name': 'x' } }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid stage variable name: bad-name.  Please use names with only word characters.',
    });
    await expect(client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev', variables: { name: 'a<b' } }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message:
        "Invalid stage variable value: a<b.  Please use values with alphanumeric characters and the symbols ' ', -', '.', '_', ':', '/', '?', '&', '=', and ','.",
    });
    expect((await client.send(new GetDeploymentsCommand({ restApiId: apiId }))).items).toEqual([]);
  });

  it('a failed redeploy writes nothing and the stage keeps serving its deployment', async () => {
    const { apiId, rootId } = await createDeployableApi('first');
    const first = await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'live' }));
    // Break the API: a second method without an integration.
    await client.send(new PutMethodCommand({ restApiId: apiId, resourceId: rootId, httpMethod: 'POST', authorizationType: 'NONE' }));
    await setTarget(apiId, rootId, 'second');
    await expect(client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'live' }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'No integration defined for method',
    });
    expect((await client.send(new GetDeploymentsCommand({ restApiId: apiId }))).items?.map((d) => d.id)).toEqual([first.id]);
    expect((await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'live' }))).deploymentId).toBe(first.id);
    expect(await servedTarget(apiId, 'live')).toBe('/first');
  });

  it('a later edit of the API does not change a deployed stage until the next deployment (the definition is frozen)', async () => {
    const { apiId, rootId } = await createDeployableApi('first');
    await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'frozen' }));
    await setTarget(apiId, rootId, 'second');
    expect(await servedTarget(apiId, 'frozen')).toBe('/first');
    await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'frozen' }));
    expect(await servedTarget(apiId, 'frozen')).toBe('/second');
  });
});

describe('canary deployments', () => {
  it('need a stage name (AWS-validated messages)', async () => {
    const { apiId } = await createDeployableApi();
    const canarySettings = { percentTraffic: 50, stageVariableOverrides: { testVar: 'canary' } };
    await expect(client.send(new CreateDeploymentCommand({ restApiId: apiId, canarySettings }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is null',
    });
    await expect(client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: '', canarySettings }))).rejects.toMatchObject({
      message: 'Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is ',
    });
    await expect(client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'non-existing', canarySettings }))).rejects.toMatchObject({
      message: 'Invalid deployment content specified.Stage non-existing must already be created before making a canary release deployment',
    });
  });

  it('set the canary on an existing stage, which keeps its deployment', async () => {
    const { apiId } = await createDeployableApi();
    const base = await client.send(new CreateDeploymentCommand({ restApiId: apiId }));
    await client.send(new CreateStageCommand({ restApiId: apiId, stageName: 'dev', deploymentId: base.id, description: 'dev stage', variables: { testVar: 'default' } }));
    const canary = await client.send(
      new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev', canarySettings: { percentTraffic: 50, stageVariableOverrides: { testVar: 'canary' } } }),
    );
    expect(await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }))).toMatchObject({
      deploymentId: base.id,
      description: 'dev stage',
      variables: { testVar: 'default' },
      canarySettings: { deploymentId: canary.id, percentTraffic: 50, stageVariableOverrides: { testVar: 'canary' }, useStageCache: false },
    });
  });
});

describe('GetDeployment / GetDeployments', () => {
  it('embeds apiSummary only when asked (?embed=apisummary)', async () => {
    const { apiId } = await createDeployableApi();
    const created = await client.send(new CreateDeploymentCommand({ restApiId: apiId }));
    const plain = await client.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: created.id }));
    expect(plain).toMatchObject({ id: created.id });
    expect(plain.apiSummary).toBeUndefined();
    const embedded = await client.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: created.id, embed: ['apisummary'] }));
    expect(embedded.apiSummary).toEqual({ '/': { GET: { authorizationType: 'NONE', apiKeyRequired: false } } });
  });

  it('answers 404 `Invalid Deployment identifier specified` for an unknown deployment', async () => {
    const { apiId } = await createDeployableApi();
    await expect(client.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: 'abcdef' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Deployment identifier specified',
    });
  });

  it('pages with limit and position', async () => {
    const { apiId } = await createDeployableApi();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await client.send(new CreateDeploymentCommand({ restApiId: apiId }))).id!);
    const first = await client.send(new GetDeploymentsCommand({ restApiId: apiId, limit: 2 }));
    expect(first.items?.map((d) => d.id)).toEqual(ids.slice(0, 2));
    expect(first.items?.[0]?.apiSummary).toBeUndefined();
    const second = await client.send(new GetDeploymentsCommand({ restApiId: apiId, limit: 2, position: first.position }));
    expect(second.items?.map((d) => d.id)).toEqual(ids.slice(2));
    expect(second.position).toBeUndefined();
  });
});

describe('UpdateDeployment', () => {
  it('replaces and removes /description', async () => {
    const { apiId } = await createDeployableApi();
    const created = await client.send(new CreateDeploymentCommand({ restApiId: apiId, description: 'old' }));
    const updated = await client.send(
      new UpdateDeploymentCommand({ restApiId: apiId, deploymentId: created.id, patchOperations: [{ op: 'replace', path: '/description', value: 'new' }] }),
    );
    expect(updated).toMatchObject({ id: created.id, description: 'new' });
    const removed = await client.send(new UpdateDeploymentCommand({ restApiId: apiId, deploymentId: created.id, patchOperations: [{ op: 'remove', path: '/description' }] }));
    expect(removed.description).toBeUndefined();
  });

  it('refuses other paths and changes nothing', async () => {
    const { apiId } = await createDeployableApi();
    const created = await client.send(new CreateDeploymentCommand({ restApiId: apiId, description: 'kept' }));
    await expect(
      client.send(
        new UpdateDeploymentCommand({
          restApiId: apiId,
          deploymentId: created.id,
          patchOperations: [
            { op: 'replace', path: '/description', value: 'changed' },
            { op: 'replace', path: '/id', value: 'x' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException' });
    expect((await client.send(new GetDeploymentCommand({ restApiId: apiId, deploymentId: created.id }))).description).toBe('kept');
  });
});

describe('DeleteDeployment', () => {
  it('refuses a deployment a stage points at, then deletes it once the stage is gone (202)', async () => {
    const { apiId } = await createDeployableApi();
    const created = await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'staging' }));
    await expect(client.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId: created.id }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message: 'Active stages pointing to this deployment must be moved or deleted',
    });
    expect((await client.send(new DeleteStageCommand({ restApiId: apiId, stageName: 'staging' }))).$metadata.httpStatusCode).toBe(202);
    expect((await client.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId: created.id }))).$metadata.httpStatusCode).toBe(202);
    expect((await client.send(new GetDeploymentsCommand({ restApiId: apiId }))).items).toEqual([]);
  });

  it('answers 404 for an unknown deployment', async () => {
    const { apiId } = await createDeployableApi();
    await expect(client.send(new DeleteDeploymentCommand({ restApiId: apiId, deploymentId: 'unknown' }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid Deployment identifier specified',
    });
  });
});
