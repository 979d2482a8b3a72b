import { closest } from './closest.js';
import { UsageError } from './errors.js';

/**
 * What a library option may hold, checked at run time for callers without TypeScript.
 *
 * A source describes its options once as a table of shapes built from the combinators below:
 *
 *   libraryOptions: { bodies: list(text()), records: integer(1, 10_000), fifo: flag(), ... }
 *
 * `LibraryOptionTable<Options>` makes TypeScript check that the table names every option of the
 * interface, no other, and that each shape only lets through values of the option's type. A shape
 * returns the value it was given (never a converted one), or throws a `UsageError` naming the option
 * as the library spells it (`bodies[1]`, `attributes.tenant.value`), what it is and what to give.
 */
export interface Shape<T> {
  /** What fits, for messages: "text", "a whole number from 1 to 10000". */
  readonly expected: string;
  /** Returns `value` when it fits; throws a `UsageError` about `path` otherwise. */
  read(value: unknown, path: string): T;
}

/** A shape for every option of `Options`, and nothing else. */
export type LibraryOptionTable<Options> = { readonly [K in keyof Options]-?: Shape<Options[K]> };

/** How a value is named in a message: its kind, and the value itself when it is short. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length <= 40 ? `text (${JSON.stringify(value)})` : 'text';
    case 'number':
      return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? `the number ${value}` : `${value}`;
    case 'bigint':
      return 'a BigInt';
    case 'boolean':
      return `${value}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    case 'undefined':
      return 'undefined';
    default:
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
      return isPlainData(value) ? 'an object' : 'an object of a class';
  }
}

function isPlainData(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A refusal that knows where it is, so `either` can tell a wrong kind from a fault deeper inside. */
class OptionError extends UsageError {
  constructor(
    what: string,
    hint: string,
    readonly path: string,
  ) {
    super(what, hint);
  }
}

function refuse(path: string, value: unknown, expected: string): never {
  throw new OptionError(`option '${path}' is ${describeValue(value)}`, `give ${expected}`, path);
}

/** A shape from a test: `fits` says whether the value is one. */
function simple<T>(expected: string, fits: (value: unknown) => boolean): Shape<T> {
  return {
    expected,
    read(value, path) {
      if (!fits(value)) refuse(path, value, expected);
      return value as T;
    },
  };
}

export function text(): Shape<string> {
  return simple('text', (value) => typeof value === 'string');
}

export function flag(): Shape<boolean> {
  return simple('true or false', (value) => typeof value === 'boolean');
}

/** A finite number (NaN and Infinity are not numbers JSON or AWS can carry). */
export function number(): Shape<number> {
  return simple('a finite number', (value) => typeof value === 'number' && Number.isFinite(value));
}

export function integer(min: number, max: number): Shape<number> {
  return simple(
    `a whole number from ${min} to ${max}`,
    (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
  );
}

/** One of a fixed list of words. */
export function choice<const Word extends string>(words: readonly Word[]): Shape<Word> {
  return simple(`one of ${words.map((w) => `'${w}'`).join(', ')}`, (value) =>
    (words as readonly unknown[]).includes(value),
  );
}

/** An instance of a class the option takes as it is: a `Date`, a `Uint8Array`. */
export function instance<T>(kind: abstract new (...args: never[]) => T, expected: string): Shape<T> {
  return simple(
    expected,
    (value) => value instanceof kind && !(value instanceof Date && Number.isNaN(+value)),
  );
}

/** A function, for callbacks such as `onWarning`. */
export function callback<T extends (...args: never[]) => unknown>(): Shape<T> {
  return simple('a function', (value) => typeof value === 'function');
}

/**
 * The first of two shapes that fits. When neither does and one of them failed deeper inside the value
 * (the value was of its kind), that fault is the one reported.
 */
export function either<A, B>(
  a: Shape<A>,
  b: Shape<B>,
  expected = `${a.expected}, or ${b.expected}`,
): Shape<A | B> {
  return {
    expected,
    read(value, path) {
      const faults: OptionError[] = [];
      for (const shape of [a, b]) {
        try {
          return shape.read(value, path);
        } catch (error) {
          if (!(error instanceof OptionError)) throw error;
          faults.push(error);
        }
      }
      const deeper = faults.find((fault) => fault.path !== path);
      if (deeper) throw deeper;
      return refuse(path, value, expected);
    },
  };
}

/** An array (a list) of values of one shape. */
export function list<T>(item: Shape<T>): Shape<T[]> {
  const expected = `a list of ${item.expected}`;
  return {
    expected,
    read(value, path) {
      if (!Array.isArray(value)) refuse(path, value, expected);
      value.forEach((element, index) => {
        item.read(element, `${path}[${index}]`);
      });
      return value;
    },
  };
}

/** `[first, second]`, e.g. a `[name, value]` pair. */
export function pair<A, B>(first: Shape<A>, second: Shape<B>): Shape<[A, B]> {
  const expected = `a [${first.expected}, ${second.expected}] pair`;
  return {
    expected,
    read(value, path) {
      if (!Array.isArray(value) || value.length !== 2) refuse(path, value, expected);
      first.read(value[0], `${path}[0]`);
      second.read(value[1], `${path}[1]`);
      return value as [A, B];
    },
  };
}

/** A plain object whose own keys are free names (`__proto__` included) with values of one shape. */
export function record<T>(item: Shape<T>): Shape<Record<string, T>> {
  const expected = `an object of names to ${item.expected}`;
  return {
    expected,
    read(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainData(value)) {
        refuse(path, value, expected);
      }
      for (const key of Object.keys(value))
        item.read((value as Record<string, unknown>)[key], `${path}.${key}`);
      return value as Record<string, T>;
    },
  };
}

