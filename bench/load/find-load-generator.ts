// Picks the load generator: wrk if it is on PATH; else, as root with apt-get, try to install the
// Debian package (bounded in time); else fall back to autocannon with a warning.

import { spawnSync } from 'node:child_process';
import type { ProcessGroup } from '../harness/process-group.js';
import { which } from '../harness/which.js';
import { createAutocannon } from './autocannon.js';
import type { LoadGenerator } from './load-generator.js';
import { createWrk } from './wrk.js';

const INSTALL_TIMEOUT_MS = 180_000;

export function findLoadGenerator(processes: ProcessGroup, log: (line: string) => void): LoadGenerator {
  const found = which('wrk') ?? tryInstallWrk(log);
  if (found !== undefined) return createWrk(found, processes);
  log('warning: wrk not found and could not be installed; falling back to autocannon');
  return createAutocannon(processes);
}

function tryInstallWrk(log: (line: string) => void): string | undefined {
  const aptGet = which('apt-get');
  if (aptGet === undefined || process.getuid?.() !== 0) return undefined;
  log('wrk not found: trying `apt-get install -y wrk`');
  const install = (): boolean =>
    spawnSync(aptGet, ['install', '-y', '-q', 'wrk'], { stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS }).status === 0;
  if (!install()) {
    spawnSync(aptGet, ['update', '-q'], { stdio: 'ignore', timeout: INSTALL_TIMEOUT_MS });
    install();
  }
  return which('wrk');
}
