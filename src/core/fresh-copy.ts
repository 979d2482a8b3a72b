/**
 * A copy, for one event, of a value prepared once per run, so an edit to one event (`--set`,
 * `--merge`) never reaches the next. Nothing to copy is returned as it is: cloning `undefined` costs
 * as much as cloning a small object. A plain object or array of primitives (the usual given
 * arguments, stash, variables) is copied by hand, many times quicker than structuredClone and the
 * same copy; anything deeper is structuredClone's.
 */
export function freshCopy<Value>(value: Value): Value {
  if (value === undefined || value === null) return value;
  return (flatCopy(value) ?? structuredClone(value)) as Value;
}

// What structuredClone copies as it is (it refuses symbols and functions).
const isPrimitive = (item: unknown) =>
  item === null || (typeof item !== 'object' && typeof item !== 'function' && typeof item !== 'symbol');

function flatCopy(value: unknown): unknown {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return undefined;
    const copy: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!Object.hasOwn(value, i) || !isPrimitive(value[i])) return undefined;
      copy.push(value[i]);
    }
    return Object.keys(value).length === value.length ? copy : undefined;
  }
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key in object) {
    const item = object[key];
    if (!Object.hasOwn(object, key) || key === '__proto__' || !isPrimitive(item)) return undefined;
    copy[key] = item;
  }
  return Object.getOwnPropertySymbols(object).length === 0 ? copy : undefined;
}
