// CreateApiKey, GetApiKey, GetApiKeys, UpdateApiKey, DeleteApiKey (reference §4, §7.5, §8.1).
// Key values are unique (the data plane finds keys by value); every change is published to the
// data plane after commit. ImportApiKeys lives in api-key-import.ts.

import { randomBytes } from 'node:crypto';
import type { ApiKey } from '../../model/usage-plan.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { StoreWriter } from '../../store/store.js';
import { badRequest, conflict } from '../management-error.js';
import { invalidPatchPath, parsePatchOperations, requireValue } from '../patch/patch-operations.js';
import { readBoolean, readObject, readString, readStringMap } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { checkTags, requireStage } from './stage-records.js';
import { renderApiKey, republishTraffic, requireApiKey } from './traffic-records.js';

const VALUE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** AWS generates 40 alphanumeric characters (documented examples). */
export function generateApiKeyValue(): string {
  const bytes = randomBytes(40);
  let value = '';
  for (const byte of bytes) value += VALUE_ALPHABET[byte % VALUE_ALPHABET.length];
  return value;
}

/** AWS's value rules (reference §4; test: api-keys.test.ts). */
export function checkApiKeyValue(value: string): void {
  if (value.length < 20) throw badRequest('API Key value should be at least 20 characters');
  if (value.length > 128) throw badRequest('API Key value exceeds maximum size of 128 characters');
}

/** Name ≤ 1024 characters (reference §4; message UNCONFIRMED). */
export function checkApiKeyName(name: string | undefined): void {
  if (name !== undefined && name.length > 1024) throw badRequest('API Key name exceeds maximum size of 1024 characters');
}

/** The key holding `value`, if any (values are unique per region). */
export async function findKeyByValue(tx: StoreWriter, region: string, value: string): Promise<ApiKey | undefined> {
  return (await tx.list(collections.apiKey, region, '')).find((key) => key.value === value);
}

export async function newApiKeyId(tx: StoreWriter, region: string): Promise<string> {
  for (;;) {
    const id = generateId(10);
    if (!(await tx.get(collections.apiKey, region, '', id))) return id;
  }
}

/** `{restApiId}/{stageName}` after checking both exist. */
async function stageKey(tx: StoreWriter, input: OperationInput, restApiId: string, stageName: string): Promise<string> {
  const api = await requireRestApi(tx, input, restApiId);
  await requireStage(tx, input, api.id, stageName);
  return `${api.id}/${stageName}`;
}

const createApiKey: OperationDefinition = {
  name: 'CreateApiKey',
  method: 'POST',
  path: '/apikeys',
  async run(input, services) {
    const { tx, clock } = services;
    const { body, region } = input;
    const name = readString(body, 'name');
    checkApiKeyName(name);
    const given = readString(body, 'value');
    if (given !== undefined) checkApiKeyValue(given);
    const value = given ?? generateApiKeyValue();
    // AWS: 409 `API Key already exists` for a value in use (UNCONFIRMED beyond moto's catalogue).
    if (await findKeyByValue(tx, region, value)) throw conflict('API Key already exists');
    const stageKeys: string[] = [];
    const rawStageKeys = body.stageKeys;
    if (Array.isArray(rawStageKeys)) {
      for (let i = 0; i < rawStageKeys.length; i++) {
        const entry = readObject({ entry: rawStageKeys[i] }, 'entry') ?? {};
        stageKeys.push(await stageKey(tx, input, readString(entry, 'restApiId') ?? '', readString(entry, 'stageName') ?? ''));
      }
    }
    const tags = readStringMap(body, 'tags');
    if (tags) checkTags(tags);
    const description = readString(body, 'description');
    const customerId = readString(body, 'customerId');
    const now = Math.floor(clock.now() / 1000);
    const key: ApiKey = {
      id: await newApiKeyId(tx, region),
      value,
      ...(name !== undefined && { name }),
      ...(customerId !== undefined && { customerId }),
      ...(description !== undefined && { description }),
      // AWS: a key is created disabled unless `enabled` is true (reference §4).
      enabled: readBoolean(body, 'enabled') ?? false,
      createdDate: now,
      lastUpdatedDate: now,
      stageKeys,
      ...(tags && Object.keys(tags).length > 0 && { tags }),
    };
    await tx.put(collections.apiKey, { region, parent: '', id: key.id }, key);
    await republishTraffic(input, services);
    return { status: 201, body: renderApiKey(key, true) };
  },
};

