// The one store contract suite (DESIGN §6): every Store backend (SQLite now, PostgreSQL next) must
// pass it. A backend's test file calls describeStoreContract with a factory that opens a fresh,
// empty store on its own data; the contract itself is written in src/store/store.ts.

import { describe } from 'vitest';
import { describeRecordContract } from './contract-records.js';
import { describeTransactionContract } from './contract-transactions.js';
import { useStore, type OpenStoreSubject } from './contract-fixtures.js';

export type { OpenStoreSubject, StoreContractSubject } from './contract-fixtures.js';

export function describeStoreContract(name: string, open: OpenStoreSubject): void {
  describe(`Store contract: ${name}`, () => {
    const live = useStore(open);
    describeRecordContract(live);
    describeTransactionContract(live);
  });
}
