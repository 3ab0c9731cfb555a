// Runs the store contract suite against SqliteStore on a temporary file, plus what only SQLite has:
// its migration runner, refusing newer schemas, unopenable and corrupt files, and `:memory:` stores.

import Database from 'better-sqlite3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSqliteMigrations, sqliteMigrations } from '../../src/store/sqlite/migrations.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { StoreError } from '../../src/store/store.js';
import { API, REGION, at, docs, putOne } from './contract-fixtures.js';
import { describeStoreContract } from './store-contract.js';

function readUserVersion(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
}

describeStoreContract('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'portico-store-contract-'));
  const file = join(dir, 'portico.db');
  let current = new SqliteStore(file);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = new SqliteStore(file);
      return current;
    },
    cleanup: async () => {
      await current.close();
      await rm(dir, { recursive: true, force: true });
    },
    migrations: { latestVersion: sqliteMigrations.length, recordedVersion: async () => readUserVersion(file) },
  };
});

describe('SqliteStore specifics', () => {
  const dirs: string[] = [];
  const scratch = async (): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), 'portico-sqlite-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('throws StoreError for a file it cannot create (its directory would sit under a regular file)', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'plain-file'), 'x');
    const open = () => new SqliteStore(join(dir, 'plain-file', 'data', 'portico.db'));
    expect(open).toThrow(StoreError);
    expect(open).toThrow(/cannot open the SQLite store at .*plain-file/);
  });

  it('throws StoreError for a file that is not a database', async () => {
    const file = join(await scratch(), 'portico.db');
    await writeFile(file, 'this is not a database, just some text long enough to have a header '.repeat(20));
    expect(() => new SqliteStore(file)).toThrow(StoreError);
  });

  it('refuses a schema newer than this build knows, and leaves it untouched', async () => {
    const file = join(await scratch(), 'portico.db');
    await new SqliteStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${sqliteMigrations.length + 1}`);
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version 2 is newer than this Portico knows \(1\)/);
    expect(readUserVersion(file)).toBe(sqliteMigrations.length + 1);
  });

  it('runs each migration once, in order, and records how many ran', async () => {
    const db = new Database(join(await scratch(), 'm.db'));
    try {
      const first = ['CREATE TABLE log (step TEXT)', "INSERT INTO log VALUES ('one')"];
      expect(runSqliteMigrations(db, first)).toBe(2);
      expect(runSqliteMigrations(db, first)).toBe(2);
      expect(runSqliteMigrations(db, [...first, "INSERT INTO log VALUES ('two')"])).toBe(3);
      expect(db.prepare('SELECT step FROM log').pluck().all()).toEqual(['one', 'two']);
      expect(db.pragma('user_version', { simple: true })).toBe(3);
    } finally {
      db.close();
    }
  });

  it('applies pending migrations all or nothing', async () => {
    const db = new Database(join(await scratch(), 'm.db'));
    try {
      const broken = ['CREATE TABLE a (x)', 'CREATE TABLE b (x)', 'NOT SQL'];
      expect(() => runSqliteMigrations(db, broken)).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('opens `:memory:` as a throwaway store with the same transaction semantics', async () => {
    const store = new SqliteStore(':memory:');
    try {
      await putOne(store, docs, at('a'), { name: 'a' });
      const failing = store.transaction(async (tx) => {
        await tx.put(docs, at('a'), { name: 'uncommitted' });
        expect(await store.get(docs, REGION, API, 'a')).toEqual({ name: 'a' });
        throw new Error('roll back');
      });
      await expect(failing).rejects.toThrow('roll back');
      expect(await store.list(docs, REGION, API)).toEqual([{ name: 'a' }]);
    } finally {
      await store.close();
    }
  });
});
