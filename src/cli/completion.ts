import yargs from 'yargs';
import { type CompletionTable, completions } from './completion-words.js';
import { commandFirstArguments, commandNames, commandOptions } from './parser.js';

export { COMPLETION_REQUEST } from './parser-options.js';

/**
 * The completion script for the user's shell, as yargs writes it: zsh's when $SHELL is zsh, else bash's.
 * The script asks `gen-event --get-yargs-completions <words…>` for the candidates, answered by `completions`.
 */
export async function completionScript(): Promise<string> {
  const parser = yargs().scriptName('gen-event').completion('completion', false).exitProcess(false);
  const script = await new Promise<string>((resolve, reject) => {
    parser.parse(['completion'], {}, (error, _argv, output) => (error ? reject(error) : resolve(output)));
  });
  return script.endsWith('\n') ? script : `${script}\n`;
}

/** The commands and options as the parser knows them: the source of the table the build writes. */
export const parserCompletionTable: CompletionTable = {
  names: commandNames,
  options: async (command) => (await commandOptions(command)) ?? {},
  firstArguments: commandFirstArguments,
};

/** The candidates for the last of `words`, from the parser's own table (see completion-words.ts). */
export function completionsFromParser(words: readonly string[]): Promise<string[]> {
  return completions(words, parserCompletionTable);
}
