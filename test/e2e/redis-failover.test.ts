// Redis going away and coming back (issue 6 §3): with `--redis-failure-policy open` the gateway keeps
// serving on local in-memory limits, logs the outage once and uses Redis again when it returns; with
// `closed` it answers 503. Uses a redis-server of its own on a free port, stopped by that port only.

import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBackend, type TestBackend } from '../support/backend.js';
import { createKeyedApi, createPlanWithKey } from '../support/keyed-api.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { describeWithRedis } from '../support/redis.js';
import { freePort } from '../support/spawn-portico.js';

const redisCli = (port: number, ...args: string[]): string => execFileSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' }).trim();

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeWithRedis('redis going away and coming back', () => {
  let backend: TestBackend;
  let port: number;
  let started = false;
  const instances: TestPortico[] = [];

  beforeAll(async () => {
    backend = await startBackend();
    port = await freePort();
  });
  afterAll(async () => {
    for (const portico of instances) await portico.close();
    await backend.close();
    if (started) {
      try {
        redisCli(port, 'shutdown', 'nosave');
      } catch {
        // already stopped
      }
    }
  });

  const outages = (portico: TestPortico) => portico.logs.filter((line) => String(line.msg).startsWith('redis is unreachable')).length;
  const startRedis = async () => {
    execFileSync('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'yes']);
    started = true;
    await until(() => {
      try {
        return redisCli(port, 'ping') === 'PONG';
      } catch {
        return false;
      }
    }, 'redis-server to answer');
  };

  it('fails open to local limits, logs once, and shares limits again once Redis is back', async () => {
    const portico = await startTestPortico({ redisUrl: `redis://127.0.0.1:${port}`, redisFailurePolicy: 'open' });
    instances.push(portico);
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const value = `failoverkey-${port}-0123456789`;
    await createPlanWithKey(portico.client, api, { throttle: { rateLimit: 0.001, burstLimit: 2 } }, value);
    const call = async () => (await fetch(api.url('/pets'), { headers: { 'x-api-key': value } })).status;

    // Redis down: local limits still apply.
    expect([await call(), await call(), await call()]).toEqual([200, 200, 429]);
    expect((await fetch(api.url('/open'))).status).toBe(200);
    expect(outages(portico)).toBe(1);

    await startRedis();
    await until(() => portico.logs.some((line) => line.msg === 'redis is reachable again: limits are shared again'), 'portico to reconnect');
    // Redis holds fresh buckets: the burst is available again, and the keys live in Redis.
    expect([await call(), await call(), await call()]).toEqual([200, 200, 429]);
    expect(redisCli(port, '--scan', '--pattern', 'portico:tb:plan:*')).not.toBe('');

    redisCli(port, 'shutdown', 'nosave');
    started = false;
    await until(() => outages(portico) === 2, 'the second outage to be logged');
    expect((await fetch(api.url('/open'))).status).toBe(200);
    expect(outages(portico)).toBe(2);
  });

  it('fails closed with 503 when the policy says so', async () => {
    const deadPort = await freePort();
    const portico = await startTestPortico({ redisUrl: `redis://127.0.0.1:${deadPort}`, redisFailurePolicy: 'closed' });
    instances.push(portico);
    const api = await createKeyedApi(portico.client, portico.url, backend.url);
    const response = await fetch(api.url('/open'));
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('{"message":"Service Unavailable"}');
    expect(response.headers.get('x-amzn-errortype')).toBe('ServiceUnavailableException');
  });
});
