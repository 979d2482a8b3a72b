import { UsageError } from '../../core/errors.js';
import { type Field, type FieldGroup, type FieldLayout, groupsIn, layoutOf } from './maps.js';

/** A header field as sent or added: the name as written, the value. */
export type HeaderField = Field;

// RFC 9110 token characters: a name with a space, a colon or a non-ASCII letter is no header name.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The first control character other than tab in a field value, which HTTP does not allow (RFC 9110 §5.5). */
function controlCharacter(value: string): string | undefined {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) return value[i];
  }
  return undefined;
}

export function checkHeaderName(name: string, option = '--header'): void {
  if (!TOKEN.test(name)) {
    throw new UsageError(
      `${option} name '${name}' is not a valid header name`,
      'use letters, digits and the symbols an HTTP token allows (no spaces or colons), e.g. X-Request-Id',
    );
  }
}

export function checkHeaderValue(name: string, value: string, option = '--header'): void {
  const found = controlCharacter(value);
  if (found !== undefined) {
    throw new UsageError(
      `${option} ${name} has the control character ${JSON.stringify(found)} in its value`,
      'HTTP allows tab but no other control character in a header: give the value on one line',
    );
  }
}

/** A parser of `<option> 'Name: value'`; the value loses the spaces around it, as HTTP parsers do. */
export function headerArgParser(option: string): (arg: string) => HeaderField {
  return (arg) => {
    const colon = arg.indexOf(':');
    if (colon <= 0) {
      throw new UsageError(`${option} '${arg}' is not 'Name: value'`, `write ${option} 'X-Request-Id: 42'`);
    }
    const name = arg.slice(0, colon);
    const value = arg.slice(colon + 1).trim();
    checkHeaderName(name, option);
    checkHeaderValue(name, value, option);
    return [name, value];
  };
}

/** Parses `--header 'Name: value'`. */
export const parseHeaderArg = headerArgParser('--header');

/** The last value of a header, matched case-insensitively. */
export function headerValue(fields: readonly HeaderField[], name: string): string | undefined {
  const lower = name.toLowerCase();
  let found: string | undefined;
  for (const [n, v] of fields) if (n.toLowerCase() === lower) found = v;
  return found;
}

export const lowerCaseName = (name: string): string => name.toLowerCase();

/** WebSocket events keep the client's spelling of every name (FORMATS-api-identity §2.3). */
export const asSent = (name: string): string => name;

/**
 * REST keeps the client's spelling of header names but re-cases some well-known ones; only
 * `Authorization` has been observed (FORMATS §0.5, §10.2).
 */
export const restHeaderName = (name: string): string =>
  name.toLowerCase() === 'authorization' ? 'Authorization' : name;

/**
 * The header map of an event: names grouped case-insensitively and shown as `showAs` spells the first
 * of them, sorted as real events list them (FORMATS §2.2).
 */
export function headerGroups(fields: readonly HeaderField[], showAs: (name: string) => string): FieldGroup[] {
  return groupsIn(fields, headerLayout(fields, showAs));
}

/**
 * Layouts already worked out, per spelling rule: a tree with one level per header, keyed by name, so
 * finding a list's layout is one map look-up per header, with no key string built per event.
 */
interface LayoutNode {
  layout?: FieldLayout;
  readonly next: Map<string, LayoutNode>;
}
const layouts = new WeakMap<(name: string) => string, { root: LayoutNode; nodes: number }>();
/** A run has a few lists of header names (one per client kind); past this many names in a tree, the layout of a new list is worked out each time. */
const MAX_NODES = 4096;

/**
 * The layout of a header map (see headerGroups), fixed once per list of names: a run's events share a
 * few such lists, so the grouping and sorting are done once, not per event.
 */
export function headerLayout(fields: readonly HeaderField[], showAs: (name: string) => string): FieldLayout {
  let known = layouts.get(showAs);
  if (known === undefined) {
    known = { root: { next: new Map() }, nodes: 0 };
    layouts.set(showAs, known);
  }
  let node = known.root;
  for (const field of fields) {
    let next = node.next.get(field[0]);
    if (next === undefined) {
      if (known.nodes >= MAX_NODES) return layoutOf(fields, lowerCaseName, showAs, true);
      next = { next: new Map() };
      node.next.set(field[0], next);
      known.nodes += 1;
    }
    node = next;
  }
  node.layout ??= layoutOf(fields, lowerCaseName, showAs, true);
  return node.layout;
}
