// Graceful shutdown of a running Portico on SIGINT/SIGTERM, installed by `portico serve`
// (src/cli/main.ts): the first signal closes (no new connections, in-flight requests finish, the
// store closes) and exits 0; a second signal, or a close that outlasts the grace period, exits at once.

import { constants } from 'node:os';
import type { RunningPortico } from '../server/bootstrap.js';

/** How long in-flight requests get to finish (API Gateway's longest integration timeout is 29 s). */
const SHUTDOWN_GRACE_MS = 30_000;

export function exitGracefullyOnSignals(running: RunningPortico, exit: (code: number) => never = process.exit): void {
  const { logger } = running;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting for in-flight requests');
      exit(128 + constants.signals[signal]);
    }
    stopping = true;
    logger.info({ signal }, 'portico shutting down: finishing in-flight requests');
    const deadline = setTimeout(() => {
      logger.error({ graceMs: SHUTDOWN_GRACE_MS }, 'in-flight requests did not finish in time: exiting');
      exit(1);
    }, SHUTDOWN_GRACE_MS);
    deadline.unref();
    running.close().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
