import { catalog } from '../sources/catalog.js';

/** `gen-event list`: one line per source, its aliases and what it makes. */
export function listSources(): string {
  const rows = catalog.map((s) => [
    s.aliases.length ? `${s.name} (${s.aliases.join(', ')})` : s.name,
    s.summary,
  ]);
  const width = Math.max(...rows.map(([name]) => (name as string).length));
  return rows.map(([name, summary]) => `${(name as string).padEnd(width)}  ${summary}\n`).join('');
}
