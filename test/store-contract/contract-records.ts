// The store contract, part 1: records. Reads and writes, put order, secondary indexes, listAll,
// delete and the deleteByParent cascade, region isolation, deep copies, JSON fidelity, large values
// and unicode. Registered by describeStoreContract (store-contract.ts).

import { describe, expect, it } from 'vitest';
import { API, OTHER_API, OTHER_REGION, REGION, at, docs, others, putOne, type Doc, type LiveStore } from './contract-fixtures.js';

export function describeRecordContract(live: LiveStore): void {
  describe('reads and writes', () => {
    it('answers undefined and empty lists for absent records, never an error', async () => {
      const { store } = live;
      expect(await store.get(docs, REGION, API, 'missing')).toBeUndefined();
      expect(await store.list(docs, REGION, API)).toEqual([]);
      expect(await store.listByIndex(docs, REGION, API, 'x')).toEqual([]);
      expect(await store.listAll(docs)).toEqual([]);
    });

    it('gets what was put', async () => {
      await putOne(live.store, docs, at('a'), { name: 'a', n: 1, tags: ['t'] });
      expect(await live.store.get(docs, REGION, API, 'a')).toEqual({ name: 'a', n: 1, tags: ['t'] });
    });

    it('lists in the order records were first put, not by id; a replace keeps the position', async () => {
      const { store } = live;
      for (const id of ['m', 'b', 'z', 'a']) await putOne(store, docs, at(id), { name: id });
      await putOne(store, docs, at('b'), { name: 'b2' });
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'm' }, { name: 'b2' }, { name: 'z' }, { name: 'a' }]);
    });

    it('puts a deleted then re-put record at the end', async () => {
      const { store } = live;
      for (const id of ['a', 'b', 'c']) await putOne(store, docs, at(id), { name: id });
      await store.transaction(async (tx) => {
        await tx.delete(docs, at('a'));
        await tx.put(docs, at('a'), { name: 'a again' });
      });
      expect((await store.list(docs, REGION, API)).map((d) => d.name)).toEqual(['b', 'c', 'a again']);
    });

    it('keeps put order for writes made in one transaction', async () => {
      const ids = Array.from({ length: 50 }, (_, i) => `id-${(i * 37) % 50}`);
      await live.store.transaction(async (tx) => {
        for (const id of ids) await tx.put(docs, at(id), { name: id });
      });
      expect((await live.store.list(docs, REGION, API)).map((d) => d.name)).toEqual(ids);
    });

    it('scopes get and list by collection, region and parent', async () => {
      const { store } = live;
      await store.transaction(async (tx) => {
        await tx.put(docs, at('x'), { name: 'docs/us/api' });
        await tx.put(others, at('x'), { name: 'others/us/api' });
        await tx.put(docs, at('x', API, OTHER_REGION), { name: 'docs/eu/api' });
        await tx.put(docs, at('x', OTHER_API), { name: 'docs/us/other' });
        await tx.put(docs, at('x', ''), { name: 'docs/us/top' });
      });
      expect(await store.get(docs, REGION, API, 'x')).toEqual({ name: 'docs/us/api' });
      expect(await store.get(others, REGION, API, 'x')).toEqual({ name: 'others/us/api' });
      expect(await store.get(docs, OTHER_REGION, API, 'x')).toEqual({ name: 'docs/eu/api' });
      expect(await store.get(docs, REGION, OTHER_API, 'x')).toEqual({ name: 'docs/us/other' });
      expect(await store.get(docs, REGION, '', 'x')).toEqual({ name: 'docs/us/top' });
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'docs/us/api' }]);
      expect(await store.list(docs, OTHER_REGION, API)).toEqual([{ name: 'docs/eu/api' }]);
      expect(await store.get(docs, 'ap-south-1', API, 'x')).toBeUndefined();
    });

    it('lists by secondary index, in put order, scoped by region and parent', async () => {
      const { store } = live;
      await store.transaction(async (tx) => {
        await tx.put(docs, at('c1'), { name: 'c1' }, 'p1');
        await tx.put(docs, at('c2'), { name: 'c2' }, 'p2');
        await tx.put(docs, at('c3'), { name: 'c3' }, 'p1');
        await tx.put(docs, at('root'), { name: 'root' }, '');
        await tx.put(docs, at('plain'), { name: 'plain' });
        await tx.put(docs, at('c4', API, OTHER_REGION), { name: 'c4' }, 'p1');
        await tx.put(docs, at('c5', OTHER_API), { name: 'c5' }, 'p1');
        await tx.put(others, at('c6'), { name: 'c6' }, 'p1');
      });
      expect(await store.listByIndex(docs, REGION, API, 'p1')).toEqual([{ name: 'c1' }, { name: 'c3' }]);
      expect(await store.listByIndex(docs, REGION, API, 'p2')).toEqual([{ name: 'c2' }]);
      // An empty index is a value (the root resource's parent); a record put without one is not listed.
      expect(await store.listByIndex(docs, REGION, API, '')).toEqual([{ name: 'root' }]);
      expect(await store.listByIndex(docs, OTHER_REGION, API, 'p1')).toEqual([{ name: 'c4' }]);
    });

    it('replaces the index with the record: a new index moves it, no index removes it from the index', async () => {
      const { store } = live;
      await putOne(store, docs, at('a'), { name: 'a' }, 'p1');
      await putOne(store, docs, at('b'), { name: 'b' }, 'p1');
      await putOne(store, docs, at('a'), { name: 'a2' }, 'p2');
      await putOne(store, docs, at('b'), { name: 'b2' });
      expect(await store.listByIndex(docs, REGION, API, 'p1')).toEqual([]);
      expect(await store.listByIndex(docs, REGION, API, 'p2')).toEqual([{ name: 'a2' }]);
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'a2' }, { name: 'b2' }]);
    });

    it('lists every region and parent with listAll, in put order, with addresses', async () => {
      const { store } = live;
      await putOne(store, docs, at('1', API, OTHER_REGION), { name: 'one' });
      await putOne(store, docs, at('2', ''), { name: 'two' });
      await putOne(store, others, at('x'), { name: 'other collection' });
      await putOne(store, docs, at('3', OTHER_API), { name: 'three' });
      await putOne(store, docs, at('1', API, OTHER_REGION), { name: 'one again' });
      expect(await store.listAll(docs)).toEqual([
        { region: OTHER_REGION, parent: API, id: '1', value: { name: 'one again' } },
        { region: REGION, parent: '', id: '2', value: { name: 'two' } },
        { region: REGION, parent: OTHER_API, id: '3', value: { name: 'three' } },
      ]);
    });
  });

  describe('deletes', () => {
    it('returns whether a record was deleted', async () => {
      const { store } = live;
      await putOne(store, docs, at('a'), { name: 'a' }, 'p');
      expect(await store.transaction((tx) => tx.delete(docs, at('a')))).toBe(true);
      expect(await store.transaction((tx) => tx.delete(docs, at('a')))).toBe(false);
      expect(await store.transaction((tx) => tx.delete(docs, at('never')))).toBe(false);
      expect(await store.get(docs, REGION, API, 'a')).toBeUndefined();
      expect(await store.listByIndex(docs, REGION, API, 'p')).toEqual([]);
    });

    it('deletes only the addressed record (same id elsewhere survives)', async () => {
      const { store } = live;
      await store.transaction(async (tx) => {
        for (const address of [at('a'), at('a', OTHER_API), at('a', API, OTHER_REGION)]) await tx.put(docs, address, { name: 'a' });
        await tx.put(others, at('a'), { name: 'a' });
        await tx.delete(docs, at('a'));
      });
      expect(await store.listAll(docs)).toHaveLength(2);
      expect(await store.get(others, REGION, API, 'a')).toEqual({ name: 'a' });
    });

    it('cascades deleteByParent over every collection of that parent in that region only', async () => {
      const { store } = live;
      await store.transaction(async (tx) => {
        await tx.put(docs, at('d1'), { name: 'd1' });
        await tx.put(docs, at('d2'), { name: 'd2' }, 'p');
        await tx.put(others, at('o1'), { name: 'o1' });
        await tx.put(docs, at('keep-region', API, OTHER_REGION), { name: 'eu' });
        await tx.put(docs, at('keep-parent', OTHER_API), { name: 'other api' });
        await tx.put(docs, at(API, ''), { name: 'top-level record whose id is the api id' });
      });
      expect(await store.transaction((tx) => tx.deleteByParent(REGION, API))).toBe(3);
      expect(await store.list(docs, REGION, API)).toEqual([]);
      expect(await store.list(others, REGION, API)).toEqual([]);
      expect(await store.listByIndex(docs, REGION, API, 'p')).toEqual([]);
      expect((await store.listAll(docs)).map((r) => r.id)).toEqual(['keep-region', 'keep-parent', API]);
      expect(await store.transaction((tx) => tx.deleteByParent(REGION, API))).toBe(0);
    });
  });

  describe('copies', () => {
    const original = (): Doc => ({ name: 'n', tags: ['a'], nested: { deep: { list: [{ k: 'v' }] } } });

    it('keeps what was put when the caller later mutates its value', async () => {
      const value = original();
      await live.store.transaction(async (tx) => {
        await tx.put(docs, at('a'), value, 'p');
        value.tags!.push('mutated in tx');
        value.nested!.deep.list[0]!.k = 'mutated in tx';
      });
      value.name = 'mutated after';
      expect(await live.store.get(docs, REGION, API, 'a')).toEqual(original());
    });

    it('hands out deep copies from get, list, listByIndex and listAll', async () => {
      const { store } = live;
      await putOne(store, docs, at('a'), original(), 'p');
      const got = (await store.get(docs, REGION, API, 'a'))!;
      got.nested!.deep.list[0]!.k = 'x';
      (await store.list(docs, REGION, API))[0]!.tags!.push('x');
      (await store.listByIndex(docs, REGION, API, 'p'))[0]!.name = 'x';
      (await store.listAll(docs))[0]!.value.nested!.deep.list.push({ k: 'x' });
      expect(await store.get(docs, REGION, API, 'a')).toEqual(original());
    });

    it('hands out deep copies inside a transaction too', async () => {
      await live.store.transaction(async (tx) => {
        await tx.put(docs, at('a'), original());
        (await tx.get(docs, REGION, API, 'a'))!.tags!.push('x');
        (await tx.list(docs, REGION, API))[0]!.nested!.deep.list.length = 0;
        expect(await tx.get(docs, REGION, API, 'a')).toEqual(original());
      });
      expect(await live.store.get(docs, REGION, API, 'a')).toEqual(original());
    });

    it('round-trips values as JSON documents: key order kept, undefined properties dropped', async () => {
      const value = { z: 1, a: [1, 'two', null, true, { y: -0.5, b: 1e21 }], m: { q: '', c: false }, gone: undefined };
      await putOne(live.store, others, at('json'), value as unknown as Doc);
      const back = (await live.store.get(others, REGION, API, 'json')) as unknown as Record<string, unknown>;
      expect(back).toEqual({ z: 1, a: [1, 'two', null, true, { y: -0.5, b: 1e21 }], m: { q: '', c: false } });
      expect(Object.keys(back)).toEqual(['z', 'a', 'm']);
      expect(Object.keys(back.m as object)).toEqual(['q', 'c']);
      expect('gone' in back).toBe(false);
    });
  });

  describe('size and text', () => {
    it('stores a 1 MB JSON value', async () => {
      const tags = Array.from({ length: 16_384 }, (_, i) => `tag-${i}-${'x'.repeat(56)}`);
      const big: Doc = { name: 'big', tags };
      expect(JSON.stringify(big).length).toBeGreaterThan(1024 * 1024);
      await putOne(live.store, docs, at('big'), big);
      expect(await live.store.get(docs, REGION, API, 'big')).toEqual(big);
      await live.reopen();
      expect((await live.store.list(docs, REGION, API))[0]).toEqual(big);
    });

    it('keeps unicode exactly, in values and in addresses', async () => {
      const { store } = live;
      // Values may hold any JS string (a NUL, a lone surrogate); addresses are well-formed unicode.
      const text = 'café ☕ 日本語 עברית e\u0301 👩‍👩‍👧 \u{1F600} \u0000 \uD800 "quoted" \\ \n\t';
      const id = 'ресурс-日本-👍';
      const parent = 'api-ñ-🚀';
      const region = 'région-ü';
      await putOne(store, docs, at(id, parent, region), { name: text, tags: [text] }, 'índice-✓');
      const expected = { name: text, tags: [text] };
      expect(await store.get(docs, region, parent, id)).toEqual(expected);
      expect(await store.listByIndex(docs, region, parent, 'índice-✓')).toEqual([expected]);
      expect(await store.listAll(docs)).toEqual([{ region, parent, id, value: expected }]);
      expect(await store.get(docs, region, parent, 'ресурс-日本-👎')).toBeUndefined();
      await live.reopen();
      expect(await live.store.get(docs, region, parent, id)).toEqual(expected);
    });
  });
}
