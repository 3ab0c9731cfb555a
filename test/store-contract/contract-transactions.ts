// The store contract, part 2: transactions and lifetime. Atomicity (a failing body writes nothing
// and its error comes back as the same object), serialisation, read isolation, misuse refused with
// StoreError, durability across reopen, close, and migrations. Registered by describeStoreContract.

import { describe, expect, it } from 'vitest';
import { StoreError, type StoreWriter } from '../../src/store/store.js';
import { API, REGION, at, delay, docs, others, putOne, within, type LiveStore } from './contract-fixtures.js';

export function describeTransactionContract(live: LiveStore): void {
  describe('transactions', () => {
    it("returns the body's result and sees its own writes before commit", async () => {
      const result = await live.store.transaction(async (tx) => {
        await tx.put(docs, at('a'), { name: 'a' }, 'p');
        await tx.put(docs, at('b'), { name: 'b' });
        expect(await tx.get(docs, REGION, API, 'a')).toEqual({ name: 'a' });
        expect(await tx.list(docs, REGION, API)).toEqual([{ name: 'a' }, { name: 'b' }]);
        expect(await tx.listByIndex(docs, REGION, API, 'p')).toEqual([{ name: 'a' }]);
        expect(await tx.listAll(docs)).toHaveLength(2);
        await tx.delete(docs, at('b'));
        expect(await tx.get(docs, REGION, API, 'b')).toBeUndefined();
        return { answer: 42 };
      });
      expect(result).toEqual({ answer: 42 });
    });

    it('writes nothing when the body rejects, and rethrows the same error object', async () => {
      const { store } = live;
      await putOne(store, docs, at('kept'), { name: 'before' }, 'p');
      await putOne(store, others, at('kept'), { name: 'other' });
      const boom = new Error('boom');
      const failing = store.transaction(async (tx) => {
        await tx.put(docs, at('new'), { name: 'new' });
        await tx.put(docs, at('kept'), { name: 'after' }, 'q');
        await delay(5);
        expect(await tx.delete(others, at('kept'))).toBe(true);
        expect(await tx.deleteByParent(REGION, API)).toBe(2);
        throw boom;
      });
      await expect(failing).rejects.toBe(boom);
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'before' }]);
      expect(await store.listByIndex(docs, REGION, API, 'p')).toEqual([{ name: 'before' }]);
      expect(await store.get(others, REGION, API, 'kept')).toEqual({ name: 'other' });
    });

    it('rethrows a synchronous throw and a non-Error rejection unchanged', async () => {
      const { store } = live;
      const thrown = new TypeError('sync');
      await expect(
        store.transaction(() => {
          throw thrown;
        }),
      ).rejects.toBe(thrown);
      const reason = { code: 'not an Error' };
      await expect(
        store.transaction(async (tx) => {
          await tx.put(docs, at('x'), { name: 'x' });
          throw reason;
        }),
      ).rejects.toBe(reason);
      expect(await store.get(docs, REGION, API, 'x')).toBeUndefined();
    });

    it('rethrows a StoreError from the body as the same object and writes nothing', async () => {
      const storeError = new StoreError('raised by the body');
      await expect(
        live.store.transaction(async (tx) => {
          await tx.put(docs, at('x'), { name: 'x' });
          throw storeError;
        }),
      ).rejects.toBe(storeError);
      expect(await live.store.get(docs, REGION, API, 'x')).toBeUndefined();
    });

    it('keeps working after a failed transaction', async () => {
      await expect(live.store.transaction(() => Promise.reject(new Error('first')))).rejects.toThrow('first');
      await putOne(live.store, docs, at('a'), { name: 'a' });
      expect(await live.store.get(docs, REGION, API, 'a')).toEqual({ name: 'a' });
    });

    it('serialises transactions: a second one starts after the first has finished', async () => {
      const events: string[] = [];
      const body = (name: string, fail: boolean) => async (tx: StoreWriter) => {
        events.push(`${name} start`);
        await delay(10);
        await tx.put(docs, at(name), { name });
        await delay(10);
        events.push(`${name} end`);
        if (fail) throw new Error(name);
      };
      const results = await Promise.allSettled([
        live.store.transaction(body('a', false)),
        live.store.transaction(body('b', true)),
        live.store.transaction(body('c', false)),
      ]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(events).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
      expect((await live.store.list(docs, REGION, API)).map((d) => d.name)).toEqual(['a', 'c']);
    });

    it('loses no update when concurrent transactions read, await, then write', async () => {
      await putOne(live.store, docs, at('counter'), { name: 'counter', n: 0 });
      const increment = () =>
        live.store.transaction(async (tx) => {
          const current = await tx.get(docs, REGION, API, 'counter');
          await delay(1);
          await tx.put(docs, at('counter'), { name: 'counter', n: (current?.n ?? 0) + 1 });
        });
      await Promise.all(Array.from({ length: 20 }, increment));
      expect(await live.store.get(docs, REGION, API, 'counter')).toEqual({ name: 'counter', n: 20 });
    });

    it('answers reads outside the transaction at once, from committed data only', async () => {
      const { store } = live;
      await putOne(store, docs, at('a'), { name: 'committed' });
      const seen: unknown[] = [];
      await store.transaction(async (tx) => {
        await tx.put(docs, at('a'), { name: 'uncommitted' });
        await tx.put(docs, at('b'), { name: 'uncommitted' });
        void store.get(docs, REGION, API, 'a').then((value) => seen.push(value));
        void store.list(docs, REGION, API).then((value) => seen.push(value));
        await delay(20);
        // Both reads answered while the body was still running, without its writes.
        expect(seen).toEqual([{ name: 'committed' }, [{ name: 'committed' }]]);
      });
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'uncommitted' }, { name: 'uncommitted' }]);
    });

    it('never shows the writes of a transaction that rolls back', async () => {
      const { store } = live;
      await putOne(store, docs, at('a'), { name: 'committed' });
      let outside: Promise<unknown> = Promise.resolve();
      const failing = store.transaction(async (tx) => {
        await tx.put(docs, at('a'), { name: 'uncommitted' });
        await tx.put(docs, at('b'), { name: 'uncommitted' });
        outside = Promise.all([store.get(docs, REGION, API, 'a'), store.list(docs, REGION, API), store.listAll(docs)]);
        await delay(20);
        throw new Error('roll back');
      });
      await expect(failing).rejects.toThrow('roll back');
      const [a, list, all] = (await outside) as [unknown, unknown[], unknown[]];
      expect(a).toEqual({ name: 'committed' });
      expect(list).toEqual([{ name: 'committed' }]);
      expect(all).toHaveLength(1);
    });

    it('answers store reads made inside a body with committed data, without waiting for the body', async () => {
      const { store } = live;
      await putOne(store, docs, at('a'), { name: 'committed' });
      const inside = store.transaction(async (tx) => {
        await tx.put(docs, at('a'), { name: 'uncommitted' });
        return store.get(docs, REGION, API, 'a');
      });
      expect(await within(inside, 3000, 'a store read inside a transaction body')).toEqual({ name: 'committed' });
    });

    it('refuses a transaction started inside another one with StoreError instead of waiting forever', async () => {
      const { store } = live;
      const outer = store.transaction(async (tx) => {
        await tx.put(docs, at('outer'), { name: 'outer' });
        const nested = await store.transaction(async () => 'nested ran').catch((error: unknown) => error);
        expect(nested).toBeInstanceOf(StoreError);
        return 'outer done';
      });
      expect(await within(outer, 3000, 'a nested transaction')).toBe('outer done');
      expect(await store.get(docs, REGION, API, 'outer')).toEqual({ name: 'outer' });
    });

    it('refuses a transaction handle used after its transaction ended, writing nothing', async () => {
      let leaked: StoreWriter | undefined;
      await live.store.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.put(docs, at('late'), { name: 'late' })).rejects.toBeInstanceOf(StoreError);
      await expect(leaked!.get(docs, REGION, API, 'late')).rejects.toBeInstanceOf(StoreError);
      expect(await live.store.get(docs, REGION, API, 'late')).toBeUndefined();
    });
  });

  describe('durability and lifetime', () => {
    it('keeps committed records, order and indexes across close and reopen', async () => {
      for (const id of ['c', 'a', 'b']) await putOne(live.store, docs, at(id), { name: id }, id === 'b' ? 'p' : undefined);
      await putOne(live.store, docs, at('c'), { name: 'c2' });
      await expect(
        live.store.transaction(async (tx) => {
          await tx.put(docs, at('rolled back'), { name: 'no' });
          throw new Error('no');
        }),
      ).rejects.toThrow('no');
      const store = await live.reopen();
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'c2' }, { name: 'a' }, { name: 'b' }]);
      expect(await store.listByIndex(docs, REGION, API, 'p')).toEqual([{ name: 'b' }]);
      await putOne(store, docs, at('d'), { name: 'd' });
      expect((await store.list(docs, REGION, API)).map((d) => d.name)).toEqual(['c2', 'a', 'b', 'd']);
    });

    it('lets a running transaction commit before close completes', async () => {
      const running = live.store.transaction(async (tx) => {
        await delay(20);
        await tx.put(docs, at('late'), { name: 'late' });
        return 'committed';
      });
      const reopened = live.reopen();
      expect(await running).toBe('committed');
      const store = await reopened;
      expect(await store.get(docs, REGION, API, 'late')).toEqual({ name: 'late' });
    });

    it('closes idempotently and refuses use after close with StoreError', async () => {
      const { store } = live;
      await store.close();
      await store.close();
      await expect(store.get(docs, REGION, API, 'a')).rejects.toBeInstanceOf(StoreError);
      await expect(store.list(docs, REGION, API)).rejects.toBeInstanceOf(StoreError);
      await expect(store.listAll(docs)).rejects.toBeInstanceOf(StoreError);
      await expect(store.transaction(async () => 'ran')).rejects.toBeInstanceOf(StoreError);
    });

    it('runs its migrations once and records the schema version', async () => {
      const { migrations } = live.subject;
      expect(migrations.latestVersion).toBeGreaterThan(0);
      expect(await migrations.recordedVersion()).toBe(migrations.latestVersion);
      await putOne(live.store, docs, at('a'), { name: 'a' });
      // Re-running a migration on a migrated schema would fail or lose data; reopening must do neither.
      await live.reopen();
      await live.reopen();
      expect(await migrations.recordedVersion()).toBe(migrations.latestVersion);
      expect(await live.store.list(docs, REGION, API)).toEqual([{ name: 'a' }]);
    });
  });
}
