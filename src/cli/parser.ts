import yargs, { type Argv } from 'yargs';
import packageJson from '../../package.json' with { type: 'json' };
import { closest } from '../core/closest.js';
import { commonOptionTable } from '../core/common-options.js';
import { UsageError } from '../core/errors.js';
import { catalog, findEntry, loadAllSources, loadSource, sourceNames } from '../sources/catalog.js';
import type { OptionTable, RawOptions, Source } from '../sources/source.js';
import { checkCommand } from './check.js';
import { checkResponseCommand } from './check-response-command.js';
import type { CommandSpec } from './command-spec.js';
import { contextCommand } from './context-command.js';
import { formatExamples, HELP_WIDTH } from './help-examples.js';
import {
  joinDashValues,
  misreadOption,
  PARSER_CONFIGURATION,
  prototypeOptionName,
  toYargs,
} from './parser-options.js';
import { seedCommand } from './seed.js';

export const VERSION: string = packageJson.version;

const listCommand: CommandSpec = {
  name: 'list',
  aliases: [],
  summary: 'List the sources and their aliases',
  options: {},
  examples: [
    ['gen-event list', 'one line per source'],
    [
      "for s in $(gen-event list | cut -d' ' -f1); do gen-event $s --seed 1 > $s.json; done",
      'one sample event per source, each in its own file',
    ],
  ],
};

const completionCommand: CommandSpec = {
  name: 'completion',
  aliases: [],
  summary: 'Print the shell completion script for bash, or zsh when $SHELL is zsh',
  options: {},
  examples: [
    ['gen-event completion >> ~/.bashrc', 'bash: Tab completes sources and options'],
    ['SHELL=zsh gen-event completion >> ~/.zshrc', 'zsh (after compinit in ~/.zshrc)'],
  ],
};

/** Every command but the sources. */
export const toolCommands: CommandSpec[] = [
  listCommand,
  seedCommand,
  checkCommand,
  checkResponseCommand,
  contextCommand,
  completionCommand,
];

/** Said under every option list that has a repeatable option. */
const REPEATABLE_NOTE =
  'Options marked [repeatable] may be given more than once (--query a=1 --query a=2); values keep their order.';

export type ParseResult =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: string; options: RawOptions; positionals: string[] };

function describeOptions(y: Argv, table: OptionTable, group: string): Argv {
  for (const [name, spec] of Object.entries(table)) y.option(name, { ...toYargs(spec), group });
  return y;
}

/**
 * Builds the yargs parser from the source catalog, so the CLI, `--help` and completion share one table.
 * Only the sources in `loaded` describe their options: the others are not parsed in this run.
 */
export function createParser(loaded: readonly Source<unknown>[] = []): Argv {
  // yargs 18 has usageConfiguration; the community type definitions (for 17) do not know it yet.
  const base = yargs() as Argv & { usageConfiguration(config: { 'hide-types': boolean }): Argv };
  const y = base
    .usageConfiguration({ 'hide-types': true })
    .scriptName('gen-event')
    .usage('gen-event <source> [options]\n\nRealistic AWS Lambda test events, printed as JSON.')
    .parserConfiguration(PARSER_CONFIGURATION)
    .wrap(HELP_WIDTH)
    .exitProcess(false)
    .fail(false)
    .help('help')
    .alias('help', 'h')
    .version('version', 'Show the version', VERSION)
    .epilogue('Run gen-event <command> --help for the options and examples of each command.');
  for (const entry of catalog) {
    y.command([entry.name, ...entry.aliases], entry.summary, (c) => {
      const source = loaded.find((s) => s.name === entry.name);
      if (source === undefined) return c;
      describeOptions(c, source.options, `${source.name} options:`);
      describeOptions(c, commonOptionTable, 'Options for every source:');
      c.epilogue(`${REPEATABLE_NOTE}\n\n${formatExamples(source.examples)}`);
      return c;
    });
  }
  for (const command of toolCommands) {
    // Positionals stay in argv._ (the command string names none), so every command reads them alike;
    // the usage line still shows them.
    y.command([command.name, ...command.aliases], command.summary, (c) => {
      c.usage(
        `gen-event ${command.name}${command.positionals ? ` ${command.positionals}` : ''} [options]\n\n${command.summary}`,
      );
      describeOptions(c, command.options, 'Options:');
      const repeatable = Object.values(command.options).some((spec) => spec.repeatable);
      c.epilogue(`${repeatable ? `${REPEATABLE_NOTE}\n\n` : ''}${formatExamples(command.examples)}`);
      return c;
    });
  }
  return y;
}

/** The options a command (a source or a tool command, by name or alias) takes. */
export async function commandOptions(command: string): Promise<OptionTable | undefined> {
  const source = await loadSource(command);
  if (source) return { ...source.options, ...commonOptionTable };
  return toolCommands.find((c) => c.name === command || c.aliases.includes(command))?.options;
}

/** The words a command's first positional is one of, for Tab completion (none: any word). */
export async function commandFirstArguments(command: string): Promise<readonly string[]> {
  const spec = toolCommands.find((c) => c.name === command || c.aliases.includes(command));
  return (await spec?.firstArguments?.()) ?? [];
}

