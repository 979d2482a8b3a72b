import { describe, expect, test } from 'vitest';
import { formatExamples, HELP_WIDTH, shellWords } from '../../src/cli/help-examples.js';
import { toolCommands } from '../../src/cli/parser.js';
import { runCli } from '../helpers/cli.js';
import { sources } from '../helpers/sources.js';

const commands = [
  ...sources.flatMap((s) => [s.name, ...s.aliases].map((name) => ({ name, examples: s.examples }))),
  ...toolCommands.flatMap((c) => [c.name, ...c.aliases].map((name) => ({ name, examples: c.examples }))),
];

/** The examples as the help shows them, continuation lines joined back into one command each. */
function examplesShown(help: string): string[] {
  const block = help.slice(help.indexOf('\nExamples:\n'));
  return block
    .replace(/ \\\n {4}/g, ' ')
    .split('\n')
    .filter((line) => line.startsWith('  ') && !line.startsWith('  #'))
    .map((line) => line.trim());
}

describe('--help', () => {
  test('the overview fits 80 columns and names every command and alias', async () => {
    const { status, stdout } = await runCli(['--help']);
    expect(status).toBe(0);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(HELP_WIDTH);
    for (const { name, aliases } of [...sources, ...toolCommands]) {
      expect(stdout).toContain(`  gen-event ${name} `);
      if (aliases.length > 0) expect(stdout).toContain(`[aliases: ${aliases.join(', ')}]`);
    }
  });

  test.each(commands.map((c) => [c.name, c] as const))(
    '%s --help fits 80 columns and shows its examples whole',
    async (_name, { name, examples }) => {
      const { status, stdout, stderr } = await runCli([name, '--help']);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(HELP_WIDTH);
      expect(examples.length).toBeGreaterThanOrEqual(2);
      expect(examples.length).toBeLessThanOrEqual(3);
      expect(examplesShown(stdout)).toEqual(examples.map(([command]) => command));
      for (const [, description] of examples) expect(stdout).toContain(`  # ${description}\n`);
    },
  );
});

describe('formatExamples', () => {
  test('a long command breaks between words, never inside quotes, and continues with a backslash', () => {
    const text = formatExamples(
      [[`gen-event sqs --body '{"a": 1, "b": 2}' --attribute tenant=acme --seed 7`, 'a batch']],
      44,
    );
    expect(text).toBe(
      [
        'Examples:',
        '  # a batch',
        `  gen-event sqs --body '{"a": 1, "b": 2}' \\`,
        '    --attribute tenant=acme --seed 7',
      ].join('\n'),
    );
  });

  test('a long description wraps as more comment lines', () => {
    expect(formatExamples([['gen-event list', 'one line per source and the aliases of each']], 31)).toBe(
      ['Examples:', '  # one line per source and the', '  # aliases of each', '  gen-event list'].join('\n'),
    );
  });

  test('shell words keep quoted spaces and escaped spaces inside one word', () => {
    expect(shellWords(`a 'b c' "d \\" e" f\\ g  h`)).toEqual(['a', "'b c'", '"d \\" e"', 'f\\ g', 'h']);
  });
});
