// Micro-benchmark: request validation (a JSON body against a model schema, compiled at deploy time)
// with Portico's validator. Skipped until the validator exists (request validators are a later issue).

import type { TimedMeasurement } from '../scenarios/scenario.js';
import { findDistFile } from './find-dist-file.js';

export function runValidationCase(): Promise<TimedMeasurement[]> {
  const validator = findDistFile('validat');
  const skipped =
    validator === undefined
      ? 'request validation not built yet (no dist/**/*validat*)'
      : `request validation found (dist/${validator}) but bench/micro/validation-case.ts has no adapter for it yet`;
  return Promise.resolve([{ label: 'request validation (body against a model)', value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped }]);
}
