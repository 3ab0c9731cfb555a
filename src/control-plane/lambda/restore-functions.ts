// Start-up: registers every stored function (with its versions and aliases) in the
// FunctionRegistry, then deletes unpacked packages no stored version uses any more (left behind by
// code updates or by a transaction that failed after unpacking). A mounted directory that has
// disappeared is logged; the function stays registered and fails when invoked.

import { access } from 'node:fs/promises';
import type { CodeStore } from '../../functions/code/code-store.js';
import { functionParent, type AliasRecord, type FunctionVersionRecord } from '../../functions/function-record.js';
import type { FunctionRegistry } from '../../functions/function-registry.js';
import { toRegisteredFunction } from '../../functions/register-function.js';
import type { Logger } from '../../observability/logger.js';
import { collections } from '../../store/collections.js';
import type { Store } from '../../store/store.js';

export async function restoreFunctions(store: Store, registry: FunctionRegistry, codeStore: CodeStore, accountId: string, logger: Logger): Promise<void> {
  const byParent = <T>(records: Array<{ region: string; parent: string; value: T }>): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const { region, parent, value } of records) {
      const key = `${region}/${parent}`;
      map.set(key, [...(map.get(key) ?? []), value]);
    }
    return map;
  };
  const versions = byParent<FunctionVersionRecord>(await store.listAll(collections.lambdaVersion));
  const aliases = byParent<AliasRecord>(await store.listAll(collections.lambdaAlias));
  const inUse = new Set<string>();
  const functions = await store.listAll(collections.lambdaFunction);
  for (const { region, value: record } of functions) {
    const key = `${region}/${functionParent(record.functionName)}`;
    const published = versions.get(key) ?? [];
    for (const version of [record.latest, ...published]) {
      if (version.code.kind === 'zip') inUse.add(version.code.path);
      else if (!(await exists(version.code.path))) logger.warn({ functionName: record.functionName, directory: version.code.path }, 'mounted code directory is missing');
    }
    registry.set(region, toRegisteredFunction(region, accountId, record, published, aliases.get(key) ?? [], codeStore));
  }
  await codeStore.prune(inUse);
  logger.info({ functions: functions.length }, 'restored functions');
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
