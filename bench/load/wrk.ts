// wrk as the load generator: one thread, N keep-alive connections, a Lua `done` hook that prints
// the summary as JSON (bench/load/wrk-report.lua). Runs under the ProcessGroup like every server.

import { join } from 'node:path';
import { benchSourceDir } from '../harness/paths.js';
import type { ProcessGroup } from '../harness/process-group.js';
import type { LoadGenerator, LoadOptions, LoadResult } from './load-generator.js';

const REPORT_SCRIPT = join(benchSourceDir, 'load', 'wrk-report.lua');
const MARKER = 'BENCH_JSON ';

export function createWrk(wrkPath: string, processes: ProcessGroup): LoadGenerator {
  return {
    name: 'wrk',
    warning: undefined,
    async run(options: LoadOptions): Promise<LoadResult> {
      const args = ['-t1', `-c${options.connections}`, `-d${options.durationSeconds}s`, '--timeout', '5s', '-s', REPORT_SCRIPT];
      for (const [name, value] of Object.entries(options.headers)) args.push('-H', `${name}: ${value}`);
      args.push(options.url);
      const wrk = processes.spawn('wrk', wrkPath, args, { core: options.core });
      let stdout = '';
      wrk.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const watchdog = setTimeout(() => void processes.stop(wrk), (options.durationSeconds + 15) * 1000);
      const code = await wrk.exited;
      clearTimeout(watchdog);
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(MARKER));
      if (code !== 0 || line === undefined) {
        throw new Error(`wrk failed (exit ${code}) against ${options.url}:\n${wrk.recentOutput()}`);
      }
      return parseWrkReport(line.slice(MARKER.length));
    },
  };
}

export function parseWrkReport(json: string): LoadResult {
  const report = JSON.parse(json) as Record<string, number>;
  const num = (key: string): number => {
    const value = report[key];
    if (typeof value !== 'number') throw new Error(`wrk report lacks ${key}: ${json}`);
    return value;
  };
  const seconds = num('duration_us') / 1e6;
  return {
    requests: num('requests'),
    requestsPerSecond: seconds > 0 ? num('requests') / seconds : 0,
    p50Ms: num('p50_us') / 1000,
    p99Ms: num('p99_us') / 1000,
    errors: num('connect') + num('read') + num('write') + num('status') + num('timeout'),
  };
}
