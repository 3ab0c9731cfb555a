// Deploy = compile, seen from the snapshot registry: a stage is swapped only by the after-commit
// effects of a successful operation, a failed deploy leaves the served snapshot as it was, a
// variables change re-serves the same snapshot, and start-up restores every compilable stage.

import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Stage } from '../../src/model/deployment.js';
import type { Integration, Resource } from '../../src/model/rest-api.js';
import { createLogger } from '../../src/observability/logger.js';
import { ManualClock } from '../../src/shared/clock.js';
import { DeploymentCompileError } from '../../src/snapshot/deployment-compile-error.js';
import { SnapshotRegistry } from '../../src/snapshot/snapshot-registry.js';
import { MemoryTrafficState } from '../../src/shared-state/memory/memory-traffic-state.js';
import { TrafficRegistry } from '../../src/traffic/traffic-registry.js';
import { collections } from '../../src/store/collections.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { deploymentOperations } from '../../src/control-plane/operations/deployments.js';
import { restApiOperations } from '../../src/control-plane/operations/rest-apis.js';
import { stageOperations } from '../../src/control-plane/operations/stages.js';
import type { OperationDefinition } from '../../src/control-plane/wire/operation.js';
import { restoreServedStages } from '../../src/control-plane/serving/restore-served-stages.js';

const REGION = 'us-east-1';
const MOCK: Integration = { type: 'MOCK', passthroughBehavior: 'WHEN_NO_MATCH', timeoutInMillis: 29000, cacheNamespace: 'root', cacheKeyParameters: [] };

let store: SqliteStore;
let registry: SnapshotRegistry;
beforeEach(() => {
  store = new SqliteStore(':memory:');
  registry = new SnapshotRegistry();
});
afterEach(() => store.close());

function operation(name: string): OperationDefinition {
  const found = [...restApiOperations, ...deploymentOperations, ...stageOperations].find((op) => op.name === name);
  if (!found) throw new Error(`no operation ${name}`);
  return found;
}

/** Runs an operation in one transaction; returns its output and its (not yet applied) after-commit effects. */
async function run(name: string, params: Record<string, string>, body: Record<string, unknown> = {}) {
  const effects: Array<() => void> = [];
  const output = await store.transaction((tx) =>
    operation(name).run(
      { region: REGION, accountId: '000000000000', params, query: new URLSearchParams(), body, rawBody: Buffer.alloc(0), headers: {} },
      { tx, clock: new ManualClock(), registry, traffic: { registry: new TrafficRegistry('000000000000'), state: new MemoryTrafficState() }, afterCommit: (effect) => effects.push(effect) },
    ),
  );
  return { body: output.body as Record<string, string>, effects };
}

/** A REST API whose root has a GET method, with or without an integration. */
async function createApi(withIntegration = true): Promise<string> {
  const { body: api } = await run('CreateRestApi', {}, { name: 'served' });
  const apiId = api.id ?? '';
  const rootId = api.rootResourceId ?? '';
  const root: Resource = {
    id: rootId,
    path: '/',
    resourceMethods: { GET: { httpMethod: 'GET', authorizationType: 'NONE', apiKeyRequired: false, ...(withIntegration && { methodIntegration: MOCK }) } },
  };
  await store.transaction((tx) => tx.put(collections.resource, { region: REGION, parent: apiId, id: rootId }, root, ''));
  return apiId;
}

