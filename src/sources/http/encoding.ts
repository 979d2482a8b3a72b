/**
 * Percent-encoding as an HTTP client applies it to what a person typed: characters that may stand in
 * a URL as they are stay, every `%` stays (an escape such as `%3D`, or a stray one: a browser's URL
 * parser and curl send both unchanged), and anything else (spaces, non-ASCII) is escaped as UTF-8.
 * The services then see the bytes a real client would send.
 */

// RFC 3986 unreserved and sub-delims, plus ':', '@', '/', '?' (allowed in paths and queries).
const PLAIN = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/;
const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;

function escapeChar(ch: string): string {
  let out = '';
  for (const byte of Buffer.from(ch, 'utf8')) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** Escapes what a client would escape; `alsoEscape` lists plain characters that must be escaped here too. */
export function escapeUnsafe(text: string, alsoEscape = ''): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    i += ch.length;
    if (ch === '%') out += ch;
    else if (PLAIN.test(ch) && !alsoEscape.includes(ch)) out += ch;
    else out += escapeChar(ch);
  }
  return out;
}

/** Decodes `%XX` escapes (as UTF-8) and, when `plusIsSpace`, `+` as a space, as form decoding does. */
export function percentDecode(text: string, plusIsSpace: boolean): string {
  if (!text.includes('%') && !(plusIsSpace && text.includes('+'))) return text;
  const bytes: number[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '%' && HEX_PAIR.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 3;
    } else if (ch === '+' && plusIsSpace) {
      bytes.push(0x20);
      i += 1;
    } else {
      const full = String.fromCodePoint(text.codePointAt(i) as number);
      bytes.push(...Buffer.from(full, 'utf8'));
      i += full.length;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}
