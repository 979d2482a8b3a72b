import { readFileSync } from 'node:fs';
import type { CompletionTable } from './completion-words.js';
import {
  COMPLETION_NAMES_PAGE,
  completionArgumentsPage,
  completionOptionsPage,
  completionPage,
  OVERVIEW_PAGE,
  type Shell,
  VERSION_PAGE,
} from './help-pages-names.js';
import type { ParseResult } from './parser.js';

/**
 * The commands that need no yargs, answered before it would load (most of their start-up time):
 * `--help`, `<command> --help`, `--version` and `completion` print the text yargs wrote for them at
 * build time (src/cli/help-pages.ts), and `list` and `check <files…>` are read here. Anything else —
 * other words, an option these commands do not take, a page not built beside this module (tests
 * running the sources directly) — returns undefined and goes to the full parser, which stays the one
 * author of help text and errors. test/cli/quick-commands.test.ts proves both give the same.
 */
export function quickParse(args: readonly string[]): ParseResult | undefined {
  const [command, ...rest] = args;
  if (command === 'list' && rest.length === 0)
    return { kind: 'command', command, options: {}, positionals: [] };
  if (command === 'check') return quickCheck(rest);
  if (command === 'check-response') return quickCheckResponse(rest);
  const text = quickText(args);
  return text === undefined ? undefined : { kind: 'text', text };
}

/** `check` takes files, folders and `-`, and one flag: `--json`. */
function quickCheck(words: readonly string[]): ParseResult | undefined {
  const positionals = words.filter((word) => word !== '--json');
  if (positionals.some((word) => word.startsWith('-') && word !== '-')) return undefined;
  const options = positionals.length < words.length ? { json: true } : {};
  return { kind: 'command', command: 'check', options, positionals };
}

/** `check-response` takes its source, a file or `-`, `--json` and `--event <file>` (or `--event=<file>`). */
function quickCheckResponse(words: readonly string[]): ParseResult | undefined {
  const options: Record<string, unknown> = {};
  const positionals: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === '--json') options.json = true;
    else if (word.startsWith('--event=') && options.event === undefined)
      options.event = word.slice('--event='.length);
    else if (
      word === '--event' &&
      options.event === undefined &&
      i + 1 < words.length &&
      /^(?:-|[^-].*)$/s.test(words[i + 1] as string)
    )
      options.event = words[++i];
    else if (word.startsWith('-') && word !== '-') return undefined;
    else positionals.push(word);
  }
  return { kind: 'command', command: 'check-response', options, positionals };
}

const HELP_FLAGS = ['--help', '-h'];

function quickText(args: readonly string[]): string | undefined {
  if (args.length === 1 && HELP_FLAGS.includes(args[0] as string)) return page(OVERVIEW_PAGE);
  if (args.length === 1 && args[0] === '--version') return page(VERSION_PAGE);
  if (args.length === 1 && args[0] === 'completion') return page(completionPage(userShell()));
  if (args.length === 2 && HELP_FLAGS.includes(args[1] as string) && isCommandName(args[0] as string)) {
    return page(args[0] as string);
  }
  return undefined;
}

/** As yargs chooses the completion script: zsh's, fish's or else bash's. */
function userShell(): Shell {
  const shell = process.env.SHELL ?? '';
  if (shell.includes('zsh') || (process.env.ZSH_NAME ?? '').includes('zsh')) return 'zsh';
  return shell.includes('fish') ? 'fish' : 'bash';
}

const pages = new URL('./help/', import.meta.url);

/** Only a word that could be a command is looked up as a page (never a path such as `../x`). */
function isCommandName(word: string): boolean {
  return /^[a-z][a-z0-9-]*$/.test(word);
}

/** A page written by the build beside this module. */
function page(name: string): string | undefined {
  try {
    return readFileSync(new URL(`${name}.txt`, pages), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Tab completion's table as the build wrote it beside this module, or undefined when it did not
 * (tests running the sources directly), and the caller asks the parser instead.
 */
export function builtCompletionTable(): CompletionTable | undefined {
  const names = page(COMPLETION_NAMES_PAGE);
  if (names === undefined) return undefined;
  return {
    names: () => names.split('\n').filter((name) => name !== ''),
    options: (command) => JSON.parse(page(completionOptionsPage(command)) ?? '{}'),
    firstArguments: (command) =>
      (page(completionArgumentsPage(command)) ?? '').split('\n').filter((word) => word !== ''),
  };
}
