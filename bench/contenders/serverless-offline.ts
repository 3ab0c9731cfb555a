// Peer contenders: serverless-offline 13 under the serverless v3 framework, serving the service in
// bench/peers/serverless (Lambda proxy /hello, Lambda custom with VTL /custom, HTTP_PROXY /proxy/items)
// in its default worker-thread mode or with --useInProcess. Telemetry and notifications are off.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import { findFreePort } from '../harness/ports.js';
import { waitForHttp } from '../harness/wait-for-http.js';
import { SkipError, type Contender } from '../scenarios/scenario.js';
import { FIXED_JSON_CHECK, expectBody, type ResponseCheck } from './checks.js';

export type ServerlessOfflineMode = 'worker' | 'in-process';
export type ServerlessOfflineRoute = 'hello' | 'custom' | 'proxy';

const START_TIMEOUT_MS = 90_000;
const SERVICE_DIR = join(peersDir, 'serverless');
const SERVERLESS_BIN = join(peersDir, 'node_modules', 'serverless', 'bin', 'serverless.js');

const ROUTES: Record<ServerlessOfflineRoute, { path: string; check: ResponseCheck }> = {
  hello: { path: '/hello', check: expectBody('hello from lambda') },
  custom: { path: '/custom?name=bench', check: expectBody('greeting', 'hello', 'bench') },
  proxy: { path: '/proxy/items', check: FIXED_JSON_CHECK },
};

export function serverlessOffline(mode: ServerlessOfflineMode, route: ServerlessOfflineRoute): Contender {
  return {
    id: mode === 'worker' ? 'sls-offline' : 'sls-offline-in-process',
    label: mode === 'worker' ? 'serverless-offline (worker threads)' : 'serverless-offline --useInProcess',
    async start(env) {
      if (!existsSync(SERVERLESS_BIN) || !existsSync(join(peersDir, 'node_modules', 'serverless-offline'))) {
        throw new SkipError('serverless / serverless-offline not installed (run `npm run bench:peers`)');
      }
      const backend = route === 'proxy' ? await env.backendOrigin() : 'http://127.0.0.1:9';
      const [httpPort, lambdaPort, websocketPort] = [await findFreePort(), await findFreePort(), await findFreePort()];
      const args = [SERVERLESS_BIN, 'offline', 'start', ...(mode === 'in-process' ? ['--useInProcess'] : [])];
      const child = env.processes.spawn(`serverless-offline (${mode})`, process.execPath, args, {
        core: env.placement.server,
        cwd: SERVICE_DIR,
        env: {
          ...process.env,
          SLS_TELEMETRY_DISABLED: '1',
          SLS_NOTIFICATIONS_MODE: 'off',
          SLS_DEPRECATION_DISABLE: '*',
          BENCH_HTTP_PORT: String(httpPort),
          BENCH_LAMBDA_PORT: String(lambdaPort),
          BENCH_WEBSOCKET_PORT: String(websocketPort),
          BENCH_BACKEND_URL: backend,
        },
      });
      const origin = `http://127.0.0.1:${httpPort}`;
      await waitForHttp(`${origin}/`, child, START_TIMEOUT_MS);
      const { path, check } = ROUTES[route];
      return { url: `${origin}${path}`, pid: child.pid, check };
    },
  };
}
