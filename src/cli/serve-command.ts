// `portico serve [DIR] [options]`: starts Portico through the composition root with graceful
// shutdown; with DIR (a directory holding portico.yaml) it applies that project and hot-reloads
// it on every edit; with `--example` it deploys the bundled example API.

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_FILE } from '../project/project-file.js';
import { serveProject } from '../project/serve-project.js';
import { StartupError, startPortico, type RunningPortico } from '../server/bootstrap.js';
import { ConfigurationError, readConfiguration, type PorticoConfig } from '../server/configuration.js';
import { StoreError } from '../store/store.js';
import { isHelp } from './command-flags.js';
import { startExample } from './example.js';
import { exitGracefullyOnSignals } from './shutdown.js';
import { renderServeUsage } from './usage.js';
import { UsageError } from './usage-error.js';

/** Resolves to an exit code, or `undefined` while Portico keeps serving. */
export async function runServeCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<number | undefined> {
  if (args.some(isHelp)) {
    process.stdout.write(renderServeUsage());
    return 0;
  }
  const first = args[0];
  const dir = first !== undefined && !first.startsWith('-') ? resolve(first) : undefined;
  if (dir !== undefined && !existsSync(join(dir, PROJECT_FILE))) {
    throw new UsageError(`${join(first!, PROJECT_FILE)} does not exist (portico init ${first!} writes a project)`);
  }
  // A project keeps its data next to it, so restarts from any directory find its APIs again.
  const config = readServeConfiguration(dir === undefined ? args : args.slice(1), dir === undefined ? env : { PORTICO_DATA_DIR: join(dir, '.portico'), ...env });
  if (dir !== undefined && config.example) throw new UsageError('--example cannot be combined with a project directory (see portico serve --help)');
  const running = await startPortico(config).catch((error: unknown) => {
    // Start-up failures (port taken, data dir not writable, a store that cannot open) are the user's to fix.
    if (error instanceof StartupError || error instanceof StoreError) throw new UsageError(error.message);
    throw error;
  });
  exitGracefullyOnSignals(running);
  if (config.example) await startExample(running, config);
  if (dir !== undefined) await startProject(running, dir);
  return undefined;
}

function readServeConfiguration(args: readonly string[], env: NodeJS.ProcessEnv): PorticoConfig {
  try {
    return readConfiguration(args, env);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(`${error.message} (see portico serve --help)`);
    throw error;
  }
}

/** Applies the project, prints its invoke URLs and API keys on stderr (stdout carries the JSON logs), then watches it. */
async function startProject(running: RunningPortico, dir: string): Promise<void> {
  const print = (line: string): void => void process.stderr.write(`${line}\n`);
  const started = performance.now();
  const server = await serveProject({ dir, endpoint: running.url, print });
  const lines = [`Portico is serving the project in ${dir} on ${running.url} (management API and APIs on one port).`];
  if (server.summary !== undefined) {
    lines[0] += ` Ready in ${Math.round(performance.now() - started)} ms.`;
    lines.push(...server.summary.map((line) => `  ${line}`));
  }
  lines.push(`Watching portico.yaml, its OpenAPI files and handlers: edits apply at once. Ctrl-C stops.`);
  print(lines.join('\n'));
}
