// `portico serve` as a process: JSON log lines, graceful shutdown on SIGTERM/SIGINT (in-flight
// requests finish, new connections are refused, exit 0), a second signal exiting at once, and data
// surviving a stop and start on the same data dir. Runs the built CLI (bin/portico.js).

import { APIGatewayClient, CreateRestApiCommand, GetRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { Agent, request } from 'node:http';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertCliBuilt, runPortico, startServe, type ServingPortico } from '../support/spawn-portico.js';

let dataRoot: string;
const started: ServingPortico[] = [];
beforeAll(async () => {
  assertCliBuilt();
  dataRoot = await mkdtemp(join(tmpdir(), 'portico-serve-'));
});
afterEach(async () => {
  for (const portico of started.splice(0)) await portico.kill();
});
afterAll(() => rm(dataRoot, { recursive: true, force: true }));

async function serve(args: readonly string[] = [], dataDir?: string, readyLog = true): Promise<ServingPortico> {
  const portico = await startServe(dataDir ?? (await mkdtemp(join(dataRoot, 'data-'))), args, readyLog);
  started.push(portico);
  return portico;
}

function clientFor(portico: ServingPortico): APIGatewayClient {
  return new APIGatewayClient({
    endpoint: portico.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDPORTICOTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  });
}

interface SlowRequest {
  /** Sends the rest of the body. */
  finish(): void;
  response: Promise<{ status: number; body: string; at: number }>;
}

/**
 * Opens a CreateRestApi call and sends half its body, so the request stays in flight until
 * `finish()`. Resolves once the first half has been written to the socket.
 */
async function startSlowCreate(port: number, name: string, agent: Agent | false = false): Promise<SlowRequest> {
  const body = JSON.stringify({ name, description: 'created while shutting down' });
  const req = request({
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/restapis',
    agent,
    headers: {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDPORTICOTEST/20250101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
  const response = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, at: Date.now() }));
    });
  });
  response.catch(() => undefined);
  await new Promise<void>((resolve) => req.write(body.slice(0, 10), () => resolve()));
  await delay(50);
  return { finish: () => req.end(body.slice(10)), response };
}

/** Whether a new TCP connection to `port` is refused. */
function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Polls an unsigned management call until the server answers; resolves with its status. */
async function waitForHttpAnswer(port: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: '/restapis', agent: false }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject).end();
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(25);
    }
  }
}

/** Resolves with the exit and when it happened, or rejects after `ms`. */
async function exitWithin(portico: ServingPortico, ms: number): Promise<{ code: number | null; signal: string | null; at: number }> {
  const exit = portico.exit.then((e) => ({ ...e, at: Date.now() }));
  const timeout = delay(ms).then(() => {
    throw new Error(`portico did not exit within ${ms} ms; stdout:\n${portico.stdout()}`);
  });
  return Promise.race([exit, timeout]);
}

describe('logs', () => {
  it('writes JSON lines with level and msg; the listen line names the URL and the data dir', async () => {
    const portico = await serve();
    const listening = await portico.waitForLog((line) => line.msg === 'portico listening');
    expect(listening).toMatchObject({ level: 30, url: portico.url });
    expect(typeof listening.dataDir).toBe('string');
    portico.child.kill('SIGTERM');
    expect(await exitWithin(portico, 5000)).toMatchObject({ code: 0, signal: null });
    const logs = portico.logs();
    for (const line of logs) {
      expect(typeof line.level).toBe('number');
      expect(typeof line.msg).toBe('string');
      expect(typeof line.time).toBe('number');
    }
    expect(logs.at(-1)?.msg).toBe('portico stopped');
    expect(portico.stderr()).toBe('');
  });

  it('honours --log-level: at warn, a clean start and stop log nothing', async () => {
    const portico = await serve(['--log-level', 'warn'], undefined, false);
    // No listen line at warn: an HTTP answer shows start-up has finished (a bare TCP accept does not).
    expect(await waitForHttpAnswer(portico.port)).toBe(403);
    portico.child.kill('SIGTERM');
    expect(await exitWithin(portico, 5000)).toMatchObject({ code: 0 });
    expect(portico.stdout()).toBe('');
  });
});

