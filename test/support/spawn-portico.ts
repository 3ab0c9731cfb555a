// Runs the real `portico` command (bin/portico.js over the built dist/) as a child process, for the
// CLI and server-behaviour e2e tests: one-shot runs (help, errors) and a serving process whose JSON
// log lines are collected. Needs `npm run build` first (`npm test` does it).

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const PORTICO_BIN = fileURLToPath(new URL('../../bin/portico.js', import.meta.url));
const BUILT_CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Fails with a clear message when the CLI has not been built. */
export function assertCliBuilt(): void {
  if (!existsSync(BUILT_CLI)) {
    throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` before these tests (\`npm test\` builds first)`);
  }
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The environment without the caller's PORTICO_* settings, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('PORTICO_')) env[name] = value;
  return { ...env, ...extra };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CompletedRun extends Exit {
  stdout: string;
  stderr: string;
}

/** Runs `portico ...args` to completion (killed after `timeoutMs`). */
export async function runPortico(args: readonly string[], env: Record<string, string> = {}, timeoutMs = 10_000): Promise<CompletedRun> {
  const child = spawn(process.execPath, [PORTICO_BIN, ...args], { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exit = await exited(child);
  clearTimeout(timer);
  return { ...exit, stdout: output.stdout(), stderr: output.stderr() };
}

export interface ServingPortico {
  child: ChildProcess;
  port: number;
  url: string;
  /** Every stdout line so far, parsed as JSON (a line that is not JSON fails the parse). */
  logs(): Array<Record<string, unknown>>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first log line matching `predicate`. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Settles when the process has exited. */
  exit: Promise<Exit>;
  /** Kills the process if it still runs (test cleanup). */
  kill(): Promise<void>;
}

/** Starts `portico serve --port <free port> --data-dir <dataDir> ...args` and waits for its listen line. */
export async function startServe(dataDir: string, args: readonly string[] = [], readyLog = true): Promise<ServingPortico> {
  const port = await freePort();
  const child = spawn(process.execPath, [PORTICO_BIN, 'serve', '--port', String(port), '--data-dir', dataDir, ...args], {
    env: childEnv({}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child);
  const exit = exited(child);
  const logs = (): Array<Record<string, unknown>> =>
    output
      .stdout()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const waitForLog = async (predicate: (line: Record<string, unknown>) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = logs().find(predicate);
      if (found !== undefined) return found;
      if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
        throw new Error(`no matching log line; stdout:\n${output.stdout()}\nstderr:\n${output.stderr()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const serving: ServingPortico = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    logs,
    stdout: output.stdout,
    stderr: output.stderr,
    waitForLog,
    exit,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
    },
  };
  if (readyLog) await waitForLog((line) => line.msg === 'portico listening');
  return serving;
}

function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { stdout: () => stdout, stderr: () => stderr };
}

function exited(child: ChildProcess): Promise<Exit> {
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
}
