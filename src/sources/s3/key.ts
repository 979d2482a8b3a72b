/**
 * S3 notification keys are form-URL-encoded (FORMATS-events §1.5): space becomes `+`, letters,
 * digits, `-`, `_`, `.`, `*` and `/` stay as they are, every other byte of the UTF-8 key becomes
 * `%XX` in uppercase hex (`@` → `%40`, a literal `+` → `%2B` so decoding is unambiguous, `~` → `%7E`
 * as form encoding does).
 */
const LITERAL = /[A-Za-z0-9\-_.*/]/;

export function encodeS3Key(key: string): string {
  let out = '';
  for (const char of key) {
    if (char === ' ') out += '+';
    else if (LITERAL.test(char)) out += char;
    else
      for (const byte of Buffer.from(char, 'utf8'))
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The key an encoded notification key stands for, read with "plus means space" (`unquote_plus`). */
export function decodeS3Key(encoded: string): string {
  return decodeURIComponent(encoded.replace(/\+/g, ' '));
}

/** True when a notification key is what `encodeS3Key` would write: no raw space, no byte left unencoded. */
export function isEncodedS3Key(encoded: string): boolean {
  try {
    return encodeS3Key(decodeS3Key(encoded)) === encoded;
  } catch {
    return false; // a `%` that starts no valid escape
  }
}
