// Routing cost: the same HTTP_PROXY GET in an API of 10,000 resources (100 parents x 99 children
// plus the parents) versus one of 10 (1 + 9), both in the same Portico. The 10-resource API is the
// baseline; no peers. Methods go on one child per parent and on the measured leaf (setup time).

import { FIXED_JSON_CHECK } from '../contenders/checks.js';
import { porticoContender } from '../contenders/portico.js';
import type { ScenarioEnv } from '../harness/scenario-env.js';
import { createResourceTree, createRestApi, deploy, inBatches, putHttpProxyGet, requireFeature, STAGE } from '../portico/management.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import type { LoadScenario, LoadTarget } from './scenario.js';

async function setupTree(portico: PorticoHandle, env: ScenarioEnv, parents: number, children: number): Promise<LoadTarget> {
  const backend = await env.backendOrigin();
  const total = parents * (children + 1);
  return requireFeature('HTTP_PROXY integration', async () => {
    const started = performance.now();
    const api = await createRestApi(portico.apigateway, `bench-routing-${total}`);
    const leaves = await createResourceTree(portico.apigateway, api, parents, children);
    const createdMs = performance.now() - started;
    const measured = leaves[Math.floor(leaves.length / 2) + Math.floor(children / 2)] ?? leaves[0];
    if (measured === undefined) throw new Error('no leaf resource');
    const withMethods = [...new Set([...leaves.filter((_, i) => i % children === 0), measured])];
    await inBatches(withMethods, (leaf) => putHttpProxyGet(portico.apigateway, api.id, leaf.id, `${backend}/items`));
    const deployMs = await deploy(portico.apigateway, api.id);
    env.log(`  created ${total} resources in ${(createdMs / 1000).toFixed(1)} s, ${withMethods.length} methods, deploy ${deployMs.toFixed(0)} ms`);
    return { url: portico.invokeUrl(api.id, STAGE, measured.path), check: FIXED_JSON_CHECK, feature: 'HTTP_PROXY integration' };
  });
}

export const routing: LoadScenario = {
  kind: 'load',
  name: 'routing',
  title: 'HTTP_PROXY in an API of 10,000 resources',
  setup: (portico, env) => setupTree(portico, env, 100, 99),
  baseline: porticoContender('portico-10-resources', 'Portico: same, API of 10 resources', (portico, env) => setupTree(portico, env, 1, 9)),
  peers: [],
  targets: [{ label: 'routing among 10,000 resources >= 0.9x among 10', against: 'baseline', metric: 'requestsPerSecond', atLeast: 0.9 }],
};
