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

/**
 * Where the fields of each group sit in a field list, in the order the map lists the groups: the
 * grouping, naming and sorting of one list of names, worked out once and reused for every event whose
 * fields have those names (src/sources/http/headers.ts keeps them per run's lists of names).
 */
export interface FieldLayout {
  readonly groups: readonly { readonly key: string; readonly name: string; readonly at: readonly number[] }[];
  /** No group is shown as `__proto__`, so plain assignment builds the maps (src/core/own-keys.ts). */
  readonly plain: boolean;
}

/** The layout of `fields` grouped by `keyOf`, shown as `showAs`, sorted by key when `sorted`. */
export function layoutOf(
  fields: readonly Field[],
  keyOf: (name: string) => string,
  showAs: (name: string) => string,
  sorted: boolean,
): FieldLayout {
  const byKey = new Map<string, { key: string; name: string; at: number[] }>();
  fields.forEach(([name], i) => {
    const key = keyOf(name);
    const group = byKey.get(key);
    if (group) group.at.push(i);
    else byKey.set(key, { key, name: showAs(name), at: [i] });
  });
  const groups = [...byKey.values()];
  if (sorted) groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    groups,
    plain: groups.every(({ name }) => name !== '__proto__'),
  };
}

/** The groups of `fields` as `layout` places them. */
export function groupsIn(fields: readonly Field[], layout: FieldLayout): FieldGroup[] {
  return layout.groups.map(({ key, name, at }) => ({
    key,
    name,
    values: at.map((i) => (fields[i] as Field)[1]),
  }));
}

/** `{name: last value}` straight from the fields (see lastValues). */
export function lastValuesIn(fields: readonly Field[], layout: FieldLayout): Record<string, string> {
  return mapIn(layout, ({ at }) => (fields[at[at.length - 1] as number] as Field)[1]);
}

/** `{name: [every value]}` straight from the fields (see allValues). */
export function allValuesIn(fields: readonly Field[], layout: FieldLayout): Record<string, string[]> {
  return mapIn(layout, ({ at }) => at.map((i) => (fields[i] as Field)[1]));
}

/** `{name: "a,b"}` straight from the fields (see joinedValues). */
export function joinedValuesIn(fields: readonly Field[], layout: FieldLayout): Record<string, string> {
  return mapIn(layout, ({ at }) => {
    if (at.length === 1) return (fields[at[0] as number] as Field)[1];
    return at.map((i) => (fields[i] as Field)[1]).join(',');
  });
}

function mapIn<Value>(
  layout: FieldLayout,
  valueFor: (group: FieldLayout['groups'][number]) => Value,
): Record<string, Value> {
  const out: Record<string, Value> = {};
  if (layout.plain) for (const group of layout.groups) out[group.name] = valueFor(group);
  else for (const group of layout.groups) setOwn(out, group.name, valueFor(group));
  return out;
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
