// The Store contract: where the control plane keeps every API definition, deployment and stage.
// Records are JSON documents addressed by (collection, region, parent, id); `parent` scopes a record
// to its REST API ('' for top-level records). Implementations: sqlite/ (default), later postgres/.
// Every implementation must pass test/store-contract (the contract suite).

/**
 * A typed handle for one kind of record. Create them only in collections.ts.
 * The phantom `T` ties reads and writes of a collection to its stored shape.
 */
export interface Collection<T> {
  readonly name: string;
  /** Never read; carries the record type. */
  readonly _type?: T;
}

export function defineCollection<T>(name: string): Collection<T> {
  return { name };
}

export interface RecordAddress {
  region: string;
  /** The owning REST API id, or '' for a top-level record. */
  parent: string;
  id: string;
}

export interface StoredRecord<T> extends RecordAddress {
  value: T;
}

/**
 * Reads. Contract:
 * - absent records are `undefined`, never an error;
 * - `list` returns records in the order they were first put (a replace keeps the position; a
 *   delete then put goes to the end);
 * - values are JSON documents: they come back equal to what was put, as JSON would copy them (key
 *   order kept, `undefined` properties dropped), and as deep copies: mutating them, or the value
 *   passed to `put`, never changes the store.
 */
export interface StoreReader {
  get<T>(collection: Collection<T>, region: string, parent: string, id: string): Promise<T | undefined>;
  list<T>(collection: Collection<T>, region: string, parent: string): Promise<T[]>;
  /** Records of `parent` whose secondary index equals `index` (see `put`), in put order. */
  listByIndex<T>(collection: Collection<T>, region: string, parent: string, index: string): Promise<T[]>;
  /** Every record of a collection in every region and parent, in put order (start-up loading). */
  listAll<T>(collection: Collection<T>): Promise<Array<StoredRecord<T>>>;
}

/** Writes, only available inside a transaction; the handle is refused (StoreError) once it ends. */
export interface StoreWriter extends StoreReader {
  /**
   * Inserts or replaces. `index` is an optional secondary key for `listByIndex` (e.g. a parent
   * resource id); a replace replaces the index too (none given: the record leaves the index).
   */
  put<T>(collection: Collection<T>, address: RecordAddress, value: T, index?: string): Promise<void>;
  /** Returns whether a record was deleted. */
  delete<T>(collection: Collection<T>, address: RecordAddress): Promise<boolean>;
  /** Deletes every record of every collection owned by `parent` in `region` (cascade of an API); returns how many. */
  deleteByParent(region: string, parent: string): Promise<number>;
}

/**
 * The store. Contract:
 * - `transaction` runs `fn` with exclusive write access; if `fn` throws (or rejects), none of its
 *   writes happen and the error is rethrown unchanged; otherwise all of them happen, durably;
 * - transactions are serialised: a second one starts after the first has committed or rolled back;
 * - reads outside a transaction see only committed data, and never wait for a running body (a body
 *   may read the store itself: it sees the data as it was before the body's writes);
 * - a body must not start another transaction on the same store: that call rejects with StoreError
 *   (waiting would deadlock);
 * - `close` lets queued transactions finish, then closes; closing twice is harmless; any use after
 *   `close` rejects with StoreError;
 * - infrastructure failures are thrown as `StoreError`; implementations never throw AWS errors.
 */
export interface Store extends StoreReader {
  transaction<R>(fn: (tx: StoreWriter) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** An infrastructure failure of a store (disk, connection, corruption). */
export class StoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
