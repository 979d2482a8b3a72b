import { UsageError } from '../../core/errors.js';
import { escapeUnsafe, percentDecode } from './encoding.js';
import { type Field, type FieldGroup, groupFields } from './maps.js';

/**
 * The query string, kept as the client sent it (percent-encoding and all), is the one source of every
 * query map: each service derives its own maps from it by its own rule (FORMATS §0.2, §0.4, §0.10).
 */

/** Splits `--path` into the path and the query as sent; a fragment never leaves the client. */
export function splitTarget(target: string): { path: string; rawQuery: string } {
  const withoutFragment = target.split('#', 1)[0] as string;
  const question = withoutFragment.indexOf('?');
  const path = question < 0 ? withoutFragment : withoutFragment.slice(0, question);
  const query = question < 0 ? '' : withoutFragment.slice(question + 1);
  if (!path.startsWith('/')) {
    throw new UsageError(
      `--path '${target}' does not start with /`,
      "write the path from the root, e.g. '/orders'",
    );
  }
  return { path: escapeUnsafe(path), rawQuery: escapeUnsafe(query) };
}

/** One `--query key=value`, written into the query string as a client would send it. */
export function encodeQueryParam(key: string, value: string): string {
  return `${escapeUnsafe(key, '&=?')}=${escapeUnsafe(value, '&?')}`;
}

/**
 * Joins query strings (the path's own, then `--query` parameters) with `&`. A leading `?` is sent
 * escaped, so `rawQueryString` never starts with one (FORMATS §0.10).
 */
export function joinQuery(parts: readonly string[]): string {
  return parts
    .filter((part) => part.length > 0)
    .join('&')
    .replace(/^\?/, '%3F');
}

/** The parameters of a query string as sent, not decoded; `?flag` is the parameter `flag` with value "". */
export function parseRawQuery(rawQuery: string): Field[] {
  const fields: Field[] = [];
  // Most requests have no query: skip the split and its one empty part.
  if (rawQuery.length === 0) return fields;
  for (const part of rawQuery.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    fields.push(eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)]);
  }
  return fields;
}

/** A query key or value as API Gateway and function URLs decode it: `%XX` and `+` as a space (FORMATS §3.1). */
export function decodeQueryComponent(text: string): string {
  return percentDecode(text, true);
}

/** ALB groups the parameters as sent: it never decodes keys or values (FORMATS §0.2). */
export function rawQueryGroups(rawQuery: string): FieldGroup[] {
  return groupFields(parseRawQuery(rawQuery));
}

/** API Gateway (REST and HTTP APIs) and function URLs group the decoded parameters (FORMATS §3.1, §5). */
export function decodedQueryGroups(rawQuery: string): FieldGroup[] {
  return groupFields(
    parseRawQuery(rawQuery).map(([key, value]) => [decodeQueryComponent(key), decodeQueryComponent(value)]),
  );
}
