// HTTP_PROXY: GET /items proxied to the backend. Baseline: the minimal undici keep-alive proxy in
// front of the same backend. Peers: fast-gateway and serverless-offline's HTTP proxy resource.
// Reference: the backend program called directly (on the server core), the ceiling of any proxy.

import { fastGateway } from '../contenders/fast-gateway.js';
import { FIXED_JSON_CHECK } from '../contenders/checks.js';
import { backendDirect, undiciProxy } from '../contenders/bench-servers.js';
import { serverlessOffline } from '../contenders/serverless-offline.js';
import { createResource, createRestApi, deploy, putHttpProxyGet, requireFeature, STAGE } from '../portico/management.js';
import type { LoadScenario } from './scenario.js';

export const httpProxy: LoadScenario = {
  kind: 'load',
  name: 'http-proxy',
  title: 'HTTP_PROXY',
  async setup(portico, env) {
    const backend = await env.backendOrigin();
    return requireFeature('HTTP_PROXY integration', async () => {
      const api = await createRestApi(portico.apigateway, 'bench-http-proxy');
      const items = await createResource(portico.apigateway, api.id, api.rootId, '/', 'items');
      await putHttpProxyGet(portico.apigateway, api.id, items.id, `${backend}/items`);
      await deploy(portico.apigateway, api.id);
      return { url: portico.invokeUrl(api.id, STAGE, '/items'), check: FIXED_JSON_CHECK, feature: 'HTTP_PROXY integration' };
    });
  },
  baseline: undiciProxy,
  peers: [fastGateway, serverlessOffline('worker', 'proxy')],
  references: [backendDirect],
  targets: [
    { label: 'HTTP_PROXY >= 0.9x the minimal undici proxy', against: 'baseline', metric: 'requestsPerSecond', atLeast: 0.9 },
    { label: 'HTTP_PROXY >= 1.3x fast-gateway', against: 'fast-gateway', metric: 'requestsPerSecond', atLeast: 1.3 },
  ],
};
