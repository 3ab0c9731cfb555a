// Waits until the servers of a scenario have stopped working off the previous measurement. A server
// driven past its capacity (serverless-offline's queues, a large heap's GC) keeps burning its core
// for seconds after the load generator stops; the next contender measured on that core would pay
// for it. Measures only CPU ticks from /proc, so it sees every process tree alike.

import { setTimeout as sleep } from 'node:timers/promises';
import { readTreeCpuTicks } from './proc-stats.js';

const WINDOW_MS = 250;
/** At most this many clock ticks (10 ms each at USER_HZ 100) per window counts as quiet: under 10% of a core. */
const QUIET_TICKS = 2;

export interface QuietResult {
  waitedMs: number;
  quiet: boolean;
}

/** Polls the trees of `pids` until one window passes quietly, or `limitMs` runs out. */
export async function waitForQuiet(pids: readonly number[], limitMs: number): Promise<QuietResult> {
  const started = performance.now();
  const total = (): number => pids.reduce((sum, pid) => sum + readTreeCpuTicks(pid), 0);
  let before = total();
  for (;;) {
    await sleep(WINDOW_MS);
    const now = total();
    const waitedMs = performance.now() - started;
    if (now - before <= QUIET_TICKS) return { waitedMs, quiet: true };
    if (waitedMs >= limitMs) return { waitedMs, quiet: false };
    before = now;
  }
}
