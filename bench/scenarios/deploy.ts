// Deploy is compile: CreateDeployment of an API with 1,000 resources (10 x 99 + 10, a GET with an
// HTTP_PROXY integration on each leaf) against one with 10; how fast CreateResource goes; and how
// long a restart takes when it must restore (recompile) the 1,000-resource stage.

import { firstLine, type ScenarioEnv } from '../harness/scenario-env.js';
import { median } from '../measure/median.js';
import { createResourceTree, createRestApi, deploy, inBatches, putHttpProxyGet, requireFeature, STAGE } from '../portico/management.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import { startPortico, type StartedPortico } from '../portico/start-portico.js';
import { SkipError, type TimedMeasurement, type TimedScenario } from './scenario.js';

interface BuiltApi {
  apiId: string;
  invokePath: string;
  createResourceOpsPerSecond: number;
}

async function buildApi(portico: PorticoHandle, backend: string, parents: number, children: number): Promise<BuiltApi> {
  const api = await createRestApi(portico.apigateway, `bench-deploy-${parents * (children + 1)}`);
  const started = performance.now();
  const leaves = await createResourceTree(portico.apigateway, api, parents, children);
  const createResourceOpsPerSecond = (parents * (children + 1)) / ((performance.now() - started) / 1000);
  await inBatches(leaves, (leaf) => putHttpProxyGet(portico.apigateway, api.id, leaf.id, `${backend}/items`));
  return { apiId: api.id, invokePath: leaves[0]?.path ?? '/', createResourceOpsPerSecond };
}

async function timeDeploys(portico: PorticoHandle, apiId: string, repeat: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) samples.push(await deploy(portico.apigateway, apiId));
  return median(samples) ?? Number.NaN;
}

/** Restarts Portico on `dataDir` and times spawn to the first successful invoke of `path`. */
async function timeRestoringStart(env: ScenarioEnv, dataDir: string, apiId: string, path: string): Promise<number> {
  const scoped = env.withScope();
  try {
    const started = performance.now();
    const portico = await startPortico(scoped.processes, env.placement.server, dataDir);
    const deadline = started + 20_000;
    let last = '';
    while (performance.now() < deadline) {
      const response = await fetch(portico.invokeUrl(apiId, STAGE, path));
      last = `${response.status} ${(await response.text()).slice(0, 80)}`;
      if (response.ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the restored stage did not answer 2xx within 20 s (last: ${last})`);
  } finally {
    await scoped.processes.stopAll();
  }
}

async function startPorticoOrSkip(scoped: ScenarioEnv): Promise<StartedPortico> {
  if (!scoped.porticoBuild.ok) throw new SkipError(`Portico not runnable: ${scoped.porticoBuild.reason}`);
  return startPortico(scoped.processes, scoped.placement.server, scoped.newDataDir());
}

export const deploy1000: TimedScenario = {
  kind: 'timed',
  name: 'deploy',
  title: 'deploying an API with 1,000 resources',
  async run(env): Promise<TimedMeasurement[]> {
    const backend = await env.backendOrigin();
    const scoped = env.withScope();
    try {
      const portico = await startPorticoOrSkip(scoped);
      const [large, small] = await requireFeature('HTTP_PROXY integration', async () => [
        await buildApi(portico, backend, 10, 99),
        await buildApi(portico, backend, 1, 9),
      ]);
      const largeMs = await requireFeature('CreateDeployment', () => timeDeploys(portico, large.apiId, env.options.repeat));
      const smallMs = await requireFeature('CreateDeployment', () => timeDeploys(portico, small.apiId, env.options.repeat));
      const emptyStartMs = portico.readyMs;
      await scoped.processes.stopAll();
      let restart: TimedMeasurement;
      try {
        const restoreMs = await timeRestoringStart(env, portico.dataDir, large.apiId, large.invokePath);
        restart = { label: 'restart to first invoke, 1,000-resource stage', value: restoreMs, unit: 'ms', lowerIsBetter: true, references: [{ label: 'start-up, empty data dir', value: emptyStartMs }] };
      } catch (error) {
        restart = { label: 'restart to first invoke, 1,000-resource stage', value: undefined, unit: 'ms', lowerIsBetter: true, skipped: firstLine(error) };
      }
      return [
        { label: 'CreateDeployment, 1,000 resources (compile)', value: largeMs, unit: 'ms', lowerIsBetter: true, references: [{ label: '10 resources', value: smallMs }] },
        { label: 'CreateResource rate (batches of 16)', value: large.createResourceOpsPerSecond, unit: 'ops/s', lowerIsBetter: false },
        restart,
      ];
    } finally {
      await scoped.processes.stopAll();
    }
  },
};
