// Start-up time: from spawn to the first HTTP answer, median of --repeat starts, each with a fresh
// data dir. References: a bare node:http server (the floor for any Node process) and
// serverless-offline (its default mode), started the same way in the same run.

import { nodeHttp } from '../contenders/bench-servers.js';
import { serverlessOffline } from '../contenders/serverless-offline.js';
import { firstLine, type ScenarioEnv } from '../harness/scenario-env.js';
import { median } from '../measure/median.js';
import { startPortico } from '../portico/start-portico.js';
import type { TimedMeasurement, TimedScenario } from './scenario.js';

/** Median of `repeat` timed starts; each start runs in its own process scope, stopped at once. */
async function timeStarts(env: ScenarioEnv, start: (scoped: ScenarioEnv) => Promise<unknown>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < env.options.repeat; i++) {
    const scoped = env.withScope();
    const started = performance.now();
    try {
      await start(scoped);
      samples.push(performance.now() - started);
    } finally {
      await scoped.processes.stopAll();
    }
  }
  return median(samples) ?? Number.NaN;
}

async function attempt(label: string, measure: () => Promise<number>): Promise<{ label: string; value: number | undefined; skipped?: string }> {
  try {
    return { label, value: await measure() };
  } catch (error) {
    return { label, value: undefined, skipped: firstLine(error) };
  }
}

export const startup: TimedScenario = {
  kind: 'timed',
  name: 'startup',
  title: 'start-up time (spawn to first HTTP answer)',
  async run(env): Promise<TimedMeasurement[]> {
    const nodeReference = await attempt('bare node:http', () => timeStarts(env, (scoped) => nodeHttp.start(scoped)));
    const slsReference = await attempt('serverless-offline', () => timeStarts(env, (scoped) => serverlessOffline('worker', 'hello').start(scoped)));
    if (!env.porticoBuild.ok) {
      return [{ label: 'Portico start-up, empty data dir', value: undefined, unit: 'ms', lowerIsBetter: true, skipped: env.porticoBuild.reason, references: [nodeReference, slsReference] }];
    }
    const portico = await attempt('Portico', () => timeStarts(env, (scoped) => startPortico(scoped.processes, env.placement.server, scoped.newDataDir())));
    return [
      {
        label: 'Portico start-up, empty data dir',
        value: portico.value,
        unit: 'ms',
        lowerIsBetter: true,
        ...(portico.skipped === undefined ? {} : { skipped: portico.skipped }),
        references: [nodeReference, slsReference],
      },
    ];
  },
};
