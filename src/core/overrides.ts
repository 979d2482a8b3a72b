import { UsageError } from './errors.js';
import { checkNesting, MAX_NESTING } from './nesting.js';
import { isPlainObject } from './template.js';

/**
 * `--set` and `--merge`: the escape hatch, applied verbatim after every rule, so a user can build a
 * deliberately odd event. Keys that would reach an object's prototype are refused everywhere.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export type PathSegment = string | number;

export interface SetOperation {
  path: PathSegment[];
  value: unknown;
}

function refuseForbidden(key: string, where: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new UsageError(
      `${where} uses the key '${key}'`,
      'it could change object prototypes; rename the key',
    );
  }
}

/** Parses `a.b[0]["odd.key"].c` into segments. */
export function parseSetPath(path: string): PathSegment[] {
  const { segments, end } = scanSetPath(path, path);
  if (end < path.length) {
    throw new UsageError(
      `--set path '${path}' has a stray '${path[end]}'`,
      "write it as --set 'path.to.field=value'",
    );
  }
  return segments;
}

/**
 * Reads a path from the start of `text` up to the first `=` outside a quoted key, so a key with `]`,
 * `=` or `.` in it is written as `["a]=b.c"]`, a JSON string (escapes `\"`, `\\`, `\u0041`).
 * `arg` is the whole `--set` argument, for messages.
 */
function scanSetPath(text: string, arg: string): { segments: PathSegment[]; end: number } {
  const segments: PathSegment[] = [];
  let i = 0;
  let expectName = true;
  // The path as typed, up to the `=` after where the scan is, for messages.
  const where = () =>
    `--set path '${text.slice(0, text.indexOf('=', i) < 0 ? text.length : text.indexOf('=', i))}'`;
  while (i < text.length && text[i] !== '=') {
    const ch = text[i];
    if (ch === '[') {
      if (text[i + 1] === '"') {
        const close = closingQuote(text, i + 2);
        if (close < 0 || text[close + 1] !== ']') {
          throw new UsageError(
            `--set '${arg}' has a quoted key that is not closed`,
            'end it with "], as in headers["x-key"]',
          );
        }
        const literal = text.slice(i + 1, close + 1);
        try {
          segments.push(JSON.parse(literal) as string);
        } catch {
          throw new UsageError(
            `--set '${arg}' has a bad escape in [${literal}]`,
            'inside ["..."] write \\" for a quote and \\\\ for a backslash',
          );
        }
        i = close + 2;
      } else {
        const close = text.indexOf(']', i);
        if (close < 0) throw new UsageError(`${where()} has an unclosed '['`, 'close it, as in Records[0]');
        const inner = text.slice(i + 1, close);
        if (!/^\d+$/.test(inner)) {
          throw new UsageError(
            `${where()} has '[${inner}]', which is not an index`,
            'use [0] for an index or ["key"]',
          );
        }
        segments.push(Number(inner));
        i = close + 1;
      }
      expectName = false;
    } else if (ch === '.') {
      if (expectName) throw new UsageError(`${where()} has an empty segment`, 'remove the extra dot');
      i += 1;
      expectName = true;
    } else {
      let end = i;
      while (end < text.length && text[end] !== '.' && text[end] !== '[' && text[end] !== '=') end += 1;
      segments.push(text.slice(i, end));
      i = end;
      expectName = false;
    }
  }
  if (i === 0) throw new UsageError('--set has an empty path', "write it as --set 'path.to.field=value'");
  if (expectName) throw new UsageError(`${where()} ends with a dot`, 'remove the trailing dot');
  for (const segment of segments) if (typeof segment === 'string') refuseForbidden(segment, where());
  return { segments, end: i };
}

