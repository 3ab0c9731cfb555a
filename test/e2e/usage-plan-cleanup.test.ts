// Usage plans follow the API stages they list (reference §6), through the real AWS SDK and real
// HTTP calls to the invoke URL: DeleteStage and DeleteRestApi remove the deleted stages from every
// usage plan (the data plane sees it at once, a restart keeps it), and DeleteUsagePlan refuses a
// plan that still lists API stages.

import {
  CreateDeploymentCommand,
  CreateStageCommand,
  CreateUsagePlanCommand,
  DeleteRestApiCommand,
  DeleteStageCommand,
  DeleteUsagePlanCommand,
  GetStageCommand,
  GetUsagePlanCommand,
  GetUsagePlanKeysCommand,
  UpdateUsagePlanCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { createKeyedApi, createPlanWithKey, type KeyedApi } from '../support/keyed-api.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
  portico = await startTestPortico();
});
afterAll(async () => {
  await portico.close();
  await backend.close();
});

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

/** GET `path` on an API stage through the current instance (its port changes on restart). */
async function invoke(apiId: string, stage: string, path: string, key?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${portico.url}/_aws/execute-api/${apiId}/${stage}${path}`, { headers: key === undefined ? {} : { 'x-api-key': key } });
  return { status: response.status, body: await response.text() };
}

/** A keyed API (GET /pets needs a key, GET /open does not) deployed to `prod` and to each of `more`. */
async function keyedApiWithStages(...more: string[]): Promise<KeyedApi> {
  const api = await createKeyedApi(portico.client, portico.url, backend.url);
  for (const stageName of more) await portico.client.send(new CreateDeploymentCommand({ restApiId: api.apiId, stageName }));
  return api;
}

async function apiStagesOf(usagePlanId: string | undefined) {
  return (await portico.client.send(new GetUsagePlanCommand({ usagePlanId }))).apiStages;
}

const FORBIDDEN = { status: 403, body: '{"message":"Forbidden"}' };

describe('DeleteStage', () => {
  // AWS: deleting a stage removes the usage plans' association with it; a re-created stage of the
  // same name is not in any plan until added again (hashicorp/terraform-provider-aws #14100,
  // maintainer bflad: stage recreation "will remove downstream resources such as
  // aws_api_gateway_method_settings and aws_api_gateway_usage_plan associated with that stage").
  it('removes the stage from every usage plan listing it; a re-created stage needs adding again', async () => {
    const api = await keyedApiWithStages('beta');
    const key = 'cleanupstagekey0123456789';
    const { plan } = await createPlanWithKey(
      portico.client,
      api,
      { name: 'stage-cleanup', apiStages: [{ apiId: api.apiId, stage: 'prod', throttle: { '/pets/GET': { rateLimit: 100, burstLimit: 50 } } }, { apiId: api.apiId, stage: 'beta' }] },
      key,
    );
    const other = await portico.client.send(new CreateUsagePlanCommand({ name: 'keyless', apiStages: [{ apiId: api.apiId, stage: 'prod' }] }));
    expect((await invoke(api.apiId, 'prod', '/pets', key)).status).toBe(200);
    const { deploymentId } = await portico.client.send(new GetStageCommand({ restApiId: api.apiId, stageName: 'prod' }));

    expect((await portico.client.send(new DeleteStageCommand({ restApiId: api.apiId, stageName: 'prod' }))).$metadata.httpStatusCode).toBe(202);
    expect(await apiStagesOf(plan.id)).toEqual([{ apiId: api.apiId, stage: 'beta' }]);
    expect(await apiStagesOf(other.id)).toEqual([]);
    expect((await invoke(api.apiId, 'beta', '/pets', key)).status).toBe(200);

    await portico.client.send(new CreateStageCommand({ restApiId: api.apiId, stageName: 'prod', deploymentId }));
    expect((await invoke(api.apiId, 'prod', '/open')).status).toBe(200);
    expect(await invoke(api.apiId, 'prod', '/pets', key)).toEqual(FORBIDDEN);

    const readded = await portico.client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'add', path: '/apiStages', value: `${api.apiId}:prod` }] }));
    // The stage comes back without the method throttles it had before it was deleted.
    expect(readded.apiStages).toEqual([{ apiId: api.apiId, stage: 'beta' }, { apiId: api.apiId, stage: 'prod' }]);
    expect((await invoke(api.apiId, 'prod', '/pets', key)).status).toBe(200);
  });
});

describe('DeleteRestApi', () => {
  // AWS: deleting an API deletes its stages, so by the DeleteStage fact above (terraform-provider-aws
  // #14100) every one of them leaves the usage plans. Observed on AWS for DeleteRestApi: UNCONFIRMED.
  it('removes all of its stages from every usage plan and keeps the stages of other APIs', async () => {
    const deleted = await keyedApiWithStages('beta');
    const kept = await keyedApiWithStages();
    const key = 'cleanupapikey0123456789ab';
    const { plan } = await createPlanWithKey(
      portico.client,
      kept,
      {
        name: 'api-cleanup',
        apiStages: [
          { apiId: deleted.apiId, stage: 'prod' },
          { apiId: kept.apiId, stage: 'prod' },
          { apiId: deleted.apiId, stage: 'beta' },
        ],
      },
      key,
    );
    const onlyDeleted = await portico.client.send(new CreateUsagePlanCommand({ name: 'only-deleted', apiStages: [{ apiId: deleted.apiId, stage: 'beta' }] }));
    expect((await invoke(kept.apiId, 'prod', '/pets', key)).status).toBe(200);

    expect((await portico.client.send(new DeleteRestApiCommand({ restApiId: deleted.apiId }))).$metadata.httpStatusCode).toBe(202);
    expect(await apiStagesOf(plan.id)).toEqual([{ apiId: kept.apiId, stage: 'prod' }]);
    expect(await apiStagesOf(onlyDeleted.id)).toEqual([]);
    expect((await portico.client.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id }))).items?.map((k) => k.value)).toEqual([key]);
    expect((await invoke(kept.apiId, 'prod', '/pets', key)).status).toBe(200);
  });
});

describe('DeleteUsagePlan', () => {
  // AWS: 400 BadRequestException `Cannot delete Usage Plan {id} because there are API Stages
  // associated with it, including {apiId}:{stage}` (aws/aws-sdk-js #3841 quotes it). Which stage
  // AWS names when a plan has several is UNCONFIRMED (we name the first). Removing a stage is
  // `remove /apiStages` with value `apiId:stage` (boto/boto3 #2629, reference §6).
  it('refuses a plan with API stages until they are removed, and changes nothing when it refuses', async () => {
    const api = await keyedApiWithStages('beta');
    const { plan, key } = await createPlanWithKey(portico.client, api, { name: 'undeletable', apiStages: [{ apiId: api.apiId, stage: 'prod' }, { apiId: api.apiId, stage: 'beta' }] });
    const refusal = (stage: string) => ({
      name: 'BadRequestException',
      message: `Cannot delete Usage Plan ${plan.id} because there are API Stages associated with it, including ${api.apiId}:${stage}`,
      status: 400,
    });
    expect(await failure(portico.client.send(new DeleteUsagePlanCommand({ usagePlanId: plan.id })))).toEqual(refusal('prod'));
    expect(await apiStagesOf(plan.id)).toHaveLength(2);
    expect((await portico.client.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id }))).items?.map((k) => k.id)).toEqual([key.id]);
    expect((await invoke(api.apiId, 'prod', '/pets', key.value)).status).toBe(200);

    const remove = (stage: string) => new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'remove', path: '/apiStages', value: `${api.apiId}:${stage}` }] });
    await portico.client.send(remove('prod'));
    expect(await failure(portico.client.send(new DeleteUsagePlanCommand({ usagePlanId: plan.id })))).toEqual(refusal('beta'));
    await portico.client.send(remove('beta'));
    expect((await portico.client.send(new DeleteUsagePlanCommand({ usagePlanId: plan.id }))).$metadata.httpStatusCode).toBe(202);
    expect(await failure(portico.client.send(new GetUsagePlanCommand({ usagePlanId: plan.id })))).toEqual({ name: 'NotFoundException', message: 'Invalid Usage Plan ID specified', status: 404 });
    expect(await invoke(api.apiId, 'beta', '/pets', key.value)).toEqual(FORBIDDEN);
  });
});

