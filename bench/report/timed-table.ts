// The second table: durations and operation rates (deploy, start-up, micro-benchmarks), each with
// the references measured beside it and Portico's ratio to them ("2.5x faster" / "1.2x slower").

import { DASH, formatRatio, formatValue } from './format.js';
import type { TableModel } from './load-table.js';
import type { TimedScenarioResult } from './results.js';
import type { Row } from './table-layout.js';

export function buildTimedTable(results: readonly TimedScenarioResult[]): TableModel {
  const header = ['scenario', 'measurement', 'Portico', 'reference', 'reference value', 'Portico vs reference'];
  const rows: Row[] = [];
  const notes: string[] = [];
  const note = (text: string): string => {
    notes.push(`[${notes.length + 1}] ${text}`);
    return `skipped [${notes.length}]`;
  };
  for (const result of results) {
    if (result.skipped !== undefined) {
      rows.push([result.name, result.title, note(`${result.name}: ${result.skipped}`), '', '', '']);
      continue;
    }
    let first = true;
    for (const measurement of result.measurements) {
      const value = measurement.skipped === undefined ? formatValue(measurement.value, measurement.unit) : note(`${result.name} / ${measurement.label}: ${measurement.skipped}`);
      const references = measurement.references ?? [];
      if (references.length === 0) rows.push([first ? result.name : '', measurement.label, value, '', '', '']);
      references.forEach((reference, index) => {
        const referenceValue = reference.skipped === undefined ? formatValue(reference.value, measurement.unit) : note(`${result.name} / ${reference.label}: ${reference.skipped}`);
        rows.push([
          first && index === 0 ? result.name : '',
          index === 0 ? measurement.label : '',
          index === 0 ? value : '',
          reference.label,
          referenceValue,
          compare(measurement.value, reference.value, measurement.lowerIsBetter),
        ]);
      });
      first = false;
    }
  }
  return { header, rows, rightAligned: new Set([2, 4]), notes };
}

function compare(value: number | undefined, reference: number | undefined, lowerIsBetter: boolean): string {
  if (value === undefined || reference === undefined || value <= 0 || reference <= 0) return DASH;
  const better = lowerIsBetter ? reference / value : value / reference;
  return better >= 1 ? `${formatRatio(better)} faster` : `${formatRatio(1 / better)} slower`;
}
