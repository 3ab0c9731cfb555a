// The embedded default store: one SQLite file under the data dir (better-sqlite3, WAL mode).
// Two connections: transactions run one at a time on the write connection, through one queue, so an
// async body never interleaves with another; reads outside a transaction use a read-only connection,
// which in WAL mode sees only committed data and never waits for a running body.

import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  StoreError,
  type Collection,
  type RecordAddress,
  type Store,
  type StoredRecord,
  type StoreReader,
  type StoreWriter,
} from '../store.js';
import { runSqliteMigrations } from './migrations.js';

interface Row {
  region: string;
  parent: string;
  id: string;
  body: string;
}

type ReadStatements = ReturnType<typeof prepareReads>;

/** One transaction's lifetime: its handle refuses use once this is false. */
interface TransactionScope {
  active: boolean;
}

export class SqliteStore implements Store {
  private readonly writeDb: Database.Database;
  private readonly readDb: Database.Database;
  /** The directory of a throwaway (`:memory:`) store, deleted on close. */
  private readonly scratchDir: string | undefined;
  private readonly reader: StoreReader;
  private readonly writeReads: ReadStatements;
  private readonly writeStatements;
  /**
   * Detects a transaction started inside another one. Disabled again when each body ends: on Node 20
   * an enabled AsyncLocalStorage turns on promise hooks for the whole process, which cost the data
   * plane tens of microseconds per request (bench http-proxy, aws-proxy). Transactions run one at a
   * time, so between bodies there is no scope to find.
   */
  private readonly transactionScope = new AsyncLocalStorage<TransactionScope>();
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;
  private closed = false;

  /**
   * Opens (creating if needed) the store at `file`; `:memory:` gives a throwaway store (a temporary
   * file, deleted on close). Throws StoreError when the file cannot be opened or migrated.
   */
  constructor(file: string) {
    const throwaway = file === ':memory:';
    let scratchDir: string | undefined;
    let writeDb: Database.Database | undefined;
    try {
      if (throwaway) scratchDir = mkdtempSync(join(tmpdir(), 'portico-store-'));
      else mkdirSync(dirname(file), { recursive: true });
      const path = scratchDir === undefined ? file : join(scratchDir, 'portico.db');
      writeDb = new Database(path);
      writeDb.pragma('journal_mode = WAL');
      // FULL: a committed transaction survives power loss, as the contract says ("durably").
      writeDb.pragma(`synchronous = ${throwaway ? 'OFF' : 'FULL'}`);
      writeDb.pragma('busy_timeout = 5000');
      runSqliteMigrations(writeDb);
      this.readDb = new Database(path, { readonly: true, fileMustExist: true });
      this.readDb.pragma('busy_timeout = 5000');
    } catch (error) {
      writeDb?.close();
      if (scratchDir !== undefined) rmSync(scratchDir, { recursive: true, force: true });
      throw new StoreError(`cannot open the SQLite store at ${file}: ${(error as Error).message}`, { cause: error });
    }
    this.writeDb = writeDb;
    this.scratchDir = scratchDir;
    this.reader = this.createReader(prepareReads(this.readDb), () => this.assertOpen());
    this.writeReads = prepareReads(this.writeDb);
    this.writeStatements = {
      put: this.writeDb.prepare<[string, string, string, string, string | null, string]>(
        'INSERT INTO records (region, collection, parent, id, idx, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (region, collection, parent, id) DO UPDATE SET idx = excluded.idx, body = excluded.body',
      ),
      delete: this.writeDb.prepare<[string, string, string, string]>('DELETE FROM records WHERE region = ? AND collection = ? AND parent = ? AND id = ?'),
      deleteByParent: this.writeDb.prepare<[string, string]>('DELETE FROM records WHERE region = ? AND parent = ?'),
    };
  }

  get<T>(collection: Collection<T>, region: string, parent: string, id: string): Promise<T | undefined> {
    return this.reader.get(collection, region, parent, id);
  }
  list<T>(collection: Collection<T>, region: string, parent: string): Promise<T[]> {
    return this.reader.list(collection, region, parent);
  }
  listByIndex<T>(collection: Collection<T>, region: string, parent: string, index: string): Promise<T[]> {
    return this.reader.listByIndex(collection, region, parent, index);
  }
  listAll<T>(collection: Collection<T>): Promise<Array<StoredRecord<T>>> {
    return this.reader.listAll(collection);
  }

