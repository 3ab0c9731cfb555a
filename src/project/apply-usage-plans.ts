// `portico serve DIR`, apply step 4: makes each usage plan of portico.yaml exist with its API
// stages, throttle, quota and API keys, found again by name and the project's tag; an existing plan
// is patched, so its quota counters survive. API reference: CreateUsagePlan, UpdateUsagePlan,
// GetUsagePlanKeys, CreateUsagePlanKey, DeleteUsagePlanKey.

import type { AppliedApiKey } from './apply-api-keys.js';
import type { AppliedApi } from './apply-apis.js';
import { atEntry, isOwned, items, PROJECT_TAG, type ApplyContext } from './apply-context.js';
import type { ProjectUsagePlan } from './project.js';

interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: string;
}

export async function applyUsagePlan(context: ApplyContext, plan: ProjectUsagePlan, apis: readonly AppliedApi[], keys: readonly AppliedApiKey[]): Promise<void> {
  const { client, project } = context;
  const apiStages = plan.apis.map((name) => apis.find((api) => api.name === name)).filter((api) => api !== undefined);
  await atEntry(context, `usagePlans.${plan.name}`, plan.line, async () => {
    const existing = items(await client.call('GetUsagePlans', 'GET', '/usageplans', { query: { limit: '500' } })).find(
      (candidate) => candidate.name === plan.name && isOwned(candidate.tags, project),
    );
    let id: string;
    if (existing === undefined) {
      const created = await client.call('CreateUsagePlan', 'POST', '/usageplans', {
        body: {
          name: plan.name,
          ...(plan.description !== undefined && { description: plan.description }),
          apiStages: apiStages.map((api) => ({ apiId: api.id, stage: api.stage })),
          ...(plan.throttle !== undefined && { throttle: plan.throttle }),
          ...(plan.quota !== undefined && { quota: plan.quota }),
          tags: { [PROJECT_TAG]: project.name },
        },
      });
      id = String(created.id);
      context.report(`usage plan ${plan.name}: created`);
    } else {
      id = String(existing.id);
      const patchOperations = renderUsagePlanPatch(existing, plan, apiStages);
      if (patchOperations.length > 0) {
        await client.call('UpdateUsagePlan', 'PATCH', `/usageplans/${id}`, { body: { patchOperations } });
        context.report(`usage plan ${plan.name}: updated (${[...new Set(patchOperations.map((operation) => operation.path.split('/')[1]))].join(', ')})`);
      }
    }
    const wantedKeys = plan.apiKeys.map((name) => keys.find((key) => key.name === name)).filter((key) => key !== undefined);
    const currentKeys = items(await client.call('GetUsagePlanKeys', 'GET', `/usageplans/${id}/keys`, { query: { limit: '500' } })).map((key) => String(key.id));
    for (const key of wantedKeys) {
      if (currentKeys.includes(key.id)) continue;
      await client.call('CreateUsagePlanKey', 'POST', `/usageplans/${id}/keys`, { body: { keyId: key.id, keyType: 'API_KEY' } });
      context.report(`usage plan ${plan.name}: api key ${key.name} added`);
    }
    for (const keyId of currentKeys) {
      if (wantedKeys.some((key) => key.id === keyId)) continue;
      await client.call('DeleteUsagePlanKey', 'DELETE', `/usageplans/${id}/keys/${keyId}`);
      context.report(`usage plan ${plan.name}: api key ${keyId} removed`);
    }
  });
}

function renderUsagePlanPatch(current: Record<string, unknown>, plan: ProjectUsagePlan, apis: readonly AppliedApi[]): PatchOperation[] {
  const operations: PatchOperation[] = [];
  if (plan.description !== undefined && current.description !== plan.description) operations.push({ op: 'replace', path: '/description', value: plan.description });
  const currentStages = ((current.apiStages ?? []) as Array<Record<string, unknown>>).map((stage) => `${String(stage.apiId)}:${String(stage.stage)}`);
  const wantedStages = apis.map((api) => `${api.id}:${api.stage}`);
  for (const stage of wantedStages) if (!currentStages.includes(stage)) operations.push({ op: 'add', path: '/apiStages', value: stage });
  for (const stage of currentStages) if (!wantedStages.includes(stage)) operations.push({ op: 'remove', path: '/apiStages', value: stage });
  operations.push(...renderFieldsPatch('throttle', current.throttle, plan.throttle));
  operations.push(...renderFieldsPatch('quota', current.quota, plan.quota));
  return operations;
}

/** `replace /{area}/{field}` for each differing field; `remove /{area}` when the area is gone. */
function renderFieldsPatch(area: string, current: unknown, wanted: object | undefined): PatchOperation[] {
  const have = (current ?? {}) as Record<string, unknown>;
  if (wanted === undefined) return current === undefined ? [] : [{ op: 'remove', path: `/${area}` }];
  const operations: PatchOperation[] = [];
  for (const [field, value] of Object.entries(wanted)) {
    if (have[field] !== value) operations.push({ op: 'replace', path: `/${area}/${field}`, value: String(value) });
  }
  for (const field of Object.keys(have)) {
    if (!(field in wanted) && area === 'throttle') operations.push({ op: 'remove', path: `/${area}/${field}` });
  }
  return operations;
}
