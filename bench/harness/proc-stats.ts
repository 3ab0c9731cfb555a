// What a server costs, read from Linux's /proc: CPU time (utime + stime from /proc/<pid>/stat) and
// peak resident memory (VmHWM from /proc/<pid>/status), summed over the process and its descendants
// (worker processes a server forks count as its cost; worker threads are already inside its pid).

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessStat {
  ppid: number;
  /** utime + stime, in clock ticks. */
  cpuTicks: number;
}

/** Clock ticks per second (USER_HZ), from `getconf CLK_TCK`; 100 on practically every Linux. */
export function readClockTicksPerSecond(): number {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
}

export function readProcessStat(pid: number): ProcessStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return { ppid, cpuTicks: utime + stime };
}

/** `pid` and every live descendant of it. */
export function listProcessTree(pid: number): number[] {
  const childrenOf = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const candidate = Number(entry);
    if (!Number.isInteger(candidate)) continue;
    const stat = readProcessStat(candidate);
    if (stat === undefined) continue;
    const siblings = childrenOf.get(stat.ppid) ?? [];
    siblings.push(candidate);
    childrenOf.set(stat.ppid, siblings);
  }
  const tree: number[] = [];
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop() as number;
    tree.push(next);
    pending.push(...(childrenOf.get(next) ?? []));
  }
  return tree;
}

/** CPU ticks used so far by `pid` and its live descendants. */
export function readTreeCpuTicks(pid: number): number {
  let total = 0;
  for (const member of listProcessTree(pid)) total += readProcessStat(member)?.cpuTicks ?? 0;
  return total;
}

/** Peak resident set size (VmHWM) in bytes, summed over `pid` and its live descendants. */
export function readTreePeakRss(pid: number): number {
  let total = 0;
  for (const member of listProcessTree(pid)) total += readPeakRss(member) ?? 0;
  return total;
}

/** Resident set size now (VmRSS) in bytes, summed over `pid` and its live descendants. */
export function readTreeRss(pid: number): number {
  let total = 0;
  for (const member of listProcessTree(pid)) total += readStatusKb(member, /^VmRSS:\s+(\d+)\s+kB/m) ?? 0;
  return total * 1024;
}

function readStatusKb(pid: number, field: RegExp): number | undefined {
  try {
    const match = field.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

function readPeakRss(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}
