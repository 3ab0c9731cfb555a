// Where things are: the repository root (this file runs from dist-bench/bench/harness/), the
// compiled Portico, the bench sources, the peers' install folder and the results folder.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const benchSourceDir = join(repoRoot, 'bench');
export const benchBuildDir = join(repoRoot, 'dist-bench', 'bench');
export const peersDir = join(benchSourceDir, 'peers');
export const resultsDir = join(benchSourceDir, 'results');
export const porticoBin = join(repoRoot, 'bin', 'portico.js');
export const porticoDist = join(repoRoot, 'dist');
