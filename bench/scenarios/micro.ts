// Micro-benchmarks, each in a child process pinned to the server core: VTL render versus velocityjs,
// route lookup (10,000 versus 10 resources), request validation. Parts not built yet are skipped.

import { join } from 'node:path';
import { benchBuildDir } from '../harness/paths.js';
import type { TimedMeasurement, TimedScenario } from './scenario.js';

const CASES = ['vtl', 'route-lookup', 'validation'];
const MARKER = 'BENCH_JSON ';

export const micro: TimedScenario = {
  kind: 'timed',
  name: 'micro',
  title: 'micro-benchmarks',
  async run(env): Promise<TimedMeasurement[]> {
    const results: TimedMeasurement[] = [];
    for (const name of CASES) {
      const child = env.processes.spawn(`micro ${name}`, process.execPath, [join(benchBuildDir, 'micro', 'micro-runner.js'), name], { core: env.placement.server });
      let stdout = '';
      child.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const watchdog = setTimeout(() => void env.processes.stop(child), 120_000);
      const code = await child.exited;
      clearTimeout(watchdog);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(MARKER));
      if (code !== 0 || line === undefined) {
        results.push({ label: `micro ${name}`, value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped: `failed (exit ${code}): ${child.recentOutput().trim().split('\n').pop() ?? ''}` });
        continue;
      }
      results.push(...(JSON.parse(line.slice(MARKER.length)) as TimedMeasurement[]));
    }
    return results;
  },
};
