// `portico init demo && portico serve demo` as a new user runs them (the built CLI, a fresh
// directory): the project serves its MOCK, HTTP_PROXY and Lambda proxy methods, with the request
// validator and the API key enforced; the time from `serve` to the first 200 is measured.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_API_KEY } from '../../src/project/init-templates.js';
import { call } from '../support/lambda.js';
import { assertCliBuilt, freePort, PORTICO_BIN } from '../support/spawn-portico.js';

let cwd: string;
let serving: ChildProcess | undefined;

/** The environment without PORTICO_* settings, as a new user's shell. */
function userEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PORTICO_')));
}

/** Starts `portico serve demo --port P` in `cwd`; resolves with its stderr reader. */
function serve(port: number): { stderr: () => string } {
  const child = spawn(process.execPath, [PORTICO_BIN, 'serve', 'demo', '--port', String(port), '--log-level', 'warn'], { cwd, env: userEnv(), stdio: ['ignore', 'ignore', 'pipe'] });
  serving = child;
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return { stderr: () => stderr };
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function stop(): Promise<void> {
  const child = serving;
  serving = undefined;
  if (child === undefined || child.exitCode !== null) return;
  const closed = new Promise((resolve) => child.once('close', resolve));
  child.kill('SIGTERM');
  await closed;
}

beforeAll(async () => {
  assertCliBuilt();
  cwd = await mkdtemp(join(tmpdir(), 'portico-init-'));
});
afterEach(stop);
afterAll(() => rm(cwd, { recursive: true, force: true }));

describe('portico init, then portico serve', () => {
  it('init writes a project and prints how to serve and call it', async () => {
    const run = await runPorticoIn(['init', 'demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('portico serve demo');
    expect(run.stdout).toContain(`x-api-key: ${DEMO_API_KEY}`);
    const project = await readFile(join(cwd, 'demo', 'portico.yaml'), 'utf8');
    expect(project).toMatch(/^# yaml-language-server: \$schema=.*schema\/portico\.schema\.json$/m);
    await expect(readFile(join(cwd, 'demo', 'functions', 'greet', 'index.mjs'), 'utf8')).resolves.toContain('export const handler');
  });

  it('init refuses a directory that is not empty', async () => {
    const run = await runPorticoIn(['init', 'demo']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('portico: demo is not empty: portico init writes a new project into a new or empty directory\n');
  });

  it('serve answers 200 quickly, and every method of the project works', async () => {
    const port = await freePort();
    const started = performance.now();
    const server = serve(port);
    const apiId = await waitFor(() => /api demo \((\w+)\), stage dev/.exec(server.stderr())?.[1], 'the API id on stderr');
    const base = `http://127.0.0.1:${port}/_aws/execute-api/${apiId}/dev`;
    await waitFor(async () => ((await call(`${base}/hello`)).status === 200 ? true : undefined), 'the first 200');
    const firstOkMs = performance.now() - started;
    console.log(`portico serve demo: first 200 after ${Math.round(firstOkMs)} ms (target 2000 ms on an idle machine)`);
    expect(firstOkMs).toBeLessThan(10_000);

    expect(await call(`${base}/hello`)).toMatchObject({ status: 200, text: '{"message": "Hello from a MOCK integration", "stage": "dev"}' });
    const json = { 'content-type': 'application/json' };
    const greet = await call(`${base}/greet`, { method: 'POST', headers: { ...json, 'x-api-key': DEMO_API_KEY }, body: '{"name":"Ada"}' });
    expect(greet).toMatchObject({ status: 200, text: '{"message":"Hello, Ada!"}' });
    // AWS: the request validator answers 400 `Invalid request body` before the function runs.
    expect(await call(`${base}/greet`, { method: 'POST', headers: { ...json, 'x-api-key': DEMO_API_KEY }, body: '{}' })).toMatchObject({ status: 400, text: '{"message": "Invalid request body"}' });
    // AWS: no API key on a method that requires one: 403 Forbidden.
    expect(await call(`${base}/greet`, { method: 'POST', headers: json, body: '{"name":"Ada"}' })).toMatchObject({ status: 403, text: '{"message":"Forbidden"}' });
    // The HTTP_PROXY method reaches its backend (the API itself, through the stage variables).
    expect(await call(`${base}/backend/hello`)).toMatchObject({ status: 200, text: '{"message": "Hello from a MOCK integration", "stage": "dev"}' });

    expect(server.stderr()).toContain(`curl -X POST -H 'x-api-key: ${DEMO_API_KEY}' -H 'content-type: application/json' -d '{"name":"Ada"}' ${base}/greet`);
    expect(server.stderr()).toContain(`curl ${base}/backend/hello`);
  });

  it('serving again is idempotent: same API id, nothing created or deployed', async () => {
    const port = await freePort();
    const server = serve(port);
    const summary = await waitFor(() => (/Watching portico\.yaml/.test(server.stderr()) ? server.stderr() : undefined), 'the summary');
    // The stage variable holding Portico's host changes with the port: only the stage is updated.
    expect(summary).not.toMatch(/created|imported|deployed/);
    const apiId = /api demo \((\w+)\), stage dev/.exec(summary)?.[1];
    expect(apiId).toMatch(/^\w{10}$/);
    expect(await call(`http://127.0.0.1:${port}/_aws/execute-api/${apiId!}/dev/backend/hello`)).toMatchObject({ status: 200 });
  });

  it('serve on a directory without portico.yaml is a one-line error', async () => {
    const run = await runPorticoIn(['serve', 'nowhere']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('portico: nowhere/portico.yaml does not exist (portico init nowhere writes a project)\n');
  });
});

/** Runs `portico ...args` to completion in `cwd`. */
async function runPorticoIn(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [PORTICO_BIN, ...args], { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout, stderr };
}
