// PLACEHOLDER until the data plane lands: recognises no invoke URL.
import type { Logger } from '../observability/logger.js';
import type { Clock } from '../shared/clock.js';
import type { SnapshotRegistry } from '../snapshot/snapshot-registry.js';
import type { DataPlane } from './data-plane.js';

export interface DataPlaneDeps {
  registry: SnapshotRegistry;
  clock: Clock;
  logger: Logger;
}

export function createDataPlane(_deps: DataPlaneDeps): DataPlane {
  return { matchInvokeUrl: () => undefined, handle: () => undefined, close: async () => undefined };
}
