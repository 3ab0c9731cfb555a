// The main table: per load scenario, Portico's row with its ratios to the baseline and to each peer,
// then the baseline's and the peers' own rows; notes say why a row was skipped or failed.

import type { ContenderResult } from '../measure/measure-load.js';
import { DASH, formatFixed, formatInteger, formatMegabytes, formatRatio } from './format.js';
import type { LoadScenarioResult } from './results.js';
import type { Row } from './table-layout.js';

const PEER_HEADINGS: Record<string, string> = {
  'fast-gateway': 'vs fast-gateway',
  'sls-offline': 'vs sls-offline',
  'sls-offline-in-process': 'vs sls-offline in-proc',
  'backend-direct': 'vs backend direct',
};

export interface TableModel {
  header: Row;
  rows: Row[];
  rightAligned: ReadonlySet<number>;
  notes: string[];
}

export function buildLoadTable(results: readonly LoadScenarioResult[]): TableModel {
  const isCompared = (c: ContenderResult): boolean => c.role === 'peer' || c.role === 'reference';
  const order = Object.keys(PEER_HEADINGS);
  const rank = (id: string): number => (order.includes(id) ? order.indexOf(id) : order.length);
  const peerIds = [...new Set(results.flatMap((result) => result.contenders.filter(isCompared).map((c) => c.id)))].sort((a, b) => rank(a) - rank(b));
  const header = ['scenario', 'server', 'req/s', 'vs baseline', ...peerIds.map((id) => PEER_HEADINGS[id] ?? `vs ${id}`), 'p50 ms', 'p99 ms', 'errors', 'CPU µs/req', 'RSS MB'];
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const result of results) {
    const subject = result.contenders.find((c) => c.role === 'subject');
    const baseline = result.contenders.find((c) => c.role === 'baseline');
    for (const contender of result.contenders) {
      const isSubject = contender.role === 'subject';
      const ratios = isSubject
        ? [ratio(subject, baseline), ...peerIds.map((id) => ratio(subject, result.contenders.find((c) => isCompared(c) && c.id === id)))]
        : Array.from({ length: peerIds.length + 1 }, () => '');
      const name = isSubject ? result.name : '';
      const label = isSubject ? 'Portico' : `${contender.role}: ${contender.label}`;
      if (contender.summary === undefined) {
        const marker = `${contender.status} [${notes.length + 1}]`;
        notes.push(`[${notes.length + 1}] ${result.name} / ${isSubject ? `Portico ${result.title}` : contender.label}: ${contender.status}: ${contender.reason ?? 'no measurement'}`);
        rows.push([name, label, marker, ...ratios.map((cell) => (cell === '' ? '' : DASH)), DASH, DASH, DASH, DASH, DASH]);
        continue;
      }
      const summary = contender.summary;
      rows.push([
        name,
        label,
        formatInteger(summary.requestsPerSecond),
        ...ratios,
        formatFixed(summary.p50Ms, 2),
        formatFixed(summary.p99Ms, 2),
        formatInteger(summary.errors),
        formatFixed(summary.cpuMicrosPerRequest, 0),
        formatMegabytes(summary.peakRssBytes),
      ]);
    }
  }
  const rightAligned = new Set(header.map((_, column) => column).filter((column) => column >= 2));
  return { header, rows, rightAligned, notes };
}

function ratio(subject: ContenderResult | undefined, other: ContenderResult | undefined): string {
  if (subject?.summary === undefined || other?.summary === undefined || other.summary.requestsPerSecond === 0) return DASH;
  return formatRatio(subject.summary.requestsPerSecond / other.summary.requestsPerSecond);
}
