// Restart persistence: deployments and stages live in the store, and at start-up every stage is
// compiled again from its deployment's frozen definition and served (restoreServedStages).

import {
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetDeploymentCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico | undefined;
let backend: TestBackend | undefined;
afterAll(async () => {
  await portico?.close();
  await backend?.close();
});

describe('restart persistence', () => {
  it('keeps deployments and stages, and serves the stages again after a restart', async () => {
    backend = await startBackend();
    portico = await startTestPortico();
    const client = portico.client;
    const api = await client.send(new CreateRestApiCommand({ name: 'persistent' }));
    const target = { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET' };
    await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
    await client.send(new PutIntegrationCommand({ ...target, type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backend.url}/color/\${stageVariables.color}` }));
    const deployment = await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod', description: 'kept', variables: { color: 'blue' } }));
    await client.send(new UpdateStageCommand({ restApiId: api.id, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/*/*/metrics/enabled', value: 'true' }] }));

    portico = await portico.restart();
    const after = portico.client;
    expect(await after.send(new GetDeploymentCommand({ restApiId: api.id, deploymentId: deployment.id }))).toMatchObject({ id: deployment.id, description: 'kept' });
    const stage = await after.send(new GetStageCommand({ restApiId: api.id, stageName: 'prod' }));
    expect(stage).toMatchObject({ deploymentId: deployment.id, variables: { color: 'blue' } });
    expect(stage.methodSettings?.['*/*']?.metricsEnabled).toBe(true);
    expect(portico.logs.some((line) => line.msg === 'restored served stages' && line.stages === 1)).toBe(true);
    const response = await fetch(`${portico.url}/_aws/execute-api/${api.id}/prod/`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { url: string }).url).toBe('/color/blue');
  });
});