describe('a restart', () => {
  // The cleanup is written to the store in the delete's transaction, so the restored plans and the
  // data plane's API keys (restored from the store) agree with it (facts as above).
  it('keeps the cleaned usage plans, and the data plane restored from them', async () => {
    const api = await keyedApiWithStages('beta');
    const gone = await keyedApiWithStages();
    const key = 'cleanuprestartkey01234567';
    const { plan } = await createPlanWithKey(
      portico.client,
      api,
      {
        name: 'restart-cleanup',
        apiStages: [
          { apiId: api.apiId, stage: 'prod' },
          { apiId: api.apiId, stage: 'beta' },
          { apiId: gone.apiId, stage: 'prod' },
        ],
      },
      key,
    );
    const { deploymentId } = await portico.client.send(new GetStageCommand({ restApiId: api.apiId, stageName: 'beta' }));
    await portico.client.send(new DeleteStageCommand({ restApiId: api.apiId, stageName: 'beta' }));
    await portico.client.send(new DeleteRestApiCommand({ restApiId: gone.apiId }));

    portico = await portico.restart();
    expect(await apiStagesOf(plan.id)).toEqual([{ apiId: api.apiId, stage: 'prod' }]);
    await portico.client.send(new CreateStageCommand({ restApiId: api.apiId, stageName: 'beta', deploymentId }));
    expect(await invoke(api.apiId, 'beta', '/pets', key)).toEqual(FORBIDDEN);
    expect((await invoke(api.apiId, 'prod', '/pets', key)).status).toBe(200);
    // The plan lists only live stages, so it can be edited as a whole again.
    const renamed = await portico.client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'replace', path: '/name', value: 'renamed' }] }));
    expect(renamed).toMatchObject({ name: 'renamed', apiStages: [{ apiId: api.apiId, stage: 'prod' }] });
  });
});