describe('graceful shutdown', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('on %s: refuses new connections, finishes the in-flight request, then exits 0', async (signal) => {
    const portico = await serve();
    const slow = await startSlowCreate(portico.port, `in-flight-${signal}`);
    portico.child.kill(signal);
    await portico.waitForLog((line) => line.signal === signal && String(line.msg).includes('shutting down'));
    expect(await connectionRefused(portico.port)).toBe(true);
    await delay(300);
    expect(portico.child.exitCode).toBeNull();
    slow.finish();
    const response = await slow.response;
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body)).toMatchObject({ name: `in-flight-${signal}` });
    const exit = await exitWithin(portico, 5000);
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at).toBeGreaterThanOrEqual(response.at);
    expect(portico.logs().at(-1)?.msg).toBe('portico stopped');
    expect(portico.stderr()).toBe('');
  });

  it('exits at once on a second signal, without waiting for the in-flight request', async () => {
    const portico = await serve();
    const slow = await startSlowCreate(portico.port, 'abandoned');
    portico.child.kill('SIGINT');
    await portico.waitForLog((line) => String(line.msg).includes('shutting down'));
    portico.child.kill('SIGTERM');
    // 128 + SIGTERM's number, as shells report a process ended by a signal.
    expect(await exitWithin(portico, 2000)).toMatchObject({ code: 143 });
    await expect(slow.response).rejects.toThrow();
  });

  // A keep-alive connection whose request was in flight at shutdown must be closed after its
  // response, not left until the client drops it (up to keepAliveTimeout, 65 s).
  it('does not wait for a keep-alive client to drop its connection after the last response', async () => {
    const portico = await serve();
    const agent = new Agent({ keepAlive: true });
    try {
      const slow = await startSlowCreate(portico.port, 'keep-alive', agent);
      portico.child.kill('SIGTERM');
      await portico.waitForLog((line) => String(line.msg).includes('shutting down'));
      slow.finish();
      expect((await slow.response).status).toBe(201);
      expect(await exitWithin(portico, 2000)).toMatchObject({ code: 0 });
    } finally {
      agent.destroy();
    }
  });
});

describe('restart', () => {
  it('a second start on the same data dir, after a graceful stop, serves the data of the first', async () => {
    const dataDir = await mkdtemp(join(dataRoot, 'restart-'));
    const first = await serve([], dataDir);
    const firstClient = clientFor(first);
    const created = await firstClient.send(new CreateRestApiCommand({ name: 'survives', description: 'kept across restarts' }));
    firstClient.destroy();
    first.child.kill('SIGTERM');
    expect(await exitWithin(first, 5000)).toMatchObject({ code: 0 });

    const second = await serve([], dataDir);
    const secondClient = clientFor(second);
    try {
      const api = await secondClient.send(new GetRestApiCommand({ restApiId: created.id }));
      expect(api).toMatchObject({ id: created.id, name: 'survives', description: 'kept across restarts', rootResourceId: created.rootResourceId });
      const apis = await secondClient.send(new GetRestApisCommand({}));
      expect(apis.items?.map((item) => item.id)).toEqual([created.id]);
    } finally {
      secondClient.destroy();
    }
    second.child.kill('SIGTERM');
    expect(await exitWithin(second, 5000)).toMatchObject({ code: 0 });
  });
});

describe('one process per data dir', () => {
  it('refuses a second process on a data dir in use, naming the holder, and starts once the first has stopped', async () => {
    const dataDir = await mkdtemp(join(dataRoot, 'locked-'));
    const first = await serve([], dataDir);
    const second = await runPortico(['serve', '--port', '0', '--data-dir', dataDir]);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(`portico: the data dir ${dataDir} is in use by another Portico process (pid ${first.child.pid})\n`);
    first.child.kill('SIGTERM');
    expect(await exitWithin(first, 5000)).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, 'portico.lock'))).toBe(false);
    const third = await serve([], dataDir);
    expect(await waitForHttpAnswer(third.port)).toBeGreaterThan(0);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dataDir = await mkdtemp(join(dataRoot, 'stale-'));
    // A pid far above the kernel's default pid_max (4194304) belongs to no process.
    await writeFile(join(dataDir, 'portico.lock'), '999999999\n');
    const portico = await serve([], dataDir);
    expect(await waitForHttpAnswer(portico.port)).toBeGreaterThan(0);
    expect(await readFile(join(dataDir, 'portico.lock'), 'utf8')).toBe(`${portico.child.pid}\n`);
  });
});
