// Baseline contenders built from bench/servers: the bare node:http server answering a fixed JSON
// (the limit for MOCK, and the backend called directly) and the minimal undici keep-alive proxy in
// front of the backend (the limit for HTTP_PROXY). Both run on the server core.

import type { Contender } from '../scenarios/scenario.js';
import { FIXED_JSON_CHECK } from './checks.js';

export const nodeHttp: Contender = {
  id: 'node-http',
  label: 'bare node:http (fixed JSON)',
  async start(env) {
    const server = await env.startBenchServer('node-http', 'fixed-json-server.js', [], env.placement.server);
    return { url: `${server.origin}/items`, pid: server.process.pid, check: FIXED_JSON_CHECK };
  },
};

/** The backend itself as the server under test: what a proxy would reach with zero overhead. */
export const backendDirect: Contender = {
  ...nodeHttp,
  id: 'backend-direct',
  label: 'backend called directly',
};

export const undiciProxy: Contender = {
  id: 'undici-proxy',
  label: 'minimal undici proxy',
  async start(env) {
    const backend = await env.backendOrigin();
    const server = await env.startBenchServer('undici-proxy', 'undici-proxy-server.js', [backend], env.placement.server);
    return { url: `${server.origin}/items`, pid: server.process.pid, check: FIXED_JSON_CHECK };
  },
};
