import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { sources } from '../helpers/sources.js';

it('the README examples are the ones --help shows', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /## Examples\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = block
    .split('\n')
    .filter((line) => line.startsWith('gen-event '))
    .map((line) => line.replace(/\s+#.*$/, '').trim());
  const helpExamples = sources.flatMap((source) => source.examples.map(([command]) => command));
  expect(commands.length).toBeGreaterThanOrEqual(sources.length);
  for (const command of commands) expect(helpExamples).toContain(command);
  for (const source of sources) {
    const names = [source.name, ...source.aliases];
    expect(commands.some((command) => names.includes(command.split(' ')[1] ?? ''))).toBe(true);
  }
});
