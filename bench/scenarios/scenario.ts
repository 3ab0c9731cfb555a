// The shape of a benchmark scenario. A load scenario sets Portico up through the management API
// (`setup(portico)` returns the invoke `url`), names its `baseline` (the physical limit) and its
// `peers`, and the ratio `targets` it must meet. A timed scenario measures durations or op rates.

import type { PorticoHandle } from '../portico/portico-handle.js';
import type { ScenarioEnv } from '../harness/scenario-env.js';

/** A scenario (or one contender of it) that cannot run here; the reason is printed, never faked. */
export class SkipError extends Error {
  override readonly name = 'SkipError';
}

/** What the load generator drives, and how to tell a right answer from a wrong one. */
export interface LoadTarget {
  url: string;
  headers?: Readonly<Record<string, string>>;
  /** Checked once before load: returns what is wrong with a response, or undefined when right. */
  check?: (status: number, body: string) => string | undefined;
  /** Named in the skip reason when the check fails, e.g. 'MOCK integration'. */
  feature?: string;
}

export interface RunningContender extends LoadTarget {
  /** The process whose CPU time and peak RSS are charged to this contender. */
  pid: number;
}

export type PeerId = 'fast-gateway' | 'sls-offline' | 'sls-offline-in-process';
export type ContenderRole = 'subject' | 'baseline' | 'peer' | 'reference';

export interface Contender {
  /** Stable key in the JSON results: 'portico', 'node-http', 'undici-proxy', or a PeerId. */
  id: string;
  label: string;
  start(env: ScenarioEnv): Promise<RunningContender>;
}

export interface RatioTarget {
  /** Printed in the targets section, e.g. 'HTTP_PROXY >= 0.9x undici proxy'. */
  label: string;
  against: 'baseline' | PeerId;
  metric: 'requestsPerSecond' | 'p99Ms';
  /** Met when subject/other >= atLeast (throughput targets). */
  atLeast?: number;
  /** Met when subject/other <= atMost (latency targets). */
  atMost?: number;
  /** Only meaningful at this connection count; other counts mark the target skipped. */
  connections?: number;
}

/**
 * Portico's process tree (gateway and workers) must not grow under load: its RSS after the last
 * measured round minus its RSS after the first, over at least `minRequests` requests in between.
 */
export interface MemoryTarget {
  label: string;
  metric: 'rssGrowthMb';
  /** Met when the growth is at most this many MB. */
  atMost: number;
  /** Fewer requests after the first round (short or single rounds) mark the target skipped. */
  minRequests: number;
}

export interface LoadScenario {
  kind: 'load';
  name: string;
  title: string;
  /** Creates the API through the management API and returns what to drive; throws SkipError. */
  setup(portico: PorticoHandle, env: ScenarioEnv): Promise<LoadTarget>;
  baseline: Contender;
  peers: readonly Contender[];
  /** Other servers worth a ratio that are neither the limit nor a peer (the backend called directly). */
  references?: readonly Contender[];
  targets: readonly (RatioTarget | MemoryTarget)[];
}

export interface TimedMeasurement {
  label: string;
  value: number | undefined;
  unit: 'ms' | 'ops/s' | 's';
  /** References measured in the same run; ratios are printed against each. */
  references?: Array<{ label: string; value: number | undefined; skipped?: string }>;
  /** Whether lower values are better (durations) or higher (rates). */
  lowerIsBetter: boolean;
  skipped?: string;
  note?: string;
}

export interface TimedScenario {
  kind: 'timed';
  name: string;
  title: string;
  run(env: ScenarioEnv): Promise<TimedMeasurement[]>;
}

export type Scenario = LoadScenario | TimedScenario;
