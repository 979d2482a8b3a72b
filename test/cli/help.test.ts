import { describe, expect, test } from 'vitest';
import { formatExamples, HELP_WIDTH, shellWords } from '../../src/cli/help-examples.js';
import { commandOptions, toolCommands } from '../../src/cli/parser.js';
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

/** Each option's entry in a --help text, its wrapped lines joined: `--name` → what follows it. */
function optionEntries(help: string): Map<string, string> {
  const entries = new Map<string, string>();
  let current: string | undefined;
  const optionLists = help.split(/\n(?:Options marked|Examples:)/)[0] as string;
  for (const line of optionLists.split('\n')) {
    const start = /^ {2,8}(?:-\w, )?--([\w-]+)\s+(.*)$/.exec(line);
    if (start) {
      current = start[1] as string;
      entries.set(current, start[2] as string);
    } else if (current !== undefined && /^\s{10,}\S/.test(line)) {
      entries.set(current, `${entries.get(current)} ${line.trim()}`);
    } else current = undefined;
  }
  return entries;
}

describe('--help', () => {
  // From the option tables themselves, so an option added with choices or repeats cannot be left out.
  test.each(commands.map((c) => [c.name] as const))(
    '%s --help lists the allowed values of every option with choices, and marks every repeatable option',
    async (name) => {
      const { stdout } = await runCli([name, '--help']);
      const entries = optionEntries(stdout);
      const table = (await commandOptions(name)) ?? {};
      expect([...entries.keys()].filter((key) => key !== 'help' && key !== 'version').sort()).toEqual(
        Object.keys(table).sort(),
      );
      for (const [option, spec] of Object.entries(table)) {
        const entry = entries.get(option) ?? '';
        if (spec.choices) expect(entry, option).toContain(`[one of: ${spec.choices.join(', ')}]`);
        else expect(entry, option).not.toContain('[one of:');
        expect(entry.endsWith('[repeatable]'), option).toBe(spec.repeatable === true);
      }
      if (Object.values(table).some((spec) => spec.repeatable)) {
        expect(stdout).toContain('Options marked [repeatable] may be given more than once');
      }
    },
  );

  test('the choices shown are the ones the parser accepts: apigw-v1 --endpoint', async () => {
    const { stdout } = await runCli(['apigw-v1', '--help']);
    expect(optionEntries(stdout).get('endpoint')).toBe(
      'Endpoint type (default edge: CloudFront headers) [one of: edge, regional]',
    );
    const refused = await runCli(['apigw-v1', '--endpoint', 'private']);
    expect(refused.stderr).toBe(
      'gen-event: --endpoint "private" is not allowed (choose one of "edge", "regional")\n',
    );
  });

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
