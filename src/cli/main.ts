// The `portico` command (bin/portico.js runs its compiled form): parses the command line, starts
// Portico through the composition root (src/server/bootstrap.ts) and installs graceful shutdown.
// User errors (bad option, port taken, data dir not writable) are one line on stderr and exit 1.

import { readFileSync } from 'node:fs';
import { StartupError, startPortico } from '../server/bootstrap.js';
import { ConfigurationError, readConfiguration, type PorticoConfig } from '../server/configuration.js';
import { StoreError } from '../store/store.js';
import { startExample } from './example.js';
import { exitGracefullyOnSignals } from './shutdown.js';
import { renderServeUsage, renderUsage } from './usage.js';

/** A mistake on the command line, reported as one line. */
class UsageError extends Error {}

const isHelp = (arg: string): boolean => arg === '--help' || arg === '-h';

/** Runs one command; resolves to an exit code, or `undefined` while `serve` keeps running. */
async function runCommand(args: readonly string[]): Promise<number | undefined> {
  const [command, ...rest] = args;
  if (command === undefined) {
    process.stderr.write(renderUsage());
    return 1;
  }
  if (isHelp(command) || command === 'help') {
    process.stdout.write(rest[0] === 'serve' ? renderServeUsage() : renderUsage());
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${readVersion()}\n`);
    return 0;
  }
  if (command !== 'serve') throw new UsageError(`unknown command: ${command} (see portico --help)`);
  if (rest.some(isHelp)) {
    process.stdout.write(renderServeUsage());
    return 0;
  }
  const config = readServeConfiguration(rest);
  const running = await startPortico(config);
  exitGracefullyOnSignals(running);
  if (config.example) await startExample(running, config);
  return undefined;
}

function readServeConfiguration(args: readonly string[]): PorticoConfig {
  try {
    return readConfiguration(args, process.env);
  } catch (error) {
    if (error instanceof ConfigurationError) throw new UsageError(`${error.message} (see portico serve --help)`);
    throw error;
  }
}

function readVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  const version = typeof manifest === 'object' && manifest !== null && 'version' in manifest ? manifest.version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}

/** The one line a user sees; a stack only for what is a bug, not their mistake. */
function describeFailure(error: unknown): string {
  const userFacing = error instanceof UsageError || error instanceof ConfigurationError || error instanceof StartupError || error instanceof StoreError;
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
