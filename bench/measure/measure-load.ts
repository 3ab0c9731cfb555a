// Runs one load scenario: start its contenders (Portico with the scenario's API, the baseline, the
// peers) side by side, check each answers right, warm each up, then measure them in interleaved
// rounds (order rotating) so drift on a shared machine hits all alike. Each measurement starts once
// every contender has finished the previous one's leftover work, and runs with the other contenders
// paused. Reports medians.

import type { ManagedProcess } from '../harness/process-group.js';
import { describeError, firstLine, type ScenarioEnv } from '../harness/scenario-env.js';
import { readTreeCpuTicks, readTreePeakRss, readTreeRss } from '../harness/proc-stats.js';
import { pauseGroups } from '../harness/pause-groups.js';
import { waitForQuiet } from '../harness/wait-for-quiet.js';
import type { LoadGenerator, LoadResult } from '../load/load-generator.js';
import { porticoContender } from '../contenders/portico.js';
import { SkipError, type Contender, type ContenderRole, type LoadScenario, type RunningContender } from '../scenarios/scenario.js';
import { median } from './median.js';
import { verifyTarget } from './verify-target.js';

const SETTLE_LIMIT_MS = 15_000;
const SETTLE_LOG_MS = 500;

export interface RunSample extends LoadResult {
  cpuMicrosPerRequest: number | undefined;
}

export interface LoadSummary {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  cpuMicrosPerRequest: number | undefined;
  peakRssBytes: number | undefined;
  /** RSS after the last measured round minus RSS after the first (undefined with one round). */
  rssGrowthBytes: number | undefined;
  /** Requests served between those two readings. */
  growthRequests: number;
}

export interface ContenderResult {
  role: ContenderRole;
  id: string;
  label: string;
  status: 'measured' | 'skipped' | 'failed';
  reason?: string;
  runs: RunSample[];
  summary?: LoadSummary;
}

interface Entry {
  role: ContenderRole;
  contender: Contender;
  result: ContenderResult;
  running?: RunningContender;
  /** The process tree's RSS after the first measured round. */
  rssAfterFirstRound?: number;
}

export async function measureLoadScenario(
  scenario: LoadScenario,
  env: ScenarioEnv,
  loadGenerator: LoadGenerator,
  clockTicksPerSecond: number,
): Promise<ContenderResult[]> {
  const subject = porticoContender('portico', `Portico: ${scenario.title}`, (portico, scenarioEnv) => scenario.setup(portico, scenarioEnv));
  const entries: Entry[] = [
    entry('subject', subject),
    entry('baseline', scenario.baseline),
    ...scenario.peers.map((peer) => entry('peer', peer)),
    ...(scenario.references ?? []).map((reference) => entry('reference', reference)),
  ];
  for (const item of entries) await startAndVerify(item, env);

  const live = (): Entry[] => entries.filter((item) => item.running !== undefined && item.result.status === 'measured');
  const { options } = env;
  if (options.warmupSeconds > 0) {
    for (const item of live()) await drive(item, options.warmupSeconds, false);
  }
  for (let round = 0; round < options.repeat; round++) {
    const order = live();
    const shift = order.length === 0 ? 0 : round % order.length;
    for (const item of [...order.slice(shift), ...order.slice(0, shift)]) await drive(item, options.durationSeconds, true);
  }
  for (const item of entries) summarize(item);
  return entries.map((item) => item.result);

  async function drive(item: Entry, seconds: number, record: boolean): Promise<void> {
    const running = item.running as RunningContender;
    await settle();
    // Contenders served by the same Portico process (one API each) share its pid: never paused.
    const others = new Set(live().map((other) => (other.running as RunningContender).pid));
    others.delete(running.pid);
    const resume = pauseGroups([...others]);
    const ticksBefore = readTreeCpuTicks(running.pid);
    try {
      const result = await loadGenerator.run({
        url: running.url,
        connections: options.connections,
        durationSeconds: seconds,
        headers: running.headers ?? {},
        core: env.placement.loadGenerator,
      });
      const ticks = readTreeCpuTicks(running.pid) - ticksBefore;
      const cpuMicrosPerRequest = result.requests > 0 ? (ticks / clockTicksPerSecond / result.requests) * 1e6 : undefined;
      if (record) {
        item.result.runs.push({ ...result, cpuMicrosPerRequest });
        if (item.result.runs.length === 1) item.rssAfterFirstRound = readTreeRss(running.pid);
      }
      env.log(`  ${record ? 'measured' : 'warmed up'} ${item.contender.label}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms.toFixed(2)} ms, ${result.errors} errors`);
    } catch (error) {
      item.result.status = 'failed';
      item.result.reason = describeLoadFailure(error, env.processes.byPid(running.pid));
      env.log(`  ${item.contender.label} failed under load: ${item.result.reason}`);
    } finally {
      resume();
    }
  }

  /** Leftover work of the contender measured before (a backlog, GC) must not land on this one. */
  async function settle(): Promise<void> {
    const pids = live().map((item) => (item.running as RunningContender).pid);
    const { waitedMs, quiet } = await waitForQuiet(pids, SETTLE_LIMIT_MS);
    if (!quiet) env.log(`  servers still busy after ${Math.round(waitedMs)} ms; measuring anyway`);
    else if (waitedMs > SETTLE_LOG_MS) env.log(`  waited ${Math.round(waitedMs)} ms for the servers to go quiet`);
  }

  function summarize(item: Entry): void {
    const runs = item.result.runs;
    if (item.result.status !== 'measured' || runs.length === 0 || item.running === undefined) return;
    const cpu = runs.map((run) => run.cpuMicrosPerRequest).filter((value): value is number => value !== undefined);
    item.result.summary = {
      requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)) ?? 0,
      p50Ms: median(runs.map((run) => run.p50Ms)) ?? 0,
      p99Ms: median(runs.map((run) => run.p99Ms)) ?? 0,
      errors: median(runs.map((run) => run.errors)) ?? 0,
      cpuMicrosPerRequest: median(cpu),
      peakRssBytes: readTreePeakRss(item.running.pid) || undefined,
      rssGrowthBytes: runs.length > 1 && item.rssAfterFirstRound !== undefined ? readTreeRss(item.running.pid) - item.rssAfterFirstRound : undefined,
      growthRequests: runs.slice(1).reduce((sum, run) => sum + run.requests, 0),
    };
  }
}

/** Why a measurement failed: the server died (with its last words), or what the load generator said. */
function describeLoadFailure(error: unknown, server: ManagedProcess | undefined): string {
  const lastLines = (text: string): string => text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
  if (server?.hasExited() === true) return `the server exited under load: ${lastLines(server.recentOutput())}`;
  return describeError(error);
}

function entry(role: ContenderRole, contender: Contender): Entry {
  return { role, contender, result: { role, id: contender.id, label: contender.label, status: 'measured', runs: [] } };
}

async function startAndVerify(item: Entry, env: ScenarioEnv): Promise<void> {
  try {
    const running = await item.contender.start(env);
    const problem = await verifyTarget(running);
    if (problem !== undefined) {
      const feature = running.feature ?? item.contender.label;
      throw item.role === 'subject' ? new SkipError(`${feature} not built yet (${problem})`) : new Error(problem);
    }
    item.running = running;
    env.log(`  started ${item.contender.label}: ${running.url}`);
  } catch (error) {
    item.result.status = error instanceof SkipError ? 'skipped' : 'failed';
    item.result.reason = firstLine(error);
    env.log(`  ${item.result.status}: ${item.contender.label}: ${item.result.reason}`);
  }
}
