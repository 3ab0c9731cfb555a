// Peer contender: fast-gateway proxying /proxy/* to the backend (bench/servers/fast-gateway-server.ts),
// unavailable until `npm run bench:peers` installed it into bench/peers/node_modules.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import { SkipError, type Contender } from '../scenarios/scenario.js';
import { FIXED_JSON_CHECK } from './checks.js';

export const fastGateway: Contender = {
  id: 'fast-gateway',
  label: 'fast-gateway',
  async start(env) {
    if (!existsSync(join(peersDir, 'node_modules', 'fast-gateway'))) {
      throw new SkipError('fast-gateway not installed (run `npm run bench:peers`)');
    }
    const backend = await env.backendOrigin();
    const server = await env.startBenchServer('fast-gateway', 'fast-gateway-server.js', [backend], env.placement.server);
    return { url: `${server.origin}/proxy/items`, pid: server.process.pid, check: FIXED_JSON_CHECK };
  },
};
