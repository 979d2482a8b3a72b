import { isRecord, type ProblemList } from '../../check/problems.js';
import { kindOf } from '../../check/response-values.js';
import { isBase64 } from '../../core/bytes.js';

/**
 * The rules every HTTP-style response (ALB, REST, HTTP API, function URL, WebSocket routes) shares:
 * the field types the service reads. Each source says what its service does with a broken one
 * (`consequence`: "the load balancer answers 502 Bad Gateway").
 */

/** `statusCode`: a JSON integer 100–599. */
export function checkStatusCode(value: unknown, consequence: string, problems: ProblemList): void {
  if (value === undefined) {
    problems.add('statusCode', `statusCode is missing: ${consequence}`, 'an integer 100-599');
  } else if (!Number.isInteger(value) || (value as number) < 100 || (value as number) > 599) {
    problems.add(
      'statusCode',
      `statusCode ${JSON.stringify(value)} is not an HTTP status: ${consequence}`,
      'an integer 100-599',
    );
  }
}

/**
 * The entries of a header map that is given: an object (or null, or absent); anything else is one
 * problem naming what `of` the map should hold.
 */
function headerEntries(
  value: unknown,
  path: string,
  of: 'values' | 'arrays',
  consequence: string,
  problems: ProblemList,
): [string, unknown][] {
  if (value === undefined || value === null) return [];
  if (isRecord(value)) return Object.entries(value);
  problems.add(
    path,
    `${path} is ${kindOf(value)}, not an object of header names to ${of}: ${consequence}`,
    of === 'values' ? '{"name": "value"}' : '{"name": ["value"]}',
  );
  return [];
}

/** One header value, which API Gateway and ALB read only as a string. */
function checkHeaderValue(item: unknown, path: string, consequence: string, problems: ProblemList): void {
  if (typeof item !== 'string')
    problems.add(path, `header value is ${kindOf(item)}, not a string: ${consequence}`, 'a string');
}

/** A `headers` map: an object (or null) whose values are strings. */
export function checkHeaderMap(
  value: unknown,
  path: string,
  consequence: string,
  problems: ProblemList,
): void {
  for (const [name, item] of headerEntries(value, path, 'values', consequence, problems))
    checkHeaderValue(item, `${path}.${name}`, consequence, problems);
}

/** A `multiValueHeaders` map: an object (or null) whose values are arrays of strings. */
export function checkMultiValueMap(
  value: unknown,
  path: string,
  consequence: string,
  problems: ProblemList,
): void {
  for (const [name, list] of headerEntries(value, path, 'arrays', consequence, problems)) {
    if (!Array.isArray(list)) {
      problems.add(
        `${path}.${name}`,
        `multi-value header is ${kindOf(list)}, not an array of strings: ${consequence}`,
        '["value"]',
      );
      continue;
    }
    list.forEach((item, index) => {
      checkHeaderValue(item, `${path}.${name}[${index}]`, consequence, problems);
    });
  }
}

/** `body` is a string when present (null and absent mean no body); base64 when `isBase64Encoded` says so. */
export function checkBodyAndEncoding(
  response: Record<string, unknown>,
  consequence: string,
  problems: ProblemList,
  options: { encodingRequired?: boolean } = {},
): void {
  const { body, isBase64Encoded } = response;
  if (body !== undefined && body !== null && typeof body !== 'string') {
    problems.add(
      'body',
      `body is ${kindOf(body)}, not a string: ${consequence}`,
      'a string (JSON.stringify an object first)',
    );
  }
  if (isBase64Encoded === undefined) {
    if (options.encodingRequired)
      problems.add('isBase64Encoded', `isBase64Encoded is missing: ${consequence}`, 'true or false');
  } else if (typeof isBase64Encoded !== 'boolean') {
    problems.add(
      'isBase64Encoded',
      `isBase64Encoded is ${kindOf(isBase64Encoded)}, not a boolean: ${consequence}`,
      'true or false',
    );
  } else if (isBase64Encoded && typeof body === 'string' && !isBase64(body)) {
    problems.add(
      'body',
      'isBase64Encoded is true but body is not base64: the client gets the bytes it decodes to',
      'canonical padded base64',
    );
  }
}

/** Keys the service does not read: said as a note, since a typo (`statuscode`) drops the value silently. */
export function noteUnknownKeys(
  response: Record<string, unknown>,
  known: readonly string[],
  service: string,
  problems: ProblemList,
): void {
  const unknown = Object.keys(response).filter((key) => !known.includes(key));
  if (unknown.length > 0)
    problems.note(`${service} ignores ${unknown.join(', ')} (it reads ${known.join(', ')})`);
}
