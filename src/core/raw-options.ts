import { UsageError } from './errors.js';

/**
 * Readers for CLI-style option values, shared by every source. They accept what yargs produces and
 * what a recipe's JSON holds, and refuse anything else with a message naming the option.
 */
export function optionalString(raw: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new UsageError(`--${name} is given more than once`, 'give it once');
  return textOf(value, name);
}

/**
 * A value given as text; a number from a recipe's JSON is its digits. A boolean is refused: `true` or
 * `false` for a text option is a mistake (a switch's spelling), never the text "false" or a seed.
 */
function textOf(value: unknown, name: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new UsageError(
    `--${name} must be text, not ${JSON.stringify(value) ?? typeof value}`,
    `give --${name} <value>`,
  );
}

export function stringList(raw: Readonly<Record<string, unknown>>, name: string): string[] {
  const value = raw[name];
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => textOf(item, name));
}

export function optionalBoolean(raw: Readonly<Record<string, unknown>>, name: string): boolean | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`--${name} is a switch and takes no value`, `write --${name} or --no-${name}`);
}

/** A whole number in [min, max]; `1e9`, `-1`, `abc` and `2.5` are refused with the allowed range. */
export function optionalInteger(
  raw: Readonly<Record<string, unknown>>,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = raw[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) throw new UsageError(`--${name} is given more than once`, 'give it once');
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) {
    throw new UsageError(`--${name} '${text}' is not a whole number`, `give a number from ${min} to ${max}`);
  }
  const n = Number(text);
  if (n < min || n > max)
    throw new UsageError(`--${name} ${text} is out of range`, `give a number from ${min} to ${max}`);
  return n;
}

/** Splits `name=value` at the first `=`. */
export function splitPair(text: string, option: string, shape: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--${option} '${text}' is not ${shape}`, `write --${option} '${shape}'`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}

/** A repeatable option's values, or undefined when it was not given at all. */
export function optionalList(raw: Readonly<Record<string, unknown>>, name: string): string[] | undefined {
  const list = stringList(raw, name);
  return list.length > 0 ? list : undefined;
}

/**
 * The entries whose value was given: an option left out stays absent from the library's options,
 * rather than becoming a key set to `undefined`.
 */
export function givenOnly<T extends Record<string, unknown>>(
  values: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
