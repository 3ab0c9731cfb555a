// Starts `node bin/portico.js serve --port N --data-dir DIR` pinned to the server core and waits
// until it answers HTTP. Callers pass a fresh data dir (or a kept one, to time a restart). The
// process belongs to the caller's ProcessGroup.

import { porticoBin } from '../harness/paths.js';
import { findFreePort } from '../harness/ports.js';
import type { ManagedProcess, ProcessGroup } from '../harness/process-group.js';
import { waitForHttp } from '../harness/wait-for-http.js';
import { createPorticoHandle, type PorticoHandle } from './portico-handle.js';

export type { PorticoBuild } from './build-portico.js';

const START_TIMEOUT_MS = 30_000;

export interface StartedPortico extends PorticoHandle {
  process: ManagedProcess;
}

export async function startPortico(processes: ProcessGroup, core: number | undefined, dir: string): Promise<StartedPortico> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('PORTICO_')) env[name] = value;
  const started = performance.now();
  const child = processes.spawn('portico', process.execPath, [porticoBin, 'serve', '--port', String(port), '--data-dir', dir], { core, env });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/`, child, START_TIMEOUT_MS);
  const readyMs = performance.now() - started;
  return { ...createPorticoHandle(origin, child.pid, readyMs, dir), process: child };
}
