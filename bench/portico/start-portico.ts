// Starts `node bin/portico.js serve --port N --data-dir DIR` pinned to the server core and waits
// until it answers HTTP. Callers pass a fresh data dir (or a kept one, to time a restart). The
// process belongs to the caller's ProcessGroup.

import { UpdateAccountCommand } from '@aws-sdk/client-api-gateway';
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

export async function startPortico(processes: ProcessGroup, core: number | undefined, dir: string, extraArgs: readonly string[] = []): Promise<StartedPortico> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('PORTICO_')) env[name] = value;
  const started = performance.now();
  const child = processes.spawn('portico', process.execPath, [porticoBin, 'serve', '--port', String(port), '--data-dir', dir, ...extraArgs], { core, env });
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/`, child, START_TIMEOUT_MS);
  const readyMs = performance.now() - started;
  const handle = createPorticoHandle(origin, child.pid, readyMs, dir);
  await raiseAccountThrottle(handle);
  return { ...handle, process: child };
}

/**
 * AWS's account default (10,000 requests/s, burst 5,000) would answer part of a load test with 429s,
 * as it would on AWS before a quota increase; the bench measures the gateway, so it raises the limit
 * (Portico takes `/throttleSettings/*` patches on UpdateAccount for exactly this).
 */
async function raiseAccountThrottle(handle: PorticoHandle): Promise<void> {
  await handle.apigateway.send(
    new UpdateAccountCommand({
      patchOperations: [
        { op: 'replace', path: '/throttleSettings/rateLimit', value: '10000000' },
        { op: 'replace', path: '/throttleSettings/burstLimit', value: '10000000' },
      ],
    }),
  );
}