describe('serving after commit', () => {
  it('serves a deployed stage only once the after-commit effects run', async () => {
    const apiId = await createApi();
    const { body, effects } = await run('CreateDeployment', { restapi_id: apiId }, { stageName: 'dev', variables: { color: 'blue' } });
    expect(registry.lookup(apiId, 'dev')).toBeUndefined();
    for (const effect of effects) effect();
    expect(registry.lookup(apiId, 'dev')).toMatchObject({ region: REGION, deploymentId: body.id, variables: { color: 'blue' } });
  });

  it('a deploy that does not compile throws, writes nothing and keeps the served snapshot', async () => {
    const apiId = await createApi();
    const first = await run('CreateDeployment', { restapi_id: apiId }, { stageName: 'dev' });
    for (const effect of first.effects) effect();
    const served = registry.lookup(apiId, 'dev');
    const broken = await store.get(collections.resource, REGION, apiId, (await store.list(collections.resource, REGION, apiId))[0]?.id ?? '');
    if (!broken) throw new Error('no root resource');
    broken.resourceMethods = { ...broken.resourceMethods, POST: { httpMethod: 'POST', authorizationType: 'NONE', apiKeyRequired: false } };
    await store.transaction((tx) => tx.put(collections.resource, { region: REGION, parent: apiId, id: broken.id }, broken, ''));

    await expect(run('CreateDeployment', { restapi_id: apiId }, { stageName: 'dev' })).rejects.toBeInstanceOf(DeploymentCompileError);
    expect(registry.lookup(apiId, 'dev')).toBe(served);
    expect(await store.list(collections.deployment, REGION, apiId)).toHaveLength(1);
    expect((await store.get(collections.stage, REGION, apiId, 'dev'))?.deploymentId).toBe(first.body.id);
  });

  it('re-serves the same snapshot when only variables change', async () => {
    const apiId = await createApi();
    for (const effect of (await run('CreateDeployment', { restapi_id: apiId }, { stageName: 'dev' })).effects) effect();
    const before = registry.lookup(apiId, 'dev');
    const { effects } = await run('UpdateStage', { restapi_id: apiId, stage_name: 'dev' }, { patchOperations: [{ op: 'replace', path: '/variables/color', value: 'red' }] });
    expect(registry.lookup(apiId, 'dev')).toBe(before);
    for (const effect of effects) effect();
    const after = registry.lookup(apiId, 'dev');
    expect(after?.variables).toEqual({ color: 'red' });
    expect(after?.snapshot).toBe(before?.snapshot);
  });

  it('stops serving a deleted stage after commit', async () => {
    const apiId = await createApi();
    for (const effect of (await run('CreateDeployment', { restapi_id: apiId }, { stageName: 'dev' })).effects) effect();
    const { effects } = await run('DeleteStage', { restapi_id: apiId, stage_name: 'dev' });
    expect(registry.lookup(apiId, 'dev')).toBeDefined();
    for (const effect of effects) effect();
    expect(registry.lookup(apiId, 'dev')).toBeUndefined();
  });
});

describe('restoreServedStages', () => {
  it('serves every stage whose deployment compiles and logs and skips the others', async () => {
    const apiId = await createApi();
    const { body } = await run('CreateDeployment', { restapi_id: apiId }, { stageName: 'good', variables: { v: '1' } });
    await run('CreateStage', { restapi_id: apiId }, { stageName: 'also', deploymentId: body.id });
    // A stage pointing at a deployment whose frozen definition no longer compiles.
    const deployment = await store.get(collections.deployment, REGION, apiId, body.id ?? '');
    if (!deployment) throw new Error('no deployment');
    deployment.id = 'broken';
    deployment.definition.resources = [];
    const stage = (await store.get(collections.stage, REGION, apiId, 'good')) as Stage;
    await store.transaction(async (tx) => {
      await tx.put(collections.deployment, { region: REGION, parent: apiId, id: 'broken' }, deployment);
      await tx.put(collections.stage, { region: REGION, parent: apiId, id: 'bad' }, { ...stage, stageName: 'bad', deploymentId: 'broken' });
    });

    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString('utf8').split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
        callback();
      },
    });
    const logger = createLogger({ level: 'info', destination: sink });
    const restored = new SnapshotRegistry();
    await restoreServedStages(store, restored, '000000000000', logger);

    expect(restored.lookup(apiId, 'good')).toMatchObject({ deploymentId: body.id, variables: { v: '1' } });
    expect(restored.lookup(apiId, 'also')?.snapshot).toBe(restored.lookup(apiId, 'good')?.snapshot);
    expect(restored.lookup(apiId, 'bad')).toBeUndefined();
    expect(lines.find((line) => line.stageName === 'bad')?.msg).toBe('stage not served: its deployment does not compile');
    expect(lines.find((line) => line.msg === 'restored served stages')).toMatchObject({ stages: 2, skipped: 1 });
  });
});
