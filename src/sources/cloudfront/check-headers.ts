import { isRecord, type ProblemList } from '../../check/problems.js';
import { isDisallowedHeader } from './headers.js';

/**
 * The rules of Lambda@Edge's header map (FORMATS-api-identity §4.2), shared by the event checker
 * and the response checker: lowercase names, each an array of `{key, value}` lines whose `key` is
 * the same name in any case. `keyOptional` is for what a function returns: a missing key is
 * filled in by CloudFront.
 */
export function checkEdgeHeaders(
  problems: ProblemList,
  path: string,
  headers: unknown,
  { keyOptional = false } = {},
): Record<string, { key?: string; value: string }[]> | undefined {
  if (!isRecord(headers)) {
    problems.add(path, 'headers is an object of lowercase names to [{key, value}] arrays');
    return undefined;
  }
  for (const [name, lines] of Object.entries(headers)) {
    const at = `${path}["${name}"]`;
    if (name !== name.toLowerCase()) problems.add(at, 'header names are lowercase', name.toLowerCase());
    if (isDisallowedHeader(name.toLowerCase()))
      problems.add(at, `${name} is a header CloudFront neither shows a function nor takes from one`);
    if (!Array.isArray(lines) || lines.length === 0) {
      problems.add(at, 'each header is a non-empty array of {key, value}, one per header line');
      continue;
    }
    lines.forEach((line, i) => {
      const lineAt = `${at}[${i}]`;
      if (!isRecord(line)) {
        problems.add(lineAt, 'a header line is {key, value}');
        return;
      }
      if (typeof line.value !== 'string') problems.add(`${lineAt}.value`, 'value is a string');
      if (line.key === undefined && keyOptional) return;
      if (typeof line.key !== 'string') problems.add(`${lineAt}.key`, 'key is the header name as sent');
      else if (line.key.toLowerCase() !== name.toLowerCase())
        problems.add(`${lineAt}.key`, `key ${line.key} is not the header ${name}`, name);
      if (!keyOptional) {
        const extra = Object.keys(line).filter((k) => k !== 'key' && k !== 'value');
        if (extra.length > 0)
          problems.add(lineAt, `a header line has only key and value, not ${extra.join(', ')}`);
      }
    });
  }
  return headers as Record<string, { key?: string; value: string }[]>;
}

/** Every value of a header in an edge header map, in order; none when it is absent. */
export function edgeHeaderValues(
  headers: Record<string, { key?: string; value: string }[]> | undefined,
  name: string,
): string[] {
  const lines = headers && Object.hasOwn(headers, name) ? headers[name] : undefined;
  return Array.isArray(lines) ? lines.map((line) => (isRecord(line) ? String(line.value) : '')) : [];
}
