// autocannon as the fallback load generator when wrk is missing and cannot be installed. It runs
// in Node, so it needs more CPU than wrk for the same load: its numbers are lower and it warns so.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import type { ProcessGroup } from '../harness/process-group.js';
import type { LoadGenerator, LoadOptions, LoadResult } from './load-generator.js';

/** autocannon from bench/peers (npm run bench:peers), else through npx. */
export function createAutocannon(processes: ProcessGroup): LoadGenerator {
  const local = join(peersDir, 'node_modules', 'autocannon', 'autocannon.js');
  const [command, prefix] = existsSync(local) ? [process.execPath, [local]] : ['npx', ['--yes', 'autocannon']];
  return {
    name: 'autocannon',
    warning: 'wrk not available: using autocannon, which runs in Node and saturates before fast servers do; compare ratios only',
    async run(options: LoadOptions): Promise<LoadResult> {
      const args = [...prefix, '--json', '-c', String(options.connections), '-d', String(options.durationSeconds)];
      for (const [name, value] of Object.entries(options.headers)) args.push('-H', `${name}=${value}`);
      args.push(options.url);
      const run = processes.spawn('autocannon', command, args, { core: options.core });
      let stdout = '';
      run.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      const watchdog = setTimeout(() => void processes.stop(run), (options.durationSeconds + 60) * 1000);
      const code = await run.exited;
      clearTimeout(watchdog);
      const line = stdout.split('\n').find((candidate) => candidate.trim().startsWith('{'));
      if (code !== 0 || line === undefined) {
        throw new Error(`autocannon failed (exit ${code}) against ${options.url}:\n${run.recentOutput()}`);
      }
      return parseAutocannonReport(line);
    },
  };
}

function parseAutocannonReport(json: string): LoadResult {
  const report = JSON.parse(json) as {
    requests?: { total?: number };
    latency?: { p50?: number; p99?: number };
    duration?: number;
    errors?: number;
    timeouts?: number;
    non2xx?: number;
  };
  const requests = report.requests?.total ?? 0;
  const seconds = report.duration ?? 0;
  return {
    requests,
    requestsPerSecond: seconds > 0 ? requests / seconds : 0,
    p50Ms: report.latency?.p50 ?? 0,
    p99Ms: report.latency?.p99 ?? 0,
    errors: (report.errors ?? 0) + (report.timeouts ?? 0) + (report.non2xx ?? 0),
  };
}
