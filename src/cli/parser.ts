import yargs, { type Argv } from 'yargs';
import packageJson from '../../package.json' with { type: 'json' };
import { closest } from '../core/closest.js';
import { commonOptionTable } from '../core/common-options.js';
import { UsageError } from '../core/errors.js';
import { sources } from '../sources/registry.js';
import type { OptionTable, RawOptions } from '../sources/source.js';
import { checkCommand } from './check.js';
import type { CommandSpec } from './command-spec.js';
import { formatExamples, HELP_WIDTH } from './help-examples.js';
import { misreadOption, PARSER_CONFIGURATION, prototypeOptionName, toYargs } from './parser-options.js';
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
export const toolCommands: CommandSpec[] = [listCommand, seedCommand, checkCommand, completionCommand];

export type ParseResult =
  | { kind: 'text'; text: string }
  | { kind: 'command'; command: string; options: RawOptions; positionals: string[] };

function describeOptions(y: Argv, table: OptionTable, group: string): Argv {
  for (const [name, spec] of Object.entries(table)) y.option(name, { ...toYargs(spec), group });
  return y;
}

/** Builds the yargs parser from the source registry, so the CLI, `--help` and completion share one table. */
export function createParser(): Argv {
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
  for (const source of sources) {
    y.command([source.name, ...source.aliases], source.summary, (c) => {
      describeOptions(c, source.options, `${source.name} options:`);
      describeOptions(c, commonOptionTable, 'Options for every source:');
      c.epilogue(formatExamples(source.examples));
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
      c.epilogue(formatExamples(command.examples));
      return c;
    });
  }
  return y;
}

/** The options a command (a source or a tool command, by name or alias) takes. */
export function commandOptions(command: string): OptionTable | undefined {
  const source = sources.find((s) => s.name === command || s.aliases.includes(command));
  if (source) return { ...source.options, ...commonOptionTable };
  return toolCommands.find((c) => c.name === command || c.aliases.includes(command))?.options;
}

/** The names a command accepts, so an unknown option can be refused with the closest known one. */
function knownOptions(command: string): string[] {
  return [...Object.keys(commandOptions(command) ?? {}), 'help', 'version'];
}

/** Every command name and alias, sources first. */
export function commandNames(): string[] {
  return [
    ...sources.flatMap((s) => [s.name, ...s.aliases]),
    ...toolCommands.flatMap((c) => [c.name, ...c.aliases]),
  ];
}

/** Parses argv: help or version text to print, or a command with its raw options. */
export async function parseCommandLine(args: readonly string[]): Promise<ParseResult> {
  const names = commandNames();
  const odd = prototypeOptionName(args);
  if (odd !== undefined) {
    const first = args[0];
    throw unknownOption(odd, first !== undefined && names.includes(first) ? first : undefined);
  }
  const parser = createParser();
  let parsed: { argv: Record<string, unknown>; output: string; error?: Error };
  try {
    parsed = await new Promise((resolve) => {
      parser.parse([...args], {}, (err, argv, text) => {
        resolve({ argv: argv as Record<string, unknown>, output: text, error: err ?? undefined });
      });
    });
  } catch (error) {
    // With .fail(false), yargs throws its validation errors instead of printing them.
    throw translateYargsError((error as Error).message);
  }
  const { argv, output, error } = parsed;
  if (error) throw translateYargsError(error.message);
  const positionals = (argv._ as unknown[]).map(String);
  const command = positionals.shift();
  // `gen-event nosuch --help` is about a source that does not exist, not a request for the general help.
  if (command !== undefined && command !== 'help' && !names.includes(command))
    throw unknownSource(command, names);
  if (output) return { kind: 'text', text: output.endsWith('\n') ? output : `${output}\n` };

  if (command === undefined) {
    throw new UsageError('no source given', 'run gen-event list to see them, e.g. gen-event sqs');
  }
  const isSource = sources.some((s) => s.name === command || s.aliases.includes(command));
  if ((isSource || command === 'list') && positionals.length > 0) {
    throw new UsageError(
      `unexpected argument '${positionals[0]}' for ${command}`,
      `${command} takes options only; quote a value that has spaces`,
    );
  }
  const misread = misreadOption(args, commandOptions(command) ?? {});
  if (misread) throw misread;
  const known = knownOptions(command);
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(argv)) {
    if (key === '_' || key === '$0') continue;
    if (!known.includes(key)) throw unknownOption(key, command);
    options[key] = value;
  }
  return { kind: 'command', command, options, positionals };
}

function unknownSource(command: string, names: readonly string[]): UsageError {
  const guess = closest(command, names);
  return new UsageError(
    `unknown source '${command}'`,
    guess ? `did you mean ${guess}?` : 'run gen-event list to see them',
  );
}

/** `--bdy` for sqs: the closest known option, or where to find them. */
function unknownOption(key: string, command: string | undefined): UsageError {
  const flag = key.length === 1 ? `-${key}` : `--${key}`;
  if (command === undefined) return new UsageError(`unknown option ${flag}`, 'run gen-event --help');
  const known = knownOptions(command);
  const guess = closest(key, known);
  return new UsageError(
    `unknown option ${flag} for ${command}`,
    guess ? `did you mean --${guess}?` : `run gen-event ${command} --help`,
  );
}

function translateYargsError(message: string): UsageError {
  const missing = /^Not enough arguments following: (.+)$/.exec(message);
  if (missing) return new UsageError(`--${missing[1]} needs a value`, `write --${missing[1]} <value>`);
  const choice = /^Invalid values:\s*Argument: ([^,]+), Given: (.+), Choices: (.+)$/s.exec(
    message.replace(/\n/g, ' '),
  );
  if (choice)
    return new UsageError(`--${choice[1]} ${choice[2]} is not allowed`, `choose one of ${choice[3]}`);
  return new UsageError(message.split('\n')[0] ?? message, 'run gen-event --help');
}
