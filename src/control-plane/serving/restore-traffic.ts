// Start-up: compile every region's API keys, usage plans and account settings into the
// TrafficRegistry, so keys and limits are enforced from the first request after a restart.

import type { Logger } from '../../observability/logger.js';
import { collections } from '../../store/collections.js';
import type { Store } from '../../store/store.js';
import { compileTrafficRegion } from '../../traffic/compile-traffic.js';
import type { TrafficRegistry } from '../../traffic/traffic-registry.js';
import { loadTrafficRecords } from '../operations/traffic-records.js';

export async function restoreTraffic(store: Store, registry: TrafficRegistry, logger: Logger): Promise<void> {
  const regions = new Set<string>();
  for (const collection of [collections.apiKey, collections.usagePlan, collections.account] as const) {
    for (const record of await store.listAll<unknown>(collection)) regions.add(record.region);
  }
  let keys = 0;
  for (const region of regions) {
    const compiled = compileTrafficRegion(registry.accountId, region, await loadTrafficRecords(store, region));
    registry.set(region, compiled);
    keys += compiled.keysByValue.size;
  }
  logger.info({ regions: regions.size, apiKeys: keys }, 'restored api keys and usage plans');
}
