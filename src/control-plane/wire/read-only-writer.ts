// The `tx` a direct operation (OperationDefinition.direct, e.g. Lambda Invoke) gets: reads see
// committed data, as the store's own reads do; writes reject, because no transaction is open.

import { StoreError, type Store, type StoreWriter } from '../../store/store.js';

export function readOnlyWriter(store: Store): StoreWriter {
  const refuse = (): Promise<never> => Promise.reject(new StoreError('a direct operation cannot write: it runs outside a transaction'));
  return {
    get: (collection, region, parent, id) => store.get(collection, region, parent, id),
    list: (collection, region, parent) => store.list(collection, region, parent),
    listByIndex: (collection, region, parent, index) => store.listByIndex(collection, region, parent, index),
    listAll: (collection) => store.listAll(collection),
    put: refuse,
    delete: refuse,
    deleteByParent: refuse,
  };
}
