// The embedded default store: one SQLite file under the data dir (better-sqlite3, WAL mode).
// better-sqlite3 is synchronous; transactions are serialised through one queue so an async
// transaction body never interleaves with another, and reads outside it see committed data only.

import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  StoreError,
  type Collection,
  type RecordAddress,
  type Store,
  type StoredRecord,
  type StoreReader,
  type StoreWriter,
} from '../store.js';
import { sqliteMigrations } from './migrations.js';

interface Row {
  region: string;
  parent: string;
  id: string;
  body: string;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly statements;

  /** Opens (creating if needed) the store at `file`; `:memory:` for a throwaway store. */
  constructor(file: string) {
    try {
      if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      migrate(this.db);
    } catch (error) {
      throw new StoreError(`cannot open the SQLite store at ${file}: ${(error as Error).message}`, { cause: error });
    }
    this.statements = {
      get: this.db.prepare<[string, string, string, string], Row>('SELECT region, parent, id, body FROM records WHERE region = ? AND collection = ? AND parent = ? AND id = ?'),
      list: this.db.prepare<[string, string, string], Row>('SELECT region, parent, id, body FROM records WHERE region = ? AND collection = ? AND parent = ? ORDER BY seq'),
      listByIndex: this.db.prepare<[string, string, string, string], Row>('SELECT region, parent, id, body FROM records WHERE region = ? AND collection = ? AND parent = ? AND idx = ? ORDER BY seq'),
      listAll: this.db.prepare<[string], Row>('SELECT region, parent, id, body FROM records WHERE collection = ? ORDER BY seq'),
      put: this.db.prepare<[string, string, string, string, string | null, string]>(
        'INSERT INTO records (region, collection, parent, id, idx, body) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (region, collection, parent, id) DO UPDATE SET idx = excluded.idx, body = excluded.body',
      ),
      delete: this.db.prepare<[string, string, string, string]>('DELETE FROM records WHERE region = ? AND collection = ? AND parent = ? AND id = ?'),
      deleteByParent: this.db.prepare<[string, string]>('DELETE FROM records WHERE region = ? AND parent = ?'),
    };
  }

  private readonly reader: StoreReader = {
    get: async <T>(collection: Collection<T>, region: string, parent: string, id: string) => {
      const row = this.run(() => this.statements.get.get(region, collection.name, parent, id));
      return row ? (JSON.parse(row.body) as T) : undefined;
    },
    list: async <T>(collection: Collection<T>, region: string, parent: string) =>
      this.run(() => this.statements.list.all(region, collection.name, parent)).map((row) => JSON.parse(row.body) as T),
    listByIndex: async <T>(collection: Collection<T>, region: string, parent: string, index: string) =>
      this.run(() => this.statements.listByIndex.all(region, collection.name, parent, index)).map((row) => JSON.parse(row.body) as T),
    listAll: async <T>(collection: Collection<T>) =>
      this.run(() => this.statements.listAll.all(collection.name)).map(
        (row): StoredRecord<T> => ({ region: row.region, parent: row.parent, id: row.id, value: JSON.parse(row.body) as T }),
      ),
  };

  private readonly writer: StoreWriter = {
    ...this.reader,
    put: async <T>(collection: Collection<T>, address: RecordAddress, value: T, index?: string) => {
      const body = JSON.stringify(value);
      this.run(() => this.statements.put.run(address.region, collection.name, address.parent, address.id, index ?? null, body));
    },
    delete: async <T>(collection: Collection<T>, address: RecordAddress) =>
      this.run(() => this.statements.delete.run(address.region, collection.name, address.parent, address.id)).changes > 0,
    deleteByParent: async (region: string, parent: string) => this.run(() => this.statements.deleteByParent.run(region, parent)).changes,
  };

  get<T>(collection: Collection<T>, region: string, parent: string, id: string): Promise<T | undefined> {
    return this.enqueue(() => this.reader.get(collection, region, parent, id));
  }
  list<T>(collection: Collection<T>, region: string, parent: string): Promise<T[]> {
    return this.enqueue(() => this.reader.list(collection, region, parent));
  }
  listByIndex<T>(collection: Collection<T>, region: string, parent: string, index: string): Promise<T[]> {
    return this.enqueue(() => this.reader.listByIndex(collection, region, parent, index));
  }
  listAll<T>(collection: Collection<T>): Promise<Array<StoredRecord<T>>> {
    return this.enqueue(() => this.reader.listAll(collection));
  }

  transaction<R>(fn: (tx: StoreWriter) => Promise<R>): Promise<R> {
    return this.enqueue(async () => {
      this.run(() => this.db.exec('BEGIN IMMEDIATE'));
      try {
        const result = await fn(this.writer);
        this.run(() => this.db.exec('COMMIT'));
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  async close(): Promise<void> {
    await this.enqueue(async () => {
      if (this.db.open) this.db.close();
    });
  }

  /** Runs one transaction or read at a time, in arrival order. */
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
      throw new StoreError((error as Error).message, { cause: error });
    }
  }
}

function migrate(db: Database.Database): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let version = applied; version < sqliteMigrations.length; version++) {
    db.transaction(() => {
      db.exec(sqliteMigrations[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
