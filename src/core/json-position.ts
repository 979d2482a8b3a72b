/**
 * Finds where a JSON text stops being valid, for error messages: V8's own messages do not always say.
 * A small validating scanner (RFC 8259 grammar) that returns the offset of the first offending
 * character, or the text's length when the text is valid or ends too early.
 */
export function invalidJsonOffset(text: string): number {
  let i = 0;
  const fail = (at: number = i): never => {
    throw new JsonBreak(at);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const expectChar = (ch: string) => {
    if (text[i] !== ch) fail();
    i++;
  };
  const scanLiteral = (word: string) => {
    for (const ch of word) expectChar(ch);
  };
  const scanString = () => {
    expectChar('"');
    while (text[i] !== '"') {
      const ch = text[i];
      if (ch === undefined || ch < ' ') fail();
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k);
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      } else i++;
    }
    i++;
  };
  const scanNumber = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i));
    if (!match) fail();
    i += (match as RegExpExecArray)[0].length;
  };
  const scanList = (close: string, scanItem: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      scanItem();
      skipSpace();
      if (text[i] === close) break;
      expectChar(',');
    }
    i++;
  };
  const scanValue = (): void => {
    skipSpace();
    const ch = text[i];
    if (ch === '{') {
      scanList('}', () => {
        skipSpace();
        scanString();
        skipSpace();
        expectChar(':');
        scanValue();
      });
    } else if (ch === '[') scanList(']', scanValue);
    else if (ch === '"') scanString();
    else if (ch === 't') scanLiteral('true');
    else if (ch === 'f') scanLiteral('false');
    else if (ch === 'n') scanLiteral('null');
    else scanNumber();
  };
  try {
    scanValue();
    skipSpace();
    if (i < text.length) fail();
  } catch (error) {
    if (error instanceof JsonBreak) return Math.min(error.offset, text.length);
    throw error;
  }
  return text.length;
}

class JsonBreak {
  constructor(readonly offset: number) {}
}
