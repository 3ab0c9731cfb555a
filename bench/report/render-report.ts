// Renders a run's results: the load table, its notes, the targets section, the timed table, and a
// line on how the run was set up; as plain text for stdout and as markdown for bench/results/.

import { buildLoadTable, type TableModel } from './load-table.js';
import type { LoadScenarioResult, RunResults, TimedScenarioResult } from './results.js';
import { renderMarkdown, renderText } from './table-layout.js';
import { buildTimedTable } from './timed-table.js';

export function renderReport(results: RunResults, format: 'text' | 'markdown'): string {
  const load = results.scenarios.filter((s): s is LoadScenarioResult => s.kind === 'load');
  const timed = results.scenarios.filter((s): s is TimedScenarioResult => s.kind === 'timed');
  const table = (model: TableModel): string =>
    (format === 'text' ? renderText : renderMarkdown)(model.header, model.rows, model.rightAligned);
  const notes = (model: TableModel): string[] => (model.notes.length === 0 ? [] : ['', ...model.notes.map((n) => (format === 'markdown' ? `- ${n}` : n))]);
  const heading = (text: string): string => (format === 'markdown' ? `### ${text}` : `== ${text} ==`);
  const { options, machine } = results;
  const out: string[] = [
    heading('Portico benchmark'),
    '',
    `${options.connections} keep-alive connections, ${options.durationSeconds} s x ${options.repeat} (median), ${options.warmupSeconds} s warm-up; ` +
      `${machine.loadGenerator}; ${machine.placement}; ${machine.cpus} x ${machine.cpuModel}; Node ${machine.node}.`,
  ];
  if (machine.loadGeneratorWarning !== undefined) out.push(`warning: ${machine.loadGeneratorWarning}`);
  if (results.porticoBuild !== 'ok') out.push(`Portico: ${results.porticoBuild}`);
  if (load.length > 0) {
    const model = buildLoadTable(load);
    out.push('', heading('Throughput and latency (ratios: Portico req/s over theirs, same run)'), '', table(model), ...notes(model));
    const outcomes = load.flatMap((scenario) => scenario.targets);
    if (outcomes.length > 0) {
      out.push('', heading('Targets'), '');
      const width = Math.max(...outcomes.map((outcome) => outcome.label.length));
      for (const outcome of outcomes) {
        out.push(format === 'markdown' ? `- ${outcome.label}: **${outcome.detail}**` : `${outcome.label.padEnd(width)}  ${outcome.detail}`);
      }
    }
  }
  if (timed.length > 0) {
    const model = buildTimedTable(timed);
    out.push('', heading('Durations and rates'), '', table(model), ...notes(model));
  }
  return `${out.join('\n')}\n`;
}
