// Saves a run as bench/results/<UTC time>.json (everything, every repeat) and .md (the report as
// markdown, ready to paste). bench/results/ is gitignored.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir } from '../harness/paths.js';
import { renderReport } from './render-report.js';
import type { RunResults } from './results.js';

export function writeResults(results: RunResults): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const jsonPath = join(resultsDir, `${stamp}.json`);
  writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(resultsDir, `${stamp}.md`), renderReport(results, 'markdown'));
  return jsonPath;
}
