import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commandNames, parseCommandLine } from '../../src/cli/parser.js';
import { quickParse } from '../../src/cli/quick-commands.js';
import { runCli, spawnCli } from '../helpers/cli.js';

// The built command answers these from pages written at build time (dist/help/); the in-process CLI
// (run from src/, where no pages are built) answers them with yargs. Both must print the same bytes.
describe('help, version and completion without yargs', () => {
  it('the build wrote a page for every command and alias', () => {
    for (const name of commandNames()) {
      expect(existsSync(new URL(`../../dist/help/${name}.txt`, import.meta.url)), name).toBe(true);
    }
  });

  const cases: string[][] = [
    ['--help'],
    ['-h'],
    ['--version'],
    ...commandNames().flatMap((name) => [
      [name, '--help'],
      [name, '-h'],
    ]),
  ];
  it.each(cases.map((args) => [args.join(' '), args]))('gen-event %s', async (_label, args) => {
    const built = spawnCli(args);
    const yargs = await runCli(args);
    expect(yargs.status).toBe(0);
    expect(built).toStrictEqual(yargs);
  });

  it.each(['/bin/bash', '/usr/bin/zsh', '/usr/bin/fish', ''])('completion with SHELL=%s', async (shell) => {
    const saved = process.env.SHELL;
    process.env.SHELL = shell;
    try {
      const built = spawnCli(['completion']);
      const yargs = await runCli(['completion']);
      expect(yargs.status).toBe(0);
      expect(built).toStrictEqual(yargs);
    } finally {
      process.env.SHELL = saved;
    }
  });

  it('leaves anything else to yargs', () => {
    for (const args of [[], ['sqs'], ['sqs', '--help', '--body', 'x'], ['../etc', '--help'], ['help']]) {
      expect(quickParse(args), args.join(' ')).toBeUndefined();
    }
  });
});

describe('list and check without yargs', () => {
  const corpus: string[][] = [
    ['list'],
    ['check', 'a.json'],
    ['check', 'a.json', 'events/', '-'],
    ['check', '--json', 'a.json'],
    ['check', 'a.json', '--json'],
    ['check', '--json', '--json', 'a.json'],
    ['check'],
    ['check', '-'],
    ['check-response', 'sqs', 'r.json'],
    ['check-response', 'sqs', '-', '--event', 'e.json'],
    ['check-response', '--json', 'alb', 'r.json', '--event=e.json'],
    ['check-response', 'authorizer', 'r.json', '--event', '-'],
    ['check-response'],
  ];
  it.each(corpus.map((args) => [args.join(' '), args]))(
    'gen-event %s reads as yargs reads it',
    async (_l, args) => {
      expect(quickParse(args)).toStrictEqual(await parseCommandLine(args));
    },
  );

  it('steps aside for anything it does not read', () => {
    for (const args of [
      ['list', 'x'],
      ['list', '--json'],
      ['check', '--jsn', 'a'],
      ['check', '-j'],
      ['check', '--', 'a'],
      ['check-response', 'sqs', 'r.json', '--max-input', '10'],
      ['check-response', 'sqs', 'r.json', '--event'],
      ['check-response', 'sqs', 'r.json', '--event', 'a', '--event', 'b'],
    ]) {
      expect(quickParse(args), args.join(' ')).toBeUndefined();
    }
  });
});
