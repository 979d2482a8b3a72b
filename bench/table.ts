/** One line of the bench's table. */
export interface Row {
  figure: string;
  measured: string;
  baseline: string;
  ratio: string;
  target: string;
  /** pass, FAIL, info (no target) or skip (not measurable in this build). */
  result: 'pass' | 'FAIL' | 'info' | 'skip';
}

const COLUMNS = ['figure', 'measured', 'baseline', 'ratio', 'target', 'result'] as const;

/** A Markdown table, aligned for reading in a terminal and pasteable into the README. */
export function renderTable(rows: readonly Row[]): string {
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] as number)).join(' | ')} |`;
  return [
    line(COLUMNS),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(COLUMNS.map((column) => row[column]))),
  ].join('\n');
}

export const ms = (value: number) => `${value.toFixed(0)} ms`;
export const perSecond = (value: number) => `${Math.round(value).toLocaleString('en-US')}/s`;
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
export const times = (value: number) => `${value.toFixed(2)}×`;
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
