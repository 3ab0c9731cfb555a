// Keeps in-memory quota usage across restarts: restores the counters from the store at start-up,
// writes the changed ones every few seconds and all of them on shutdown (collection usageCounter).
// Only used with the memory TrafficState; Redis keeps its own counters.

import type { Logger } from '../observability/logger.js';
import type { Clock } from '../shared/clock.js';
import { collections } from '../store/collections.js';
import type { Store } from '../store/store.js';
import type { MemoryTrafficState } from './memory/memory-traffic-state.js';

export interface UsagePersistence {
  /** Writes every changed counter now. */
  flush(): Promise<void>;
  /** Stops the timer and writes every counter. */
  close(): Promise<void>;
}

export async function restoreUsageCounters(store: Store, state: MemoryTrafficState): Promise<number> {
  const records = await store.listAll(collections.usageCounter);
  for (const record of records) state.restoreCounter(record.id, record.value);
  return records.length;
}

export function createUsagePersistence(store: Store, state: MemoryTrafficState, clock: Clock, logger: Logger, intervalMs = 5000): UsagePersistence {
  let writing: Promise<void> = Promise.resolve();
  const write = (all: boolean): Promise<void> => {
    writing = writing.then(async () => {
      const counters = state.exportCounters(clock.now(), all);
      if (counters.length === 0) return;
      try {
        await store.transaction(async (tx) => {
          for (const [id, snapshot] of counters) await tx.put(collections.usageCounter, { region: '', parent: '', id }, snapshot);
        });
      } catch (error) {
        logger.error({ err: error }, 'could not persist quota usage');
      }
    });
    return writing;
  };
  const timer = setInterval(() => void write(false), intervalMs);
  timer.unref();
  return {
    flush: () => write(false),
    close: async () => {
      clearInterval(timer);
      await write(true);
    },
  };
}
