// Peer: fast-gateway (https://github.com/BackendStack21/fast-gateway) proxying every path under
// /proxy to the backend, loaded from bench/peers/node_modules (installed by `npm run bench:peers`).
// Run as a child process: `node fast-gateway-server.js PORT BACKEND_ORIGIN`.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';

interface FastGatewayServer {
  start(port: number, host?: string): Promise<unknown>;
}
type FastGateway = (options: { routes: Array<{ prefix: string; target: string }> }) => FastGatewayServer;

const port = Number(process.argv[2]);
const backend = process.argv[3] ?? 'http://127.0.0.1:1';

const requireFromPeers = createRequire(join(peersDir, 'package.json'));
const gateway = requireFromPeers('fast-gateway') as FastGateway;

await gateway({ routes: [{ prefix: '/proxy', target: backend }] }).start(port, '127.0.0.1');
