import yargs from 'yargs';
import { commandNames, commandOptions } from './parser.js';

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

/**
 * The candidates for the last of `words` (the program name may come first). No candidate lets the
 * shell complete a file name, which is what the value of an option without choices usually is.
 */
export async function completions(words: readonly string[]): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const names = commandNames();
  const command = before.find((word) => names.includes(word));
  if (command === undefined) {
    return startingWith(current.startsWith('-') ? ['--help', '--version'] : names, current);
  }
  // check-response names its source first: the sources whose service reads the answer.
  const afterCommand = before.slice(before.indexOf(command) + 1);
  if (
    command === 'check-response' &&
    !current.startsWith('-') &&
    afterCommand.every((word) => word.startsWith('-'))
  ) {
    const { checkedSources } = await import('../check/check-response.js');
    return startingWith(checkedSources, current);
  }
  const options = (await commandOptions(command)) ?? {};
  const previous = before.at(-1) ?? '';
  const awaitingValue = previous.startsWith('--') ? options[previous.slice(2)] : undefined;
  if (awaitingValue !== undefined && awaitingValue.type !== 'boolean') {
    return startingWith(awaitingValue.choices ?? [], current);
  }
  if (current !== '' && !current.startsWith('-')) return [];
  const given = new Set(before.filter((word) => word.startsWith('--')).map((word) => word.slice(2)));
  const offered = Object.entries(options)
    .filter(([name, spec]) => spec.repeatable === true || !given.has(name))
    .map(([name]) => `--${name}`);
  return startingWith([...offered, '--help'], current);
}

function startingWith(candidates: readonly string[], prefix: string): string[] {
  return candidates.filter((candidate) => candidate.startsWith(prefix));
}
