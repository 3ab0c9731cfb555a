// The `portico` command (bin/portico.js runs its compiled form): dispatches to one file per command
// (serve-command.ts, init-command.ts, export-command.ts, import-command.ts...). User errors (bad
// option, port taken, data dir not writable, a refused management call) are one line on stderr, exit 1.

import { readFileSync } from 'node:fs';
import { ManagementCallError } from '../project/management-client.js';
import { ConfigurationError } from '../server/configuration.js';
import { isHelp } from './command-flags.js';
import { renderTokenUsage, runTokenCommand } from './token-command.js';
import { UsageError } from './usage-error.js';
import { renderExportUsage, renderImportUsage, renderInitUsage, renderServeUsage, renderUsage } from './usage.js';

/**
 * Each command: resolves to an exit code, or `undefined` while it keeps running (serve). The heavy
 * ones load on demand, so `init`, `export`, `import` and `--version` do not load the server.
 */
const COMMANDS: Record<string, (args: readonly string[]) => Promise<number | undefined>> = {
  serve: async (args) => (await import('./serve-command.js')).runServeCommand(args, process.env),
  init: async (args) => (await import('./init-command.js')).runInitCommand(args),
  export: async (args) => (await import('./export-command.js')).runExportCommand(args),
  import: async (args) => (await import('./import-command.js')).runImportCommand(args),
  token: runTokenCommand,
};

const HELP: Record<string, () => string> = {
  serve: renderServeUsage,
  init: renderInitUsage,
  export: renderExportUsage,
  import: renderImportUsage,
  token: renderTokenUsage,
};

async function runCommand(args: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = args;
  if (command === undefined) {
    process.stderr.write(renderUsage());
    return 1;
  }
  if (isHelp(command) || command === 'help') {
    process.stdout.write((rest[0] !== undefined && Object.hasOwn(HELP, rest[0]) ? HELP[rest[0]] : undefined)?.() ?? renderUsage());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run === undefined) throw new UsageError(`unknown command: ${command} (see portico --help)`);
  return run(rest);
}

function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** The one line a user sees; a stack only for what is a bug, not their mistake. */
function describeFailure(error: unknown): string {
  const userFacing = error instanceof UsageError || error instanceof ConfigurationError || error instanceof ManagementCallError;
  if (userFacing) return error.message;
  return `unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

runCommand(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`portico: ${describeFailure(error)}\n`);
    // Exit now: a half-started server may hold handles that would keep the process alive.
    process.exit(1);
  },
);
