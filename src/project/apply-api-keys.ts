// `portico serve DIR`, apply step 3: makes each API key of portico.yaml exist, found again by name
// and the project's tag. A fixed `value` that differs from the key's replaces the key (AWS cannot
// change a key's value); `enabled` and `description` are patched. API reference: CreateApiKey,
// GetApiKeys, UpdateApiKey, DeleteApiKey.

import { atEntry, isOwned, items, PROJECT_TAG, type ApplyContext } from './apply-context.js';
import type { ProjectApiKey } from './project.js';

export interface AppliedApiKey {
  name: string;
  id: string;
  value: string;
}

export async function applyApiKey(context: ApplyContext, key: ProjectApiKey): Promise<AppliedApiKey> {
  const { client, project } = context;
  return atEntry(context, `apiKeys.${key.name}`, key.line, async () => {
    const listed = items(await client.call('GetApiKeys', 'GET', '/apikeys', { query: { name: key.name, includeValues: 'true', limit: '500' } }));
    let existing = listed.find((candidate) => candidate.name === key.name && isOwned(candidate.tags, project));
    if (existing !== undefined && key.value !== undefined && existing.value !== key.value) {
      await client.call('DeleteApiKey', 'DELETE', `/apikeys/${String(existing.id)}`);
      existing = undefined;
      context.report(`api key ${key.name}: value changed, key replaced`);
    }
    if (existing === undefined) {
      const created = await client.call('CreateApiKey', 'POST', '/apikeys', {
        body: {
          name: key.name,
          enabled: key.enabled,
          ...(key.value !== undefined && { value: key.value }),
          ...(key.description !== undefined && { description: key.description }),
          tags: { [PROJECT_TAG]: project.name },
        },
      });
      context.report(`api key ${key.name}: created`);
      return { name: key.name, id: String(created.id), value: String(created.value) };
    }
    const patchOperations: Array<{ op: string; path: string; value: string }> = [];
    if (existing.enabled !== key.enabled) patchOperations.push({ op: 'replace', path: '/enabled', value: String(key.enabled) });
    if (key.description !== undefined && existing.description !== key.description) patchOperations.push({ op: 'replace', path: '/description', value: key.description });
    if (patchOperations.length > 0) {
      await client.call('UpdateApiKey', 'PATCH', `/apikeys/${String(existing.id)}`, { body: { patchOperations } });
      context.report(`api key ${key.name}: updated (${patchOperations.map((operation) => operation.path.slice(1)).join(', ')})`);
    }
    return { name: key.name, id: String(existing.id), value: String(existing.value) };
  });
}
