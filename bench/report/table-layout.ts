// Lays out rows of cells as an aligned plain-text table (stdout) or a GitHub markdown table.

export type Row = readonly string[];

export function renderText(header: Row, rows: readonly Row[], rightAligned: ReadonlySet<number>): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: Row): string =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function renderMarkdown(header: Row, rows: readonly Row[], rightAligned: ReadonlySet<number>): string {
  const escape = (cell: string): string => cell.replace(/\|/g, '\\|');
  const line = (row: Row): string => `| ${row.map(escape).join(' | ')} |`;
  const rule = `| ${header.map((_, column) => (rightAligned.has(column) ? '---:' : '---')).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
