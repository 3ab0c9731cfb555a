// The results of one run, as written to bench/results/<time>.json and rendered as tables.

import type { RunOptions } from '../cli/args.js';
import type { ContenderResult } from '../measure/measure-load.js';
import type { TimedMeasurement } from '../scenarios/scenario.js';

export interface TargetOutcome {
  scenario: string;
  label: string;
  status: 'met' | 'missed' | 'skipped';
  /** subject / other, for the target's metric. */
  ratio?: number;
  /** Human-readable: 'met (1.12x)', 'missed by 23% (0.69x)', 'skipped (why)'. */
  detail: string;
}

export interface LoadScenarioResult {
  kind: 'load';
  name: string;
  title: string;
  contenders: ContenderResult[];
  targets: TargetOutcome[];
}

export interface TimedScenarioResult {
  kind: 'timed';
  name: string;
  title: string;
  measurements: TimedMeasurement[];
  skipped?: string;
}

export type ScenarioResult = LoadScenarioResult | TimedScenarioResult;

export interface RunResults {
  startedAt: string;
  finishedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; loadGenerator: string; loadGeneratorWarning?: string; placement: string };
  options: RunOptions;
  porticoBuild: string;
  scenarios: ScenarioResult[];
}
