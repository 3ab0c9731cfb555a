// The targets, judged from ratios measured side by side in this run: met, missed by X%, or
// skipped (why). A target whose scenario was not run is listed as skipped too.

import type { ContenderResult } from '../measure/measure-load.js';
import type { LoadScenario } from '../scenarios/scenario.js';
import { formatRatio } from './format.js';
import type { TargetOutcome } from './results.js';

export function judgeTargets(scenario: LoadScenario, contenders: readonly ContenderResult[], connections: number): TargetOutcome[] {
  const subject = contenders.find((c) => c.role === 'subject');
  return scenario.targets.map((target) => {
    const other = contenders.find((c) => (target.against === 'baseline' ? c.role === 'baseline' : c.role === 'peer' && c.id === target.against));
    const skip = (why: string): TargetOutcome => ({ scenario: scenario.name, label: target.label, status: 'skipped', detail: `skipped (${why})` });
    if (target.connections !== undefined && target.connections !== connections) {
      return skip(`measured at ${connections} connections; the target is for ${target.connections}`);
    }
    if (subject?.summary === undefined) return skip(`Portico: ${subject?.reason ?? 'not measured'}`);
    if (other?.summary === undefined) return skip(`${other?.label ?? target.against}: ${other?.reason ?? 'not measured'}`);
    const mine = subject.summary[target.metric];
    const theirs = other.summary[target.metric];
    if (theirs <= 0) return skip(`${other.label} measured 0`);
    const ratio = mine / theirs;
    if (target.atLeast !== undefined && ratio < target.atLeast) {
      return { scenario: scenario.name, label: target.label, status: 'missed', ratio, detail: `missed by ${percent((target.atLeast - ratio) / target.atLeast)} (${formatRatio(ratio)})` };
    }
    if (target.atMost !== undefined && ratio > target.atMost) {
      return { scenario: scenario.name, label: target.label, status: 'missed', ratio, detail: `missed by ${percent((ratio - target.atMost) / target.atMost)} (${formatRatio(ratio)})` };
    }
    return { scenario: scenario.name, label: target.label, status: 'met', ratio, detail: `met (${formatRatio(ratio)})` };
  });
}

export function notRunTargets(scenario: LoadScenario): TargetOutcome[] {
  return scenario.targets.map((target) => ({ scenario: scenario.name, label: target.label, status: 'skipped', detail: 'skipped (scenario not run: --scenario)' }));
}

function percent(fraction: number): string {
  return `${Math.max(1, Math.round(fraction * 100))}%`;
}