/** Every command name and alias, sources first. */
export function commandNames(): string[] {
  return [...sourceNames, ...toolCommands.flatMap((c) => [c.name, ...c.aliases])];
}

/** The sources the words may name: the command is one of them (yargs takes the first positional). */
async function sourcesNamedIn(args: readonly string[]): Promise<Source<unknown>[]> {
  const entries = new Set(args.map(findEntry).filter((entry) => entry !== undefined));
  return Promise.all([...entries].map((entry) => entry.load()));
}

/** Parses argv: help or version text to print, or a command with its raw options. */
export async function parseCommandLine(given: readonly string[]): Promise<ParseResult> {
  const names = commandNames();
  const odd = prototypeOptionName(given);
  if (odd !== undefined) {
    const first = given[0];
    throw await unknownOption(odd, first !== undefined && names.includes(first) ? first : undefined);
  }
  const parser = createParser(await sourcesNamedIn(given));
  const table = given[0] === undefined ? undefined : await commandOptions(given[0]);
  const args = table ? joinDashValues(given, table) : [...given];
  let parsed: { argv: Record<string, unknown>; output: string; error?: Error };
  try {
    parsed = await new Promise((resolve) => {
      parser.parse([...args], {}, (err, argv, text) => {
        resolve({ argv: argv as Record<string, unknown>, output: text, error: err ?? undefined });
      });
    });
  } catch (error) {
    // With .fail(false), yargs throws its validation errors instead of printing them.
    throw translateYargsError((error as Error).message, args);
  }
  const { argv, output, error } = parsed;
  if (error) throw translateYargsError(error.message, args);
  const positionals = (argv._ as unknown[]).map(String);
  const command = positionals.shift();
  // `gen-event nosuch --help` is about a source that does not exist, not a request for the general help.
  if (command !== undefined && command !== 'help' && !names.includes(command))
    throw unknownSource(command, names);
  if (output) return { kind: 'text', text: output.endsWith('\n') ? output : `${output}\n` };

  if (command === undefined) {
    throw new UsageError('no source given', 'run gen-event list to see them, e.g. gen-event sqs');
  }
  const isSource = findEntry(command) !== undefined;
  if ((isSource || command === 'list' || command === 'context') && positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0]}' for ${command}`,
      `${command} takes options only; quote a value that has spaces`,
    );
  }
  const misread = misreadOption(args, (await commandOptions(command)) ?? {});
  if (misread) throw misread;
  const known = await knownOptions(command);
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(argv)) {
    if (key === '_' || key === '$0') continue;
    if (!known.includes(key)) throw await unknownOption(key, command);
    options[key] = value;
  }
  return { kind: 'command', command, options, positionals };
}

/** The names a command accepts, so an unknown option can be refused with the closest known one. */
async function knownOptions(command: string): Promise<string[]> {
  return [...Object.keys((await commandOptions(command)) ?? {}), 'help', 'version'];
}

function unknownSource(command: string, names: readonly string[]): UsageError {
  // A name cut short (`apigw`) may begin several: name them all rather than guess one.
  const started = command.length > 0 ? names.filter((name) => name.startsWith(command)) : [];
  const guess = started.length > 0 ? started.join(', ') : closest(command, names);
  return new UsageError(
    `unknown source '${command}'`,
    guess ? `did you mean ${guess}?` : 'run gen-event list to see them',
  );
}

/** `--bdy` for sqs: another source's option, the closest known one, or where to find them. */
async function unknownOption(key: string, command: string | undefined): Promise<UsageError> {
  const flag = key.length === 1 ? `-${key}` : `--${key}`;
  if (command === undefined) return new UsageError(`unknown option ${flag}`, 'run gen-event --help');
  const known = await knownOptions(command);
  // An option of another source (`rest --route`) is not a typo: say which source takes it.
  // Only this error path loads every source.
  const owners = (await loadAllSources()).filter((s) => Object.hasOwn(s.options, key)).map((s) => s.name);
  const guess = closest(key, known);
  return new UsageError(
    `unknown option ${flag} for ${command}`,
    owners.length > 0
      ? `${flag} is an option of ${owners.join(', ')}; see gen-event ${owners[0]} --help`
      : guess
        ? `did you mean --${guess}?`
        : `run gen-event ${command} --help`,
  );
}

function translateYargsError(message: string, args: readonly string[]): UsageError {
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (missing) {
    const flag = `--${missing[1]}`;
    // `--body --x`: the value was there but reads as an option; only `=` can say it is a value.
    const next = args[args.indexOf(flag) + 1];
    return new UsageError(
      `${flag} needs a value`,
      next?.startsWith('-')
        ? `write ${flag} <value>, or ${flag}=${next} if that is the value`
        : `write ${flag} <value>`,
    );
  }
  const choice = /^Invalid values:\s*Argument: ([^,]+), Given: (.+), Choices: (.+)$/s.exec(
    message.replace(/\n/g, ' '),
  );
  if (choice)
    return new UsageError(`--${choice[1]} ${choice[2]} is not allowed`, `choose one of ${choice[3]}`);
  return new UsageError(message.split('\n')[0] ?? message, 'run gen-event --help');
}
