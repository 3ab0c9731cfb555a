// API keys through the real AWS SDK (reference §4, §6): create (values, generation, defaults),
// get with and without the value, list filters and paging, update paths, delete, and ImportApiKeys
// with AWS's CSV columns — with AWS's exact messages.

import {
  CreateApiKeyCommand,
  CreateUsagePlanCommand,
  DeleteApiKeyCommand,
  GetApiKeyCommand,
  GetApiKeysCommand,
  GetUsagePlanKeysCommand,
  ImportApiKeysCommand,
  UpdateApiKeyCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
const clock = new ManualClock(Date.UTC(2026, 2, 1, 12));
beforeAll(async () => {
  portico = await startTestPortico({ clock });
});
afterAll(() => portico.close());

const VALUE = 'abcdefghij0123456789';

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: e.name, message: e.message, status: e.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

describe('CreateApiKey', () => {
  it('creates a disabled key with a generated 40-character value by default', async () => {
    const key = await portico.client.send(new CreateApiKeyCommand({ name: 'generated' }));
    expect(key.$metadata.httpStatusCode).toBe(201);
    expect(key.id).toMatch(/^[a-z0-9]{10}$/);
    expect(key.value).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(key).toMatchObject({ name: 'generated', enabled: false, stageKeys: [], createdDate: new Date(Date.UTC(2026, 2, 1, 12)) });
    expect(key.lastUpdatedDate).toEqual(key.createdDate);
  });

  it('keeps a given value, description, customer id and tags', async () => {
    const key = await portico.client.send(
      new CreateApiKeyCommand({ name: 'given', value: `${VALUE}given`, enabled: true, description: 'd', customerId: 'cust-1', tags: { team: 'a' } }),
    );
    expect(key).toMatchObject({ value: `${VALUE}given`, enabled: true, description: 'd', customerId: 'cust-1', tags: { team: 'a' } });
  });

  it.each([
    ['x'.repeat(19), 'API Key value should be at least 20 characters'],
    ['x'.repeat(129), 'API Key value exceeds maximum size of 128 characters'],
  ])('refuses the value %s with AWS message', async (value, message) => {
    expect(await failure(portico.client.send(new CreateApiKeyCommand({ name: 'bad', value })))).toEqual({ name: 'BadRequestException', message, status: 400 });
  });

  it('accepts 20 and 128 characters; refuses a value already in use (409) and a name over 1024', async () => {
    await portico.client.send(new CreateApiKeyCommand({ value: 'y'.repeat(20) }));
    await portico.client.send(new CreateApiKeyCommand({ value: 'y'.repeat(128) }));
    expect(await failure(portico.client.send(new CreateApiKeyCommand({ value: 'y'.repeat(20) })))).toMatchObject({ name: 'ConflictException', message: 'API Key already exists', status: 409 });
    expect(await failure(portico.client.send(new CreateApiKeyCommand({ name: 'n'.repeat(1025) })))).toMatchObject({ name: 'BadRequestException', status: 400 });
  });
});

describe('GetApiKey and GetApiKeys', () => {
  it('omits the value unless includeValue(s) is true', async () => {
    const created = await portico.client.send(new CreateApiKeyCommand({ name: 'hidden', value: `${VALUE}hidden` }));
    const plain = await portico.client.send(new GetApiKeyCommand({ apiKey: created.id }));
    expect(plain.value).toBeUndefined();
    expect(plain).toMatchObject({ id: created.id, name: 'hidden', enabled: false });
    expect((await portico.client.send(new GetApiKeyCommand({ apiKey: created.id, includeValue: true }))).value).toBe(`${VALUE}hidden`);
    const listed = await portico.client.send(new GetApiKeysCommand({ nameQuery: 'hidden' }));
    expect(listed.items?.map((k) => k.value)).toEqual([undefined]);
    const withValues = await portico.client.send(new GetApiKeysCommand({ nameQuery: 'hidden', includeValues: true }));
    expect(withValues.items?.map((k) => k.value)).toEqual([`${VALUE}hidden`]);
  });

  it('answers 404 Invalid API Key identifier specified for an unknown id', async () => {
    expect(await failure(portico.client.send(new GetApiKeyCommand({ apiKey: 'nope000000' })))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid API Key identifier specified',
      status: 404,
    });
  });

  it('filters by case-sensitive name prefix and by customer id, and pages', async () => {
    for (const name of ['Prefix-a', 'Prefix-b', 'prefix-c']) await portico.client.send(new CreateApiKeyCommand({ name, customerId: name === 'Prefix-b' ? 'cust-x' : undefined }));
    const byName = await portico.client.send(new GetApiKeysCommand({ nameQuery: 'Prefix-' }));
    expect(byName.items?.map((k) => k.name)).toEqual(['Prefix-a', 'Prefix-b']);
    const byCustomer = await portico.client.send(new GetApiKeysCommand({ customerId: 'cust-x' }));
    expect(byCustomer.items?.map((k) => k.name)).toEqual(['Prefix-b']);
    const page = await portico.client.send(new GetApiKeysCommand({ nameQuery: 'Prefix-', limit: 1 }));
    expect(page.items).toHaveLength(1);
    const next = await portico.client.send(new GetApiKeysCommand({ nameQuery: 'Prefix-', limit: 1, position: page.position }));
    expect(next.items?.map((k) => k.name)).toEqual(['Prefix-b']);
    expect(next.position).toBeUndefined();
  });
});

