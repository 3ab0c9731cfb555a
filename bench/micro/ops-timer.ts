// Operations per second of a synchronous function: warm up, then run batches until the time budget
// is spent, three rounds, median. Results are kept in a sink so the JIT cannot drop the work.

import { median } from '../measure/median.js';

export function measureOpsPerSecond(operation: () => unknown, budgetMs = 1000): number {
  const sink: unknown[] = [];
  let batch = 1;
  const warmupEnd = performance.now() + budgetMs / 4;
  while (performance.now() < warmupEnd) {
    for (let i = 0; i < batch; i++) sink[i & 7] = operation();
    batch = Math.min(batch * 2, 4096);
  }
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) {
    let count = 0;
    const started = performance.now();
    const end = started + budgetMs / 3;
    while (performance.now() < end) {
      for (let i = 0; i < batch; i++) sink[i & 7] = operation();
      count += batch;
    }
    rounds.push(count / ((performance.now() - started) / 1000));
  }
  if (sink.length > 8) throw new Error('unreachable');
  return median(rounds) ?? 0;
}
