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
  const where = `--set path '${path}'`;
  if (path.length === 0)
    throw new UsageError('--set has an empty path', "write it as --set 'path.to.field=value'");
  const segments: PathSegment[] = [];
  let i = 0;
  let expectName = true;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new UsageError(`${where} has an unclosed '['`, 'close it, as in Records[0]');
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) {
        segments.push(Number(inner));
      } else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) {
        segments.push(JSON.parse(inner) as string);
      } else {
        throw new UsageError(
          `${where} has '[${inner}]', which is not an index`,
          'use [0] for an index or ["key"]',
        );
      }
      i = close + 1;
      expectName = false;
    } else if (ch === '.') {
      if (expectName) throw new UsageError(`${where} has an empty segment`, 'remove the extra dot');
      i += 1;
      expectName = true;
    } else {
      let end = i;
      while (end < path.length && path[end] !== '.' && path[end] !== '[') end += 1;
      segments.push(path.slice(i, end));
      i = end;
      expectName = false;
    }
  }
  if (expectName) throw new UsageError(`${where} ends with a dot`, 'remove the trailing dot');
  for (const segment of segments) if (typeof segment === 'string') refuseForbidden(segment, where);
  return segments;
}

/** Parses one `--set path=value`; the value is JSON when it parses as JSON, else the text itself. */
export function parseSetArg(arg: string): SetOperation {
  const eq = arg.indexOf('=');
  if (eq < 0) throw new UsageError(`--set '${arg}' has no '='`, "write it as --set 'path.to.field=value'");
  const path = parseSetPath(arg.slice(0, eq));
  if (path.length > MAX_NESTING) {
    throw new UsageError(
      `--set path '${arg.slice(0, 40)}…' has ${path.length} segments`,
      `a path may have up to ${MAX_NESTING}, as deep as an event may nest`,
    );
  }
  const text = arg.slice(eq + 1);
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // Not JSON: the text is the value.
  }
  checkNesting(value, `the --set value for '${arg.slice(0, Math.min(eq, 40))}'`);
  if (isPlainObject(value) || Array.isArray(value)) checkNoForbiddenKeys(value, `--set '${arg}'`);
  return { path, value };
}

export function applySet(target: Record<string, unknown>, { path, value }: SetOperation): void {
  let node: unknown = target;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i] as PathSegment;
    const container = node as Record<PathSegment, unknown>;
    let next = container[segment];
    if (!isPlainObject(next) && !Array.isArray(next)) {
      next = typeof path[i + 1] === 'number' ? [] : {};
      container[segment] = next;
    }
    node = next;
  }
  (node as Record<PathSegment, unknown>)[path[path.length - 1] as PathSegment] = value;
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
