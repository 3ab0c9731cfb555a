// Micro-benchmark adapter: Portico's VTL engine against velocityjs (the engine serverless-offline
// uses) over realistic API Gateway mapping templates (bench/micro/vtl-vs-velocityjs.ts), both with
// cached templates, both parsing the JSON payload on every render as API Gateway does.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import type { TimedMeasurement } from '../scenarios/scenario.js';
import { runVtlMicroBenchmark } from './vtl-vs-velocityjs.js';

const LABEL = 'VTL render (5 realistic mapping templates, mean renders/s)';

function velocityjsMissing(): string | undefined {
  try {
    createRequire(join(peersDir, 'package.json')).resolve('velocityjs');
    return undefined;
  } catch {
    return 'velocityjs not installed (run `npm run bench:peers`)';
  }
}

export async function runVtlCase(): Promise<TimedMeasurement[]> {
  const missing = velocityjsMissing();
  if (missing !== undefined) return [{ label: LABEL, value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped: missing }];
  const result = await runVtlMicroBenchmark();
  return [
    {
      label: LABEL,
      value: result.portico,
      unit: 'ops/s',
      lowerIsBetter: false,
      references: [{ label: 'velocityjs', value: result.velocityjs }],
      note: `templates: ${result.templates.join(', ')}; target >= 5x velocityjs`,
    },
  ];
}
