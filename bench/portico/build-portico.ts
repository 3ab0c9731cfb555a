// Builds Portico (`npm run build`) before a run, so the numbers are for the current source. A
// failed build does not stop the run: Portico's rows are skipped with the compiler's first error,
// and the baselines and peers are still measured.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { porticoDist, repoRoot } from '../harness/paths.js';

export type PorticoBuild = { ok: true } | { ok: false; reason: string };

const BUILD_TIMEOUT_MS = 300_000;

export function buildPortico(skipBuild: boolean): PorticoBuild {
  if (!skipBuild) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const build = spawnSync(npm, ['run', 'build', '--silent'], { cwd: repoRoot, encoding: 'utf8', timeout: BUILD_TIMEOUT_MS });
    if (build.status !== 0) {
      const output = `${build.stdout ?? ''}${build.stderr ?? ''}`;
      const firstError = output.split('\n').find((line) => line.includes('error')) ?? output.trim().split('\n')[0] ?? '';
      return { ok: false, reason: `npm run build failed (${firstError.trim().slice(0, 160)})` };
    }
  }
  if (!existsSync(join(porticoDist, 'cli', 'main.js'))) return { ok: false, reason: 'dist/cli/main.js missing (npm run build)' };
  return { ok: true };
}
