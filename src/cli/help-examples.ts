/** The width `--help` is laid out for: a standard terminal. */
export const HELP_WIDTH = 80;

const INDENT = '  ';
const CONTINUATION_INDENT = '    ';
const CONTINUATION = ' \\';

/**
 * The `Examples:` block of a command's `--help`: each description as a shell comment above its command,
 * long commands split between words (never inside quotes) and continued with a backslash, so that every
 * line fits the terminal and an example pastes into a shell as it is shown.
 */
export function formatExamples(examples: readonly (readonly [string, string])[], width = HELP_WIDTH): string {
  const blocks = examples.map(([command, description]) =>
    [
      ...fillLines(description.split(' '), `${INDENT}# `, `${INDENT}# `, '', width),
      ...fillLines(shellWords(command), INDENT, CONTINUATION_INDENT, CONTINUATION, width),
    ].join('\n'),
  );
  return `Examples:\n${blocks.join('\n\n')}`;
}

/** Puts words on lines of at most `width` characters; every line but the last ends with `lineEnd`. */
function fillLines(
  words: readonly string[],
  firstPrefix: string,
  nextPrefix: string,
  lineEnd: string,
  width: number,
): string[] {
  const lines: string[] = [];
  let line = firstPrefix;
  let lineHasWord = false;
  for (const word of words) {
    const candidate = lineHasWord ? `${line} ${word}` : `${line}${word}`;
    if (lineHasWord && candidate.length + lineEnd.length > width) {
      lines.push(`${line}${lineEnd}`);
      line = `${nextPrefix}${word}`;
    } else {
      line = candidate;
    }
    lineHasWord = true;
  }
  lines.push(line);
  return lines;
}

/** Splits a command line at the spaces a shell splits at: not inside quotes, not after a backslash. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < command.length; i++) {
    const char = command[i] as string;
    if (quote === undefined && char === ' ') {
      if (word !== '') words.push(word);
      word = '';
      continue;
    }
    word += char;
    if (char === '\\' && quote !== "'" && i + 1 < command.length) word += command[++i];
    else if (quote === undefined && (char === "'" || char === '"')) quote = char;
    else if (char === quote) quote = undefined;
  }
  if (word !== '') words.push(word);
  return words;
}
