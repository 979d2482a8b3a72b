import { setOwn } from '../../core/own-keys.js';
/**
 * Name/value lists (query parameters, header fields) and the maps each service makes of them. A
 * service groups repeated names, then keeps the last value, every value, or the values comma-joined
 * (FORMATS §0.4); these helpers do that once for all four HTTP sources.
 */
export type Field = readonly [name: string, value: string];

/** Every value of one name, in the order sent; `name` is the spelling the service shows. */
export interface FieldGroup {
  readonly key: string;
  readonly name: string;
  readonly values: string[];
}

/**
 * Groups fields by `keyOf(name)`, shown as `showAs(name)` of the first field of each group, in the
 * order of first appearance.
 */
export function groupFields(
  fields: readonly Field[],
  keyOf: (name: string) => string = (name) => name,
  showAs: (name: string) => string = (name) => name,
): FieldGroup[] {
  const groups = new Map<string, FieldGroup>();
  for (const [name, value] of fields) {
    const key = keyOf(name);
    const group = groups.get(key);
    if (group) group.values.push(value);
    else groups.set(key, { key, name: showAs(name), values: [value] });
  }
  return [...groups.values()];
}

/** Groups sorted by key, the order real events list header names in (FORMATS §2.2). */
export function sortGroups(groups: readonly FieldGroup[]): FieldGroup[] {
  return [...groups].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `{name: last value}`: REST and ALB single-value mode keep the last of repeated names (FORMATS §0.4). */
export function lastValues(groups: readonly FieldGroup[]): Record<string, string> {
  return toObject(groups.map((g) => [g.name, g.values[g.values.length - 1] as string]));
}

/** `{name: [every value]}`: the multi-value maps (FORMATS §0.4). */
export function allValues(groups: readonly FieldGroup[]): Record<string, string[]> {
  return toObject(groups.map((g) => [g.name, [...g.values]]));
}

/** `{name: "a,b"}`: HTTP APIs and function URLs join repeats with a comma, no space (FORMATS §0.4). */
export function joinedValues(groups: readonly FieldGroup[]): Record<string, string> {
  return toObject(groups.map((g) => [g.name, g.values.join(',')]));
}

/** An object from entries whose keys come from the request, `__proto__` an ordinary key (src/core/own-keys.ts). */
export function toObject<Value>(entries: readonly (readonly [string, Value])[]): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [key, value] of entries) setOwn(out, key, value);
  return out;
}