/** The index of the `"` closing a JSON string whose text starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Parses one `--set path=value`; the value is JSON when it parses as JSON, else the text itself. */
export function parseSetArg(arg: string): SetOperation {
  if (!arg.includes('=')) {
    throw new UsageError(`--set '${arg}' has no '='`, "write it as --set 'path.to.field=value'");
  }
  const { segments: path, end } = scanSetPath(arg, arg);
  if (arg[end] !== '=')
    throw new UsageError(
      `--set '${arg}' has no '=' after its path`,
      "write it as --set 'path.to.field=value'",
    );
  const text = arg.slice(end + 1);
  if (path.length > MAX_NESTING) {
    throw new UsageError(
      `--set path '${arg.slice(0, 40)}…' has ${path.length} segments`,
      `a path may have up to ${MAX_NESTING}, as deep as an event may nest`,
    );
  }
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: the text is the value.
  }
  checkNesting(value, `the --set value for '${arg.slice(0, Math.min(end, 40))}'`);
  if (isPlainObject(value) || Array.isArray(value)) checkNoForbiddenKeys(value, `--set '${arg}'`);
  return { path, value };
}

/** A path as `--set` writes it, for messages: `Records[0].body`, `headers["x.y"]`. */
export function formatSetPath(path: readonly PathSegment[]): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      if (/^[^.[\]="\\]+$/.test(segment)) return i === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join('');
}

/**
 * Sets the value at `path`, creating missing objects and lists on the way. An index may name an
 * element of a list or the place just after its last one (adding an element); anything past that is
 * refused rather than leaving holes (or allocating a list of a hundred million), and a list is only
 * ever indexed by number (a named field of a list would vanish from the JSON).
 */
export function applySet(target: Record<string, unknown>, { path, value }: SetOperation): void {
  let node: unknown = target;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as PathSegment;
    if (Array.isArray(node)) checkListStep(path, i, node.length);
    const container = node as Record<PathSegment, unknown>;
    if (i === path.length - 1) {
      container[segment] = value;
      return;
    }
    let next = container[segment];
    if (!isPlainObject(next) && !Array.isArray(next)) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      // Checked before the new list is attached, so a refused edit changes nothing.
      if (Array.isArray(next)) checkListStep(path, i + 1, 0);
      container[segment] = next;
    }
    node = next;
  }
}

/** Refuses step `i` of `path` into a list of `length` elements unless it is an index up to `length`. */
function checkListStep(path: readonly PathSegment[], i: number, length: number): void {
  const segment = path[i];
  const at = formatSetPath(path.slice(0, i)) || 'the event';
  if (typeof segment !== 'number') {
    throw new UsageError(
      `--set path '${formatSetPath(path)}' names the field '${segment}' of ${at}, which is a list`,
      `use an index, as in ${at}[0]`,
    );
  }
  if (segment > length) {
    throw new UsageError(
      `--set path '${formatSetPath(path)}' has the index ${segment}, but ${at} has ${length} element${length === 1 ? '' : 's'}`,
      `use an index from 0 to ${length} (${length} adds an element)`,
    );
  }
}

/** Throws when any object inside `value` has a key that could reach a prototype. */
export function checkNoForbiddenKeys(value: unknown, where: string): void {
  if (Array.isArray(value)) {
    for (const item of value) checkNoForbiddenKeys(item, where);
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      refuseForbidden(key, where);
      checkNoForbiddenKeys(value[key], where);
    }
  }
}

/**
 * Deep-merges `patch` into `target` in place. Objects merge key by key, arrays element by element
 * (so `{"Records":[{"body":"x"}]}` edits only the first record's body), anything else replaces.
 */
export function deepMerge(target: unknown, patch: unknown): unknown {
  if (isPlainObject(target) && isPlainObject(patch)) {
    for (const key of Object.keys(patch)) {
      refuseForbidden(key, '--merge');
      target[key] = deepMerge(target[key], patch[key]);
    }
    return target;
  }
  if (Array.isArray(target) && Array.isArray(patch)) {
    patch.forEach((item, index) => {
      target[index] = deepMerge(target[index], item);
    });
    return target;
  }
  return cloneJson(patch);
}

function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      refuseForbidden(key, '--merge');
      out[key] = cloneJson(value[key]);
    }
    return out;
  }
  return value;
}
