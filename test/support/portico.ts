// Starts a real Portico on an ephemeral loopback port with a temporary data dir, and an AWS SDK
// client pointed at it. Every e2e test builds on this.

import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { IamPrincipal } from '../../src/iam/principals.js';
import { createLogger } from '../../src/observability/logger.js';
import { DEFAULT_ACCOUNT_ID } from '../../src/shared/aws-account.js';
import type { Clock } from '../../src/shared/clock.js';
import { startPortico, type RunningPortico } from '../../src/server/bootstrap.js';

export interface TestPortico {
  url: string;
  port: number;
  dataDir: string;
  client: APIGatewayClient;
  /** A client for another region (state is kept per region). */
  clientFor(region: string): APIGatewayClient;
  /** Log lines written so far, parsed. */
  logs: Array<Record<string, unknown>>;
  running: RunningPortico;
  /** Stops this instance; the data dir is kept for `restart`. */
  stop(): Promise<void>;
  /** Starts a new instance on the same data dir (restart persistence). */
  restart(): Promise<TestPortico>;
  /** Stops and deletes the data dir. */
  close(): Promise<void>;
}

export interface TestPorticoOptions {
  dataDir?: string;
  clock?: Clock;
  /** Shared state in Redis (traffic tests). */
  redisUrl?: string;
  redisFailurePolicy?: 'open' | 'closed';
  usagePersistIntervalMs?: number;
  /** SigV4 principals for AWS_IAM methods (default: `test`/`test` as the account root). */
  iamPrincipals?: readonly IamPrincipal[];
  lambdaScaleOutDelayMs?: number;
}

export async function startTestPortico(options: TestPorticoOptions = {}): Promise<TestPortico> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'portico-test-')));
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const running = await startPortico({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    logLevel: 'info',
    accountId: DEFAULT_ACCOUNT_ID,
    logger: createLogger({ level: 'info', destination: sink }),
    ...(options.clock && { clock: options.clock }),
    ...(options.redisUrl !== undefined && { redisUrl: options.redisUrl }),
    ...(options.redisFailurePolicy !== undefined && { redisFailurePolicy: options.redisFailurePolicy }),
    ...(options.usagePersistIntervalMs !== undefined && { usagePersistIntervalMs: options.usagePersistIntervalMs }),
    ...(options.iamPrincipals !== undefined && { iamPrincipals: options.iamPrincipals }),
    ...(options.lambdaScaleOutDelayMs !== undefined && { lambdaScaleOutDelayMs: options.lambdaScaleOutDelayMs }),
  });
  const clientFor = (region: string) =>
    new APIGatewayClient({
      endpoint: running.url,
      region,
      credentials: { accessKeyId: 'AKIDPORTICOTEST', secretAccessKey: 'secret' },
      maxAttempts: 1,
    });
  const client = clientFor('us-east-1');
  const instance: TestPortico = {
    url: running.url,
    port: running.port,
    dataDir,
    client,
    clientFor,
    logs,
    running,
    stop: () => running.close(),
    restart: async () => {
      await running.close();
      return startTestPortico({ ...options, dataDir });
    },
    close: async () => {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return instance;
}
