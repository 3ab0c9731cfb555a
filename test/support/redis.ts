// Redis for tests: the URL (127.0.0.1:6379, or PORTICO_TEST_REDIS_URL) and whether it answers.
// Tests that need Redis skip locally with a clear message when it is absent, and FAIL in CI
// (CI=true), where Redis must run (.ci/run starts it).

import { Socket } from 'node:net';
import { describe, it } from 'vitest';

export const TEST_REDIS_URL = process.env.PORTICO_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Sends PING and waits for PONG (1 s at most). */
export function redisAnswers(url: string = TEST_REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.connect(Number(port || 6379), hostname || '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

const available = await redisAnswers();

/** `describe` when Redis answers; otherwise a failing test in CI, a skipped suite (with the reason) locally. */
export function describeWithRedis(name: string, body: () => void): void {
  if (available) {
    describe(name, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Redis', () => {
        throw new Error(`Redis does not answer at ${TEST_REDIS_URL}: CI must run Redis (see .ci/run)`);
      });
    });
    return;
  }
  describe.skip(`${name} (skipped: no Redis at ${TEST_REDIS_URL}; start one with \`redis-server --daemonize yes\`)`, body);
}