describe('UpdateApiKey and DeleteApiKey', () => {
  it('replaces /name, /description, /enabled, /customerId and bumps lastUpdatedDate', async () => {
    const key = await portico.client.send(new CreateApiKeyCommand({ name: 'before' }));
    clock.advance(60_000);
    const updated = await portico.client.send(
      new UpdateApiKeyCommand({
        apiKey: key.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'after' },
          { op: 'replace', path: '/description', value: 'desc' },
          { op: 'replace', path: '/enabled', value: 'true' },
          { op: 'replace', path: '/customerId', value: 'c-9' },
        ],
      }),
    );
    expect(updated).toMatchObject({ name: 'after', description: 'desc', enabled: true, customerId: 'c-9' });
    expect(updated.value).toBeUndefined();
    expect(updated.lastUpdatedDate!.getTime()).toBe(key.createdDate!.getTime() + 60_000);
  });

  it('refuses other paths with the list AWS accepts', async () => {
    const key = await portico.client.send(new CreateApiKeyCommand({ name: 'paths' }));
    const error = await failure(portico.client.send(new UpdateApiKeyCommand({ apiKey: key.id, patchOperations: [{ op: 'replace', path: '/value', value: 'x'.repeat(30) }] })));
    expect(error).toEqual({
      name: 'BadRequestException',
      message: "Invalid patch path  '/value' specified for op 'replace'. Must be one of: [/description, /enabled, /name, /customerId]",
      status: 400,
    });
  });

  it('deletes with 202; the key is gone afterwards', async () => {
    const key = await portico.client.send(new CreateApiKeyCommand({ name: 'doomed' }));
    const deleted = await portico.client.send(new DeleteApiKeyCommand({ apiKey: key.id }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect((await failure(portico.client.send(new GetApiKeyCommand({ apiKey: key.id })))).status).toBe(404);
  });
});

describe('ImportApiKeys', () => {
  const csv = (text: string) => new TextEncoder().encode(text);

  it('imports AWS CSV columns in any case and order; Enabled defaults to true; UsagePlanIds joins plans', async () => {
    const plan = await portico.client.send(new CreateUsagePlanCommand({ name: 'import-plan' }));
    const body = `key,NAME,Description,enabled,UsagePlanIds\nimportedkey0123456789a,first,one,,${plan.id}\nimportedkey0123456789b,second,two,FALSE,"${plan.id}"\n`;
    const result = await portico.client.send(new ImportApiKeysCommand({ body: csv(body), format: 'csv' }));
    expect(result.$metadata.httpStatusCode).toBe(201);
    expect(result.ids).toHaveLength(2);
    expect(result.warnings).toEqual([]);
    const first = await portico.client.send(new GetApiKeyCommand({ apiKey: result.ids![0], includeValue: true }));
    expect(first).toMatchObject({ name: 'first', value: 'importedkey0123456789a', description: 'one', enabled: true });
    expect((await portico.client.send(new GetApiKeyCommand({ apiKey: result.ids![1] }))).enabled).toBe(false);
    const planKeys = await portico.client.send(new GetUsagePlanKeysCommand({ usagePlanId: plan.id }));
    expect(planKeys.items?.map((k) => k.name).sort()).toEqual(['first', 'second']);
  });

  it('overwrites a key imported again (same id); reports bad rows as warnings, or fails with failOnWarnings', async () => {
    const first = await portico.client.send(new ImportApiKeysCommand({ body: csv('Name,Key\nagain,againkey0123456789abc\n'), format: 'csv' }));
    const second = await portico.client.send(new ImportApiKeysCommand({ body: csv('Name,Key\nagain-renamed,againkey0123456789abc\nshort,tooshort\n'), format: 'csv' }));
    expect(second.ids).toEqual(first.ids);
    expect(second.warnings).toEqual(['Line 3: API Key value should be at least 20 characters']);
    expect((await portico.client.send(new GetApiKeyCommand({ apiKey: first.ids![0] }))).name).toBe('again-renamed');
    const failed = await failure(portico.client.send(new ImportApiKeysCommand({ body: csv('Name,Key\nnever,neverimported012345678\nshort,tooshort\n'), format: 'csv', failOnWarnings: true })));
    expect(failed).toMatchObject({ name: 'BadRequestException', status: 400 });
    expect((await portico.client.send(new GetApiKeysCommand({ nameQuery: 'never' }))).items).toEqual([]);
  });
});
