// Writes Portico's Python bootstrap into the runtime's data directory at the first python3.x cold
// start (the build compiles TypeScript only, so the script ships as a string constant). The file
// name carries the content hash: a new Portico version never runs an old bootstrap.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PYTHON_BOOTSTRAP_SOURCE } from './python-bootstrap.js';

/** The absolute path of bootstrap.py under `runtimeDir/python-<hash>/`. */
export async function writePythonBootstrap(runtimeDir: string): Promise<string> {
  const hash = createHash('sha256').update(PYTHON_BOOTSTRAP_SOURCE).digest('hex').slice(0, 16);
  const directory = join(runtimeDir, `python-${hash}`);
  const target = join(directory, 'bootstrap.py');
  if (existsSync(target)) return target;
  await mkdir(directory, { recursive: true });
  const staging = `${target}.${process.pid}.tmp`;
  await writeFile(staging, PYTHON_BOOTSTRAP_SOURCE);
  await rename(staging, target);
  return target;
}
