// The composition root: the only place that picks concrete implementations (SQLite store, the
// snapshot registry, the data plane, the management API) and wires them into one HTTP listener.
// Start-up restores every stage's served snapshot from the store; close() shuts down gracefully.

import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { apigatewayOperations } from '../control-plane/operations/index.js';
import { restoreServedStages } from '../control-plane/serving/restore-served-stages.js';
import { createLambdaOperations } from '../control-plane/lambda/index.js';
import { restoreFunctions } from '../control-plane/lambda/restore-functions.js';
import { CodeStore } from '../functions/code/code-store.js';
import { createFunctionInvoker } from '../functions/function-invoker.js';
import { FunctionRegistry } from '../functions/function-registry.js';
import type { FunctionRuntime } from '../functions/function-definition.js';
import { createFunctionRuntime } from '../functions/runtime/index.js';
import { createManagementHandler } from '../control-plane/wire/handle-management-request.js';
import { createDataPlane } from '../data-plane/create-data-plane.js';
import { defaultIamPrincipals } from '../iam/principals.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { SnapshotRegistry } from '../snapshot/snapshot-registry.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createUserPoolVerifier } from '../user-pools/create-user-pool-verifier.js';
import { withUserPoolEndpoints } from '../user-pools/user-pool-endpoints.js';
import { UserPools } from '../user-pools/user-pools.js';
import type { PorticoConfig } from './configuration.js';
import { createAuthorizerCache } from './create-authorizer-cache.js';
import { createTraffic, type Traffic } from './create-traffic.js';
import { lockDataDir, DataDirLockedError, type DataDirLock } from './data-dir-lock.js';
import { createFrontDoor } from './front-door.js';

export interface StartOptions extends Omit<PorticoConfig, 'example'> {
  clock?: Clock;
  logger?: Logger;
  /** How often in-memory quota usage is persisted (tests shorten it). */
  usagePersistIntervalMs?: number;
}

export interface RunningPortico {
  /** e.g. `http://127.0.0.1:4566` */
  url: string;
  port: number;
  logger: Logger;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** A start-up failure with a one-line message for the user (port taken, data dir not writable). */
export class StartupError extends Error {}

export async function startPortico(options: StartOptions): Promise<RunningPortico> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: options.logLevel });
  await checkDataDir(options.dataDir);
  const lock = lockOrExplain(options.dataDir);
  let store: SqliteStore;
  try {
    store = new SqliteStore(join(options.dataDir, 'portico.db'));
  } catch (error) {
    lock.release();
    throw new StartupError(error instanceof Error ? error.message : String(error));
  }
  let runtime: FunctionRuntime | undefined;
  let traffic: Traffic | undefined;
  try {
    const registry = new SnapshotRegistry();
    await restoreServedStages(store, registry, options.accountId, logger);
    const functions = new FunctionRegistry(options.accountId);
    const codeStore = new CodeStore(options.dataDir);
    await restoreFunctions(store, functions, codeStore, options.accountId, logger);
    runtime = createFunctionRuntime({
      logger,
      dataDir: options.dataDir,
      clock,
      ...(options.functionHostEnvironment && { hostEnvironment: options.functionHostEnvironment }),
      ...(options.lambdaScaleOutDelayMs !== undefined && { scaleOutDelayMs: options.lambdaScaleOutDelayMs }),
    });
    traffic = await createTraffic({ store, accountId: options.accountId, clock, logger, redisUrl: options.redisUrl, redisFailurePolicy: options.redisFailurePolicy, usagePersistIntervalMs: options.usagePersistIntervalMs });
    const authorizerCache = createAuthorizerCache(traffic, options.redisFailurePolicy, logger);
    const userPools = await UserPools.load(store);
    const userPoolVerifier = createUserPoolVerifier(userPools, clock);
    const functionInvoker = createFunctionInvoker(functions, runtime, options.accountId);
    const dataPlane = createDataPlane({ registry, clock, logger, functions: functionInvoker, traffic: traffic.registry, trafficState: traffic.state, authorizerCache, userPools: userPoolVerifier, iamPrincipals: options.iamPrincipals ?? defaultIamPrincipals(options.accountId) });
    const lambdaOperations = createLambdaOperations({ functions, runtime, codeStore, logger, clock });
    const management = createManagementHandler({ store, clock, registry, traffic: { registry: traffic.registry, state: traffic.state }, authorizerCache, functions: functionInvoker, userPools: userPoolVerifier, accountId: options.accountId, logger, operations: [...apigatewayOperations, ...lambdaOperations] });
    const server = createServer({ keepAliveTimeout: 65_000 }, createFrontDoor(dataPlane, withUserPoolEndpoints(userPools, clock, management), logger));
    await listen(server, options.host, options.port);
    const port = (server.address() as AddressInfo).port;
    const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
    userPools.listeningAt(url);
    logger.info({ url, dataDir: options.dataDir }, 'portico listening');

    let closing: Promise<void> | undefined;
    return {
      url,
      port,
      logger,
      close: () =>
        (closing ??= (async () => {
          // A keep-alive connection whose request was in flight becomes idle only after its
          // response; sweep until close() completes so shutdown never waits on a client's socket.
          await new Promise<void>((resolve) => {
            const sweep = setInterval(() => server.closeIdleConnections(), 50);
            server.close(() => {
              clearInterval(sweep);
              resolve();
            });
            server.closeIdleConnections();
          });
          await dataPlane.close();
          await runtime?.close();
          await traffic?.close();
          await store.close();
          lock.release();
          logger.info('portico stopped');
        })()),
    };
  } catch (error) {
    await runtime?.close();
    await traffic?.close();
    await store.close();
    lock.release();
    throw error;
  }
}

function lockOrExplain(dataDir: string): DataDirLock {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new StartupError(error.message);
    throw error;
  }
}

async function checkDataDir(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch {
    throw new StartupError(`the data dir ${dataDir} is not writable`);
  }
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new StartupError(`port ${port} on ${host} is already in use`));
      else if (error.code === 'EACCES') reject(new StartupError(`not allowed to listen on port ${port}`));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}
