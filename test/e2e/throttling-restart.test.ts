// Quota usage survives a restart with in-memory shared state (issue 6 §3): counters are written to
// the store every few seconds and on shutdown, and restored at start-up; keys and plans are
// enforced again from the first request.

import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { collections } from '../../src/store/collections.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { startBackend, type TestBackend } from '../support/backend.js';
import { createKeyedApi, createPlanWithKey } from '../support/keyed-api.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico | undefined;
let backend: TestBackend | undefined;
afterAll(async () => {
  await portico?.close();
  await backend?.close();
});

describe('quota usage across a restart (memory state)', () => {
  it('persists usage periodically and on shutdown, and enforces the same quota after the restart', async () => {
    const clock = new ManualClock(Date.UTC(2026, 8, 1, 8));
    backend = await startBackend();
    portico = await startTestPortico({ clock, usagePersistIntervalMs: 50 });
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const value = 'restartkey0123456789abc';
    await createPlanWithKey(portico.client, api, { quota: { limit: 4, period: 'MONTH' } }, value);
    // The restarted instance listens on another port.
    const call = async (): Promise<number> => (await fetch(`${portico!.url}/_aws/execute-api/${api.apiId}/prod/pets`, { headers: { 'x-api-key': value } })).status;
    expect([await call(), await call()]).toEqual([200, 200]);

    // Written by the timer while running.
    const reader = new SqliteStore(join(portico.dataDir, 'portico.db'));
    try {
      let persisted = 0;
      for (let i = 0; i < 100 && persisted !== 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        persisted = (await reader.listAll(collections.usageCounter))[0]?.value.periodUsed ?? 0;
      }
      expect(persisted).toBe(2);
    } finally {
      await reader.close();
    }

    expect(await call()).toBe(200);
    portico = await portico.restart();
    expect(portico.logs.some((line) => line.msg === 'restored api keys and usage plans' && line.apiKeys === 1)).toBe(true);
    expect([await call(), await call()]).toEqual([200, 429]);
  });
});
