// Child-process entry for the micro-benchmarks, so they run pinned to the server core like every
// other server: `node micro-runner.js CASE` prints one line `BENCH_JSON [...measurements]`.

import type { TimedMeasurement } from '../scenarios/scenario.js';
import { runRouteLookupCase } from './route-lookup-case.js';
import { runValidationCase } from './validation-case.js';
import { runVtlCase } from './vtl-case.js';

export const MICRO_CASES: Record<string, () => Promise<TimedMeasurement[]>> = {
  vtl: runVtlCase,
  'route-lookup': runRouteLookupCase,
  validation: runValidationCase,
};

const name = process.argv[2] ?? '';
const run = MICRO_CASES[name];
if (run === undefined) {
  console.error(`unknown micro case: ${name}`);
  process.exit(2);
}
process.stdout.write(`BENCH_JSON ${JSON.stringify(await run())}\n`);
