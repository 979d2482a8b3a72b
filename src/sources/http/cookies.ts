import { UsageError } from '../../core/errors.js';

// RFC 6265 §4.1.1: a cookie name is a token; a value has no spaces, quotes, commas, semicolons or backslashes.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_VALUE =
  /^(?:[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*|"[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*")$/;

/** One cookie as `name=value`, checked the way a browser would refuse to send a malformed one. */
export function cookiePair(name: string, value: string): string {
  if (!COOKIE_NAME.test(name)) {
    throw new UsageError(`cookie name '${name}' is not valid`, 'use letters, digits and -_. without spaces');
  }
  if (!COOKIE_VALUE.test(value)) {
    throw new UsageError(
      `cookie ${name} has the value '${value}', which a client cannot send`,
      'percent-encode spaces, commas, semicolons, quotes and non-ASCII characters',
    );
  }
  return `${name}=${value}`;
}

/** The `Cookie` header a client sends: every pair in one header, separated by `; ` (RFC 6265 §5.4). */
export function cookieHeaderValue(pairs: readonly string[]): string {
  return pairs.join('; ');
}

/** `cookies[]` of HTTP APIs and function URLs: one element per pair of the Cookie header (FORMATS §0.9). */
export function splitCookieHeader(value: string): string[] {
  return value
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.length > 0);
}
