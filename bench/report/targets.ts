// The targets, judged from ratios measured side by side in this run (and, for memory, from
// Portico's own growth across its rounds): met, missed by X%, or skipped (why). A target whose scenario was not run is listed as skipped too.

import type { ContenderResult } from '../measure/measure-load.js';
import type { LoadScenario, MemoryTarget } from '../scenarios/scenario.js';
import { formatRatio } from './format.js';
import type { TargetOutcome } from './results.js';

export function judgeTargets(scenario: LoadScenario, contenders: readonly ContenderResult[], connections: number): TargetOutcome[] {
  const subject = contenders.find((c) => c.role === 'subject');
  return scenario.targets.map((target) => {
    if (target.metric === 'rssGrowthMb') return judgeMemory(scenario, target, subject);
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

/** An absolute target on Portico alone: how much its process tree grew between the first and last round. */
function judgeMemory(scenario: LoadScenario, target: MemoryTarget, subject: ContenderResult | undefined): TargetOutcome {
  const summary = subject?.summary;
  const outcome = (status: TargetOutcome['status'], detail: string): TargetOutcome => ({ scenario: scenario.name, label: target.label, status, detail });
  if (summary === undefined) return outcome('skipped', `skipped (Portico: ${subject?.reason ?? 'not measured'})`);
  if (summary.rssGrowthBytes === undefined || summary.growthRequests < target.minRequests) {
    return outcome('skipped', `skipped (${summary.growthRequests.toLocaleString('en-US')} requests after the first round; the target needs ${target.minRequests.toLocaleString('en-US')})`);
  }
  const growthMb = summary.rssGrowthBytes / (1024 * 1024);
  const measured = `${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(1)} MB over ${summary.growthRequests.toLocaleString('en-US')} requests`;
  if (growthMb > target.atMost) return outcome('missed', `missed (${measured})`);
  return outcome('met', `met (${measured})`);
}

export function notRunTargets(scenario: LoadScenario): TargetOutcome[] {
  return scenario.targets.map((target) => ({ scenario: scenario.name, label: target.label, status: 'skipped', detail: 'skipped (scenario not run: --scenario)' }));
}

function percent(fraction: number): string {
  return `${Math.max(1, Math.round(fraction * 100))}%`;
}
