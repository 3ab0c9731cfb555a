// Starts one execution environment for a function revision: the kind of worker its runtime needs
// (Node.js frame pipes; Python or a custom `bootstrap` over the Runtime API), its environment,
// memory limit and log stream. Called by a RevisionPool on a cold start.

import { join } from 'node:path';
import type { FunctionDefinition } from '../function-definition.js';
import type { FunctionWorker } from './function-worker.js';
import { NodeWorkerProcess } from './node-worker-process.js';
import { RuntimeApiWorker } from './runtime-api-worker.js';
import { buildWorkerEnvironment, createLogStreamName, nodeMemoryArguments, runtimeKind } from './worker-environment.js';
import type { WorkerHooks } from './worker-process.js';

/** Files and settings every worker needs, prepared once by the runtime. */
export interface WorkerSetup {
  /** node-worker/main.js (resolved before the first Node.js spawn). */
  nodeScript: string | undefined;
  /** Portico's Python bootstrap (written before the first Python spawn). */
  pythonBootstrap: string | undefined;
  pythonCommand: string;
  hostEnvironment: Readonly<Record<string, string>>;
  runtimeDir: string;
  /** See WorkerHooks.queueStallMs. */
  queueStallMs: number;
  now(): number;
  onIdleOutput(definition: FunctionDefinition, text: string): void;
}

/** AWS: the init phase may take 10 s, and is retried within the function's timeout. */
const INIT_LIMIT_MS = 10_000;

export function spawnWorker(setup: WorkerSetup, definition: FunctionDefinition, onDead: (worker: FunctionWorker) => void): FunctionWorker {
  const hooks: WorkerHooks = {
    onDead,
    onIdleOutput: (text) => setup.onIdleOutput(definition, text),
    initLimitMs: Math.max(INIT_LIMIT_MS, definition.timeout * 1000),
    queueStallMs: setup.queueStallMs,
  };
  const logStreamName = createLogStreamName(definition.version, setup.now());
  const kind = runtimeKind(definition.runtime);
  if (kind === 'nodejs') {
    const env = buildWorkerEnvironment({ definition, hostEnvironment: setup.hostEnvironment, logStreamName, runtimeDir: setup.runtimeDir });
    const script = setup.nodeScript ?? '';
    return new NodeWorkerProcess({ script, cwd: definition.codeDirectory, env, execArgv: nodeMemoryArguments(definition.memorySize) }, hooks);
  }
  // The Runtime API endpoint's address is added by the worker once it listens.
  const env = buildWorkerEnvironment({ definition, hostEnvironment: setup.hostEnvironment, logStreamName, runtimeDir: setup.runtimeDir });
  if (kind === 'python') {
    const bootstrap = setup.pythonBootstrap ?? '';
    env['PYTHONUNBUFFERED'] ??= '1';
    // AWS: the task root is read-only on Lambda; no __pycache__ in a user's mounted directory.
    env['PYTHONDONTWRITEBYTECODE'] ??= '1';
    return new RuntimeApiWorker({ command: setup.pythonCommand, args: ['-u', bootstrap], cwd: definition.codeDirectory, env, customBootstrap: false }, hooks);
  }
  const bootstrap = join(definition.codeDirectory, 'bootstrap');
  return new RuntimeApiWorker({ command: bootstrap, args: [], cwd: definition.codeDirectory, env, customBootstrap: true }, hooks);
}
