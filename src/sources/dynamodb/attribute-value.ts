import { isBase64 } from '../../core/base64.js';

/**
 * DynamoDB AttributeValues (FORMATS-events §5.3), written once for every event that carries items:
 * the validator `attributeValueIssue` serves the generator (typed input) and the checker alike.
 */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: Item }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

/** An item, or an item's key: attribute names to AttributeValues. */
export type Item = Record<string, AttributeValue>;

export type SetType = 'SS' | 'NS' | 'BS';

export const ATTRIBUTE_TYPES = ['S', 'N', 'B', 'BOOL', 'NULL', 'M', 'L', 'SS', 'NS', 'BS'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** Key attributes can only be strings, numbers or binary. */
export const KEY_TYPES: readonly AttributeType[] = ['S', 'N', 'B'];

// DynamoDB numbers: up to 38 significant digits, magnitude from 1E-130 to below 1E+126.
const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_DIGITS = 38;
const MIN_EXPONENT = -130;
const MAX_EXPONENT = 125;

interface ParsedNumber {
  negative: boolean;
  /** The significant digits, without leading or trailing zeros ('' for zero). */
  digits: string;
  /** Power of ten of the first significant digit. */
  exponent: number;
}

function parseNumber(text: string): ParsedNumber | undefined {
  const match = NUMBER_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', power = '0'] = match;
  if (whole.length === 0 && fraction.length === 0) return undefined;
  const all = whole + fraction;
  const lead = all.search(/[1-9]/);
  if (lead < 0) return { negative: false, digits: '', exponent: 0 };
  const digits = all.slice(lead).replace(/0+$/, '');
  const exponent = whole.length - lead - 1 + Number(power);
  return { negative: sign === '-', digits, exponent };
}

/** Why `text` is not a DynamoDB number, or undefined when it is one. */
export function numberIssue(text: string): string | undefined {
  const parsed = parseNumber(text);
  if (!parsed) return `'${text}' is not a number`;
  if (parsed.digits.length > MAX_DIGITS)
    return `'${text}' has ${parsed.digits.length} significant digits (DynamoDB keeps at most 38)`;
  if (parsed.digits.length > 0 && (parsed.exponent < MIN_EXPONENT || parsed.exponent > MAX_EXPONENT))
    return `'${text}' is outside the range DynamoDB numbers hold (1E-130 to 9.9E+125)`;
  return undefined;
}

/**
 * A number as DynamoDB returns it: plain decimal, leading and trailing zeros trimmed (DynamoDB
 * developer guide, "Number"), so `1.50`, `1.5e0` and `015E-1` all read `1.5`.
 */
export function canonicalNumber(text: string): string {
  const parsed = parseNumber(text);
  if (!parsed || parsed.digits.length === 0) return '0';
  const { digits, exponent } = parsed;
  let plain: string;
  if (exponent < 0) plain = `0.${'0'.repeat(-exponent - 1)}${digits}`;
  else if (exponent + 1 >= digits.length) plain = digits + '0'.repeat(exponent + 1 - digits.length);
  else plain = `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
  return parsed.negative ? `-${plain}` : plain;
}

/** Significant digits of a number text, leading and trailing zeros trimmed (FORMATS-events §5.4). */
export function significantDigits(text: string): number {
  return parseNumber(text)?.digits.length ?? 0;
}

/** A problem found in an AttributeValue: where (a path below the value) and what. */
export interface AttributeIssue {
  path: string;
  message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The first way `value` is not a well-formed AttributeValue, or undefined. `path` names the value in
 * messages (`NewImage.tags`). Sets are non-empty, without repeats; `NULL` is `true` (§5.3).
 */
export function attributeValueIssue(value: unknown, path: string): AttributeIssue | undefined {
  if (!isObject(value)) return { path, message: 'an AttributeValue is an object such as {"S":"text"}' };
  const keys = Object.keys(value);
  const type = keys[0] as AttributeType;
  if (keys.length !== 1 || !ATTRIBUTE_TYPES.includes(type)) {
    return {
      path,
      message: `an AttributeValue has exactly one of ${ATTRIBUTE_TYPES.join(', ')} (found ${keys.join(', ') || 'none'})`,
    };
  }
  const content = value[type];
  const at = `${path}.${type}`;
  const fail = (message: string): AttributeIssue => ({ path: at, message });
  switch (type) {
    case 'S':
      return typeof content === 'string' ? undefined : fail('S holds a string');
    case 'N':
      if (typeof content !== 'string') return fail('N holds a number written as a string, e.g. "42"');
      return numberIssueAt(content, at);
    case 'B':
      return typeof content === 'string' && isBase64(content) ? undefined : fail('B holds base64 text');
    case 'BOOL':
      return typeof content === 'boolean' ? undefined : fail('BOOL holds true or false');
    case 'NULL':
      return content === true ? undefined : fail('NULL holds true');
    case 'M':
      if (!isObject(content)) return fail('M holds an object of AttributeValues');
      for (const [name, member] of Object.entries(content)) {
        const issue = attributeValueIssue(member, `${at}${memberPath(name)}`);
        if (issue) return issue;
      }
      return undefined;
    case 'L':
      if (!Array.isArray(content)) return fail('L holds an array of AttributeValues');
      for (const [i, member] of content.entries()) {
        const issue = attributeValueIssue(member, `${at}[${i}]`);
        if (issue) return issue;
      }
      return undefined;
    default:
      return setIssue(type, content, at);
  }
}

function numberIssueAt(text: string, at: string): AttributeIssue | undefined {
  const message = numberIssue(text);
  return message === undefined ? undefined : { path: at, message };
}

function setIssue(type: SetType, content: unknown, at: string): AttributeIssue | undefined {
  const member = { SS: 'strings', NS: 'numbers written as strings', BS: 'base64 strings' }[type];
  if (!Array.isArray(content) || content.length === 0)
    return { path: at, message: `${type} holds a non-empty array of ${member}` };
  const seen = new Set<string>();
  for (const [i, item] of content.entries()) {
    if (typeof item !== 'string') return { path: `${at}[${i}]`, message: `${type} holds ${member}` };
    if (type === 'NS') {
      const issue = numberIssueAt(item, `${at}[${i}]`);
      if (issue) return issue;
    }
    if (type === 'BS' && !isBase64(item)) return { path: `${at}[${i}]`, message: 'BS holds base64 strings' };
    // Sets hold each member once; numbers are compared by value (1.0 and 1 are the same member).
    const identity = type === 'NS' ? canonicalNumber(item) : item;
    if (seen.has(identity)) return { path: `${at}[${i}]`, message: 'a set holds each member once' };
    seen.add(identity);
  }
  return undefined;
}

/** `.name`, or `["name"]` when the name is not a plain identifier. */
export function memberPath(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** The AttributeValue with its numbers as DynamoDB returns them (see `canonicalNumber`). */
export function withCanonicalNumbers(value: AttributeValue): AttributeValue {
  if ('N' in value) return { N: canonicalNumber(value.N) };
  if ('NS' in value) return { NS: value.NS.map(canonicalNumber) };
  if ('M' in value) return { M: mapValues(value.M, withCanonicalNumbers) };
  if ('L' in value) return { L: value.L.map(withCanonicalNumbers) };
  return value;
}

export function mapValues<T, U>(
  record: Readonly<Record<string, T>>,
  map: (value: T) => U,
): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [key, value] of Object.entries(record)) out[key] = map(value);
  return out;
}