const getApiKey: OperationDefinition = {
  name: 'GetApiKey',
  method: 'GET',
  path: '/apikeys/{api_Key}',
  async run(input, { tx }) {
    const key = await requireApiKey(tx, input, input.params.api_Key ?? '');
    return { status: 200, body: renderApiKey(key, input.query.get('includeValue') === 'true') };
  },
};

const getApiKeys: OperationDefinition = {
  name: 'GetApiKeys',
  method: 'GET',
  path: '/apikeys',
  async run(input, { tx }) {
    const name = input.query.get('name');
    const customerId = input.query.get('customerId');
    const includeValues = input.query.get('includeValues') === 'true';
    // AWS: `name` is a case-sensitive prefix (reference §4).
    const keys = (await tx.list(collections.apiKey, input.region, '')).filter(
      (key) => (name === null || (key.name ?? '').startsWith(name)) && (customerId === null || key.customerId === customerId),
    );
    return { status: 200, body: paginate(keys.map((key) => renderApiKey(key, includeValues)), input.query) };
  },
};

const UPDATABLE = ['/description', '/enabled', '/name', '/customerId'];

const updateApiKey: OperationDefinition = {
  name: 'UpdateApiKey',
  method: 'PATCH',
  path: '/apikeys/{api_Key}',
  async run(input, services) {
    const { tx, clock } = services;
    const key = structuredClone(await requireApiKey(tx, input, input.params.api_Key ?? ''));
    for (const operation of parsePatchOperations(input.body, 'updateApiKeyInput')) {
      const [field, ...rest] = operation.segments;
      const clearing = operation.op === 'remove';
      if (field === 'stages' && rest.length === 0 && (operation.op === 'add' || operation.op === 'remove')) {
        const [restApiId = '', stageName = ''] = requireValue(operation).split('/');
        const entry = `${restApiId}/${stageName}`;
        if (operation.op === 'add') {
          if (!key.stageKeys.includes(entry)) key.stageKeys.push(await stageKey(tx, input, restApiId, stageName));
        } else key.stageKeys = key.stageKeys.filter((existing) => existing !== entry);
        continue;
      }
      if (rest.length > 0 || (operation.op !== 'replace' && operation.op !== 'add' && operation.op !== 'remove')) throw invalidPatchPath(operation, UPDATABLE);
      switch (field) {
        case 'name':
          if (clearing) delete key.name;
          else {
            checkApiKeyName(requireValue(operation));
            key.name = requireValue(operation);
          }
          break;
        case 'description':
          if (clearing || operation.value === undefined) delete key.description;
          else key.description = operation.value;
          break;
        case 'customerId':
          if (clearing || operation.value === undefined) delete key.customerId;
          else key.customerId = operation.value;
          break;
        case 'enabled':
          // AWS reads patch booleans leniently (anything but "true" disables; UNCONFIRMED here).
          key.enabled = !clearing && operation.value?.toLowerCase() === 'true';
          break;
        default:
          throw invalidPatchPath(operation, UPDATABLE);
      }
    }
    key.lastUpdatedDate = Math.floor(clock.now() / 1000);
    await tx.put(collections.apiKey, { region: input.region, parent: '', id: key.id }, key);
    await republishTraffic(input, services);
    return { status: 200, body: renderApiKey(key, false) };
  },
};

const deleteApiKey: OperationDefinition = {
  name: 'DeleteApiKey',
  method: 'DELETE',
  path: '/apikeys/{api_Key}',
  async run(input, services) {
    const { tx } = services;
    const key = await requireApiKey(tx, input, input.params.api_Key ?? '');
    await tx.delete(collections.apiKey, { region: input.region, parent: '', id: key.id });
    for (const plan of await tx.list(collections.usagePlan, input.region, '')) {
      await tx.delete(collections.usagePlanKey, { region: input.region, parent: plan.id, id: key.id });
    }
    await republishTraffic(input, services);
    return { status: 202 };
  },
};

export const apiKeyOperations: OperationDefinition[] = [createApiKey, getApiKey, getApiKeys, updateApiKey, deleteApiKey];