/**
 * A plain object with these fields, those in `required` given, the others optional; any other field
 * is refused, with a suggestion.
 */
export function fields<T>(table: LibraryOptionTable<T>, required: readonly (keyof T & string)[]): Shape<T> {
  const names = Object.keys(table);
  const expected = `an object with ${names.join(', ')} (${required.join(', ')} required)`;
  return {
    expected,
    read(value, path) {
      if (typeof value !== 'object' || value === null || Array.isArray(value) || !isPlainData(value)) {
        refuse(path, value, expected);
      }
      const given = value as Record<string, unknown>;
      readFields(table, given, (key) => `${path}.${key}`, `in '${path}'`);
      for (const name of required) {
        if (given[name] === undefined) {
          throw new OptionError(`option '${path}' has no ${name}`, `give ${expected}`, `${path}.${name}`);
        }
      }
      return value as T;
    },
  };
}

/** Checks each own key of `value` against `table`: unknown names are refused with the closest known one. */
export function readFields(
  table: Readonly<Record<string, Shape<unknown>>>,
  value: Readonly<Record<string, unknown>>,
  pathOf: (key: string) => string,
  where: string,
): void {
  for (const key of Object.keys(value)) {
    const shape = Object.hasOwn(table, key) ? table[key] : undefined;
    if (shape === undefined) {
      const guess = closest(key, Object.keys(table));
      throw new OptionError(
        `unknown option '${key}' ${where}`,
        guess ? `did you mean '${guess}'?` : `use ${Object.keys(table).join(', ')}`,
        pathOf(key),
      );
    }
    const given = value[key];
    if (given !== undefined) shape.read(given, pathOf(key));
  }
}

/**
 * Any JSON value: null, true/false, finite numbers, text, lists and plain objects of them. BigInt,
 * functions, symbols, undefined, NaN, Infinity, class instances and cycles are refused with their
 * place. The walk keeps its own stack, so data nested a million deep is checked without overflowing.
 * `nonFinite: true` lets NaN and ±Infinity through, for an option whose source warns about them
 * itself (JSON text such as 1e400 parses to Infinity).
 */
export function json({ nonFinite = false } = {}): Shape<unknown> {
  const expected = 'JSON data (null, true/false, finite numbers, text, lists and plain objects)';
  return {
    expected,
    read(value, path) {
      // Each entry is a value to check, or the marker that its container has been left.
      const stack: { value: unknown; path: string; leave?: object }[] = [{ value, path }];
      const open = new Set<object>();
      while (stack.length > 0) {
        const entry = stack.pop() as { value: unknown; path: string; leave?: object };
        if (entry.leave) {
          open.delete(entry.leave);
          continue;
        }
        const item = entry.value;
        if (item === null || typeof item === 'string' || typeof item === 'boolean') continue;
        if (typeof item === 'number' && (nonFinite || Number.isFinite(item))) continue;
        if (typeof item !== 'object' || (!Array.isArray(item) && !isPlainData(item))) {
          refuse(entry.path, item, expected);
        }
        if (open.has(item)) {
          throw new OptionError(
            `option '${entry.path}' refers back to an object that contains it (a cycle)`,
            'give data without cycles',
            entry.path,
          );
        }
        open.add(item);
        stack.push({ value: undefined, path: entry.path, leave: item });
        if (Array.isArray(item)) {
          for (let i = item.length - 1; i >= 0; i--)
            stack.push({ value: item[i], path: `${entry.path}[${i}]` });
        } else {
          const record = item as Record<string, unknown>;
          for (const key of Object.keys(record))
            stack.push({ value: record[key], path: `${entry.path}.${key}` });
        }
      }
      return value;
    },
  };
}

/** Bytes as a source takes them: text (sent as its UTF-8) or a `Uint8Array`/`Buffer` as it is. */
export function bytesInput(): Shape<string | Uint8Array> {
  return either(text(), instance(Uint8Array, 'bytes (a Uint8Array or Buffer)'), 'text or a Uint8Array');
}
