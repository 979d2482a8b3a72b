/** What Tab completion knows of an option: whether it takes a value, and which values it offers. */
export interface CompletionOption {
  type?: string;
  choices?: readonly string[];
  repeatable?: boolean;
}

/** Where Tab completion finds the commands and their options (written at build time, or read from yargs' table). */
export interface CompletionTable {
  names(): readonly string[] | Promise<readonly string[]>;
  options(command: string): Record<string, CompletionOption> | Promise<Record<string, CompletionOption>>;
  /** The words a command's first positional is one of (none: any word, which the shell completes). */
  firstArguments(command: string): readonly string[] | Promise<readonly string[]>;
}

/**
 * The candidates for the last of `words` (the program name may come first). No candidate lets the
 * shell complete a file name, which is what the value of an option without choices usually is.
 */
export async function completions(words: readonly string[], table: CompletionTable): Promise<string[]> {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  const names = await table.names();
  const command = before.find((word) => names.includes(word));
  if (command === undefined) {
    return startingWith(current.startsWith('-') ? ['--help', '--version'] : names, current);
  }
  // A first positional with fixed words (check-response's source) is offered until one is given.
  const afterCommand = before.slice(before.indexOf(command) + 1);
  if (!current.startsWith('-') && afterCommand.every((word) => word.startsWith('-'))) {
    const words = await table.firstArguments(command);
    if (words.length > 0) return startingWith(words, current);
  }
  const options = await table.options(command);
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