  transaction<R>(fn: (tx: StoreWriter) => Promise<R>): Promise<R> {
    if (this.closing) return Promise.reject(new StoreError('the store is closed'));
    if (this.transactionScope.getStore()?.active) {
      // The queue would make it wait for the very body that awaits it.
      return Promise.reject(new StoreError('a transaction cannot start inside another one; use the transaction handle'));
    }
    return this.enqueue(async () => {
      this.assertOpen();
      const scope: TransactionScope = { active: true };
      this.run(() => this.writeDb.exec('BEGIN IMMEDIATE'));
      let result: R;
      try {
        result = await this.transactionScope.run(scope, () => fn(this.createWriter(scope)));
      } catch (error) {
        scope.active = false;
        this.transactionScope.disable();
        this.rollback();
        throw error;
      }
      scope.active = false;
      this.transactionScope.disable();
      try {
        this.run(() => this.writeDb.exec('COMMIT'));
      } catch (error) {
        this.rollback();
        throw error;
      }
      return result;
    });
  }

  /** Waits for queued transactions, then closes; later calls reject with StoreError. */
  async close(): Promise<void> {
    this.closing = true;
    await this.enqueue(async () => {
      if (this.closed) return;
      this.closed = true;
      this.readDb.close();
      this.writeDb.close();
      if (this.scratchDir !== undefined) rmSync(this.scratchDir, { recursive: true, force: true });
    });
  }

  private createReader(statements: ReadStatements, check: () => void): StoreReader {
    // Parsing inside `run`: a body that is not JSON is corruption, a StoreError.
    return {
      get: async <T>(collection: Collection<T>, region: string, parent: string, id: string) =>
        this.run(() => {
          check();
          const row = statements.get.get(region, collection.name, parent, id);
          return row ? (JSON.parse(row.body) as T) : undefined;
        }),
      list: async <T>(collection: Collection<T>, region: string, parent: string) =>
        this.run(() => {
          check();
          return statements.list.all(region, collection.name, parent).map((row) => JSON.parse(row.body) as T);
        }),
      listByIndex: async <T>(collection: Collection<T>, region: string, parent: string, index: string) =>
        this.run(() => {
          check();
          return statements.listByIndex.all(region, collection.name, parent, index).map((row) => JSON.parse(row.body) as T);
        }),
      listAll: async <T>(collection: Collection<T>) =>
        this.run(() => {
          check();
          return statements.listAll
            .all(collection.name)
            .map((row): StoredRecord<T> => ({ region: row.region, parent: row.parent, id: row.id, value: JSON.parse(row.body) as T }));
        }),
    };
  }

  /** A handle valid while `scope` is active; its reads see the transaction's own writes. */
  private createWriter(scope: TransactionScope): StoreWriter {
    const check = (): void => {
      if (!scope.active) throw new StoreError('this transaction has ended; its handle can no longer be used');
    };
    const statements = this.writeStatements;
    return {
      ...this.createReader(this.writeReads, check),
      put: async <T>(collection: Collection<T>, address: RecordAddress, value: T, index?: string) => {
        check();
        const body = JSON.stringify(value);
        this.run(() => statements.put.run(address.region, collection.name, address.parent, address.id, index ?? null, body));
      },
      delete: async <T>(collection: Collection<T>, address: RecordAddress) => {
        check();
        return this.run(() => statements.delete.run(address.region, collection.name, address.parent, address.id)).changes > 0;
      },
      deleteByParent: async (region: string, parent: string) => {
        check();
        return this.run(() => statements.deleteByParent.run(region, parent)).changes;
      },
    };
  }

  private rollback(): void {
    if (!this.writeDb.inTransaction) return;
    try {
      this.writeDb.exec('ROLLBACK');
    } catch (error) {
      throw new StoreError(`rolling back a transaction failed: ${(error as Error).message}`, { cause: error });
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreError('the store is closed');
  }

  /** Runs one transaction at a time, in arrival order. */
  private enqueue<R>(task: () => Promise<R>): Promise<R> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Wraps driver failures as StoreError, as the contract requires. */
  private run<R>(operation: () => R): R {
    try {
      return operation();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError((error as Error).message, { cause: error });
    }
  }
}

function prepareReads(db: Database.Database) {
  return {
    get: db.prepare<[string, string, string, string], Row>('SELECT region, parent, id, body FROM records WHERE region = ? AND collection = ? AND parent = ? AND id = ?'),
    list: db.prepare<[string, string, string], Row>('SELECT region, parent, id, body FROM records WHERE region = ? AND collection = ? AND parent = ? ORDER BY seq'),
    listByIndex: db.prepare<[string, string, string, string], Row>(
      'SELECT region, parent, id, body FROM records WHERE region = ? AND collection = ? AND parent = ? AND idx = ? ORDER BY seq',
    ),
    listAll: db.prepare<[string], Row>('SELECT region, parent, id, body FROM records WHERE collection = ? ORDER BY seq'),
  };
}
