// Shared pieces of the store contract suite: the subject a backend hands the suite, the test
// collections and addresses, and a hook that opens a fresh store per test and cleans it up.
// Used only by test/store-contract/*.ts; backends run the suite via describeStoreContract.

import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach } from 'vitest';
import { defineCollection, type Collection, type RecordAddress, type Store } from '../../src/store/store.js';

/** What a backend gives the suite for one test: a fresh, empty store on its own data. */
export interface StoreContractSubject {
  store: Store;
  /** Closes the current store and opens a new one on the same data (a process restart). */
  reopen(): Promise<Store>;
  /** Closes the current store (it may already be closed) and deletes its data. */
  cleanup(): Promise<void>;
  /** The backend's schema migrations, observed from outside the store. */
  migrations: {
    /** How many migrations this build knows. */
    latestVersion: number;
    /** The schema version recorded in the data (opens its own connection; the store may be open). */
    recordedVersion(): Promise<number>;
  };
}

export type OpenStoreSubject = () => Promise<StoreContractSubject>;

export interface Doc {
  name: string;
  n?: number;
  tags?: string[];
  nested?: { deep: { list: Array<{ k: string }> } };
}

// The suite defines its own collections: the store is generic over collection names.
export const docs: Collection<Doc> = defineCollection<Doc>('contract-docs');
export const others: Collection<Doc> = defineCollection<Doc>('contract-others');

export const REGION = 'us-east-1';
export const OTHER_REGION = 'eu-west-1';
export const API = 'api0000001';
export const OTHER_API = 'api0000002';

export function at(id: string, parent: string = API, region: string = REGION): RecordAddress {
  return { region, parent, id };
}

export const delay = (ms: number): Promise<void> => sleep(ms);

/** Puts one record in its own transaction. */
export function putOne<T>(store: Store, collection: Collection<T>, address: RecordAddress, value: T, index?: string): Promise<void> {
  return store.transaction((tx) => tx.put(collection, address, value, index));
}

/** Rejects with a clear message when `promise` does not settle in time (a deadlock, not a slow disk). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface LiveStore {
  /** The store of the running test (changes after `reopen`). */
  readonly store: Store;
  readonly subject: StoreContractSubject;
  reopen(): Promise<Store>;
}

/** Opens a fresh subject before each test of the enclosing describe and cleans it up after. */
export function useStore(open: OpenStoreSubject): LiveStore {
  let subject: StoreContractSubject | undefined;
  let store: Store | undefined;
  beforeEach(async () => {
    subject = await open();
    store = subject.store;
  });
  afterEach(async () => {
    await subject?.cleanup();
    subject = undefined;
    store = undefined;
  });
  const current = (): StoreContractSubject => {
    if (subject === undefined) throw new Error('the store subject is only available inside a test');
    return subject;
  };
  return {
    get store() {
      if (store === undefined) throw new Error('the store is only available inside a test');
      return store;
    },
    get subject() {
      return current();
    },
    async reopen() {
      store = await current().reopen();
      return store;
    },
  };
}
