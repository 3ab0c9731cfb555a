// `npm run bench`: builds Portico, finds the load generator, runs each scenario (Portico, its
// baseline and its peers side by side), prints the tables and targets, and saves JSON and markdown
// under bench/results/. Every process it starts is stopped at the end, on errors and on Ctrl-C.

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { USAGE, parseRunOptions, type RunOptions } from './cli/args.js';
import { choosePlacement } from './harness/placement.js';
import { readClockTicksPerSecond } from './harness/proc-stats.js';
import { ProcessGroup } from './harness/process-group.js';
import { ScenarioEnv, firstLine } from './harness/scenario-env.js';
import { findLoadGenerator } from './load/find-load-generator.js';
import { measureLoadScenario } from './measure/measure-load.js';
import { buildPortico } from './portico/build-portico.js';
import { renderReport } from './report/render-report.js';
import type { RunResults, ScenarioResult } from './report/results.js';
import { judgeTargets, notRunTargets } from './report/targets.js';
import { writeResults } from './report/write-results.js';
import { SCENARIOS } from './scenarios/index.js';
import { SkipError, type Scenario } from './scenarios/scenario.js';

const SCENARIO_TIME_LIMIT_MS = 6 * 60_000;
const log = (line: string): void => void process.stderr.write(`${line}\n`);

function selectScenarios(options: RunOptions): Scenario[] {
  if (options.scenarios.length === 0) return [...SCENARIOS];
  const unknown = options.scenarios.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) throw new Error(`unknown scenario: ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})`);
  return SCENARIOS.filter((scenario) => options.scenarios.includes(scenario.name));
}

async function main(): Promise<number> {
  const options = parseRunOptions(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  if (options.list) {
    for (const scenario of SCENARIOS) console.log(`${scenario.name.padEnd(14)} ${scenario.title}`);
    return 0;
  }
  const selected = selectScenarios(options);
  const placement = choosePlacement(options.backendCore);
  const root = new ProcessGroup(placement.tasksetPath);
  const tmpRoot = mkdtempSync(join(tmpdir(), 'portico-bench-'));
  const cleanUpNow = (): void => {
    root.killAllNow();
    rmSync(tmpRoot, { recursive: true, force: true });
  };
  process.on('exit', cleanUpNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      log(`\n${signal}: stopping every process the benchmark started`);
      void root.stopAll().finally(() => process.exit(130));
    });
  }

  const startedAt = new Date().toISOString();
  if (!options.skipBuild) log('building Portico (npm run build)...');
  const porticoBuild = buildPortico(options.skipBuild);
  if (!porticoBuild.ok) log(`Portico is not runnable: ${porticoBuild.reason}; measuring baselines and peers only`);
  const loadGenerator = findLoadGenerator(root, log);
  if (loadGenerator.warning !== undefined) log(`warning: ${loadGenerator.warning}`);
  log(`placement: ${placement.describe()}`);
  const clockTicks = readClockTicksPerSecond();

  const scenarios: ScenarioResult[] = [];
  try {
    for (const scenario of selected) {
      log(`\nscenario ${scenario.name}: ${scenario.title}`);
      const env = new ScenarioEnv(root.scope(), placement, options, porticoBuild, tmpRoot, log);
      try {
        scenarios.push(await withTimeLimit(runScenario(scenario, env, loadGenerator, clockTicks), scenario.name, () => env.processes.stopAll()));
      } catch (error) {
        log(`  scenario ${scenario.name} failed: ${firstLine(error)}`);
        scenarios.push(failedScenario(scenario, error));
      } finally {
        await env.processes.stopAll();
      }
    }
  } finally {
    await root.stopAll();
  }
  for (const scenario of SCENARIOS) {
    if (scenario.kind === 'load' && !selected.includes(scenario) && options.scenarios.length === 0) scenarios.push({ kind: 'load', name: scenario.name, title: scenario.title, contenders: [], targets: notRunTargets(scenario) });
  }

  const results: RunResults = {
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown CPU',
      node: process.versions.node,
      loadGenerator: loadGenerator.name,
      ...(loadGenerator.warning === undefined ? {} : { loadGeneratorWarning: loadGenerator.warning }),
      placement: placement.describe(),
    },
    options,
    porticoBuild: porticoBuild.ok ? 'ok' : porticoBuild.reason,
    scenarios,
  };
  process.stdout.write(`\n${renderReport(results, 'text')}`);
  log(`\nresults: ${writeResults(results)} (and .md beside it)`);
  return 0;
}

async function runScenario(
  scenario: Scenario,
  env: ScenarioEnv,
  loadGenerator: ReturnType<typeof findLoadGenerator>,
  clockTicks: number,
): Promise<ScenarioResult> {
  if (scenario.kind === 'load') {
    const contenders = await measureLoadScenario(scenario, env, loadGenerator, clockTicks);
    return { kind: 'load', name: scenario.name, title: scenario.title, contenders, targets: judgeTargets(scenario, contenders, env.options.connections) };
  }
  try {
    return { kind: 'timed', name: scenario.name, title: scenario.title, measurements: await scenario.run(env) };
  } catch (error) {
    if (!(error instanceof SkipError)) throw error;
    log(`  skipped: ${error.message}`);
    return { kind: 'timed', name: scenario.name, title: scenario.title, measurements: [], skipped: error.message };
  }
}

function failedScenario(scenario: Scenario, error: unknown): ScenarioResult {
  if (scenario.kind === 'timed') return { kind: 'timed', name: scenario.name, title: scenario.title, measurements: [], skipped: `failed: ${firstLine(error)}` };
  const reason = `scenario failed: ${firstLine(error)}`;
  return {
    kind: 'load',
    name: scenario.name,
    title: scenario.title,
    contenders: [{ role: 'subject', id: 'portico', label: `Portico: ${scenario.title}`, status: 'failed', reason, runs: [] }],
    targets: scenario.targets.map((target) => ({ scenario: scenario.name, label: target.label, status: 'skipped', detail: `skipped (${reason})` })),
  };
}

/** Bounds a scenario in time: past the limit its processes are stopped and it fails. */
async function withTimeLimit<T>(work: Promise<T>, name: string, stop: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} exceeded ${SCENARIO_TIME_LIMIT_MS / 60_000} minutes`));
    }, SCENARIO_TIME_LIMIT_MS);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
