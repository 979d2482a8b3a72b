import { UsageError } from '../../core/errors.js';
import { type ArgumentReader, parseJson } from '../../core/inputs.js';
import {
  either,
  instance,
  json,
  type LibraryOptionTable,
  list,
  pair,
  record,
  text,
} from '../../core/option-shapes.js';
import { setOwn } from '../../core/own-keys.js';
import { givenOnly, optionalString, splitPair, stringList } from '../../core/raw-options.js';
import type { OptionTable, RawOptions } from '../source.js';
import { parseHeaderArg } from './headers.js';

/**
 * How a person describes an HTTP request to any of the four HTTP sources: the library's typed
 * options, the CLI options they come from, and the conversion between the two.
 */

/** Names with values: `{ tag: ['a', 'b'] }`, or pairs `[['tag', 'a'], ['tag', 'b']]` to keep an exact order. */
export type ParamInput =
  | Readonly<Record<string, string | readonly string[]>>
  | readonly (readonly [string, string])[];

/** The HTTP request an ALB, API Gateway or function URL event describes; every field has a realistic default. */
export interface HttpRequestOptions {
  /** GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS. Default GET, or POST when there is a body. */
  method?: string;
  /** The path as it appears in the URL, optionally with `?query`; percent-escapes are kept. */
  path?: string;
  /** Query parameters as they appear in the URL; a repeated name is a multi-value parameter. */
  query?: ParamInput;
  /** Request headers; a repeated name is a multi-value header. */
  headers?: ParamInput;
  /** Cookies the client sends, in order. */
  cookies?: ParamInput;
  /** The body: text, or bytes (bytes that are not UTF-8 are a binary body). */
  body?: string | Uint8Array;
  /** A JSON body: any JSON value, serialised; Content-Type application/json. */
  json?: unknown;
  /** A form body, urlencoded; Content-Type application/x-www-form-urlencoded. */
  form?: ParamInput;
  /** The Content-Type header. Default: from the body (JSON, text, form or application/octet-stream). */
  contentType?: string;
  /** The client's IP address (v4 or v6). */
  sourceIp?: string;
  userAgent?: string;
  /** The Host the client asked for (a custom domain); default: the service's own host name. */
  host?: string;
}

export const httpRequestOptionTable: OptionTable = {
  method: {
    type: 'string',
    valueName: '<verb>',
    description: 'HTTP method (default GET, or POST with a body)',
  },
  path: {
    type: 'string',
    valueName: '<path[?query]>',
    description: 'Request path as in the URL; a query here is read like --query',
  },
  query: {
    type: 'string',
    repeatable: true,
    valueName: '<k>=<v>',
    description: 'Query parameter as in the URL (a repeated key is multi-value)',
  },
  header: {
    type: 'string',
    repeatable: true,
    valueName: "'<Name>: <value>'",
    description: 'Request header (a repeated name is multi-value)',
  },
  cookie: {
    type: 'string',
    repeatable: true,
    valueName: '<name>=<value>',
    description: 'A cookie the client sends',
  },
  body: {
    type: 'string',
    valueName: '<text|@file|->',
    description: 'Request body; a file that is not UTF-8 is binary',
  },
  json: {
    type: 'string',
    valueName: '<json>',
    description: 'JSON body (checked), Content-Type application/json',
  },
  form: {
    type: 'string',
    repeatable: true,
    valueName: '<k>=<v>',
    description: 'Form field of an urlencoded body (Content-Type application/x-www-form-urlencoded)',
  },
  'content-type': {
    type: 'string',
    valueName: '<type>',
    description: 'Content-Type header (default: from the body)',
  },
  'source-ip': { type: 'string', valueName: '<ip>', description: "Client's IP address (default: realistic)" },
  'user-agent': {
    type: 'string',
    valueName: '<ua>',
    description: 'User-Agent (default: a realistic client)',
  },
};

/** `ParamInput` at run time: an object of names to text or lists of text, or `[name, value]` pairs. */
export const paramShape = either(
  record(either(text(), list(text()))),
  list(pair(text(), text())),
  'an object of names to text or lists of text, or a list of [name, value] pairs',
);

export const httpRequestLibraryOptions: LibraryOptionTable<HttpRequestOptions> = {
  method: text(),
  path: text(),
  query: paramShape,
  headers: paramShape,
  cookies: paramShape,
  body: either(text(), instance(Uint8Array, 'bytes (a Uint8Array or Buffer)')),
  json: json(),
  form: paramShape,
  contentType: text(),
  sourceIp: text(),
  userAgent: text(),
  host: text(),
};

export const hostOption: OptionTable = {
  host: {
    type: 'string',
    valueName: '<name>',
    description: 'Host the client asked for (default: the service host)',
  },
};

/** Reads `name=value` options into pairs, in the order given. */
function pairList(raw: RawOptions, name: string, shape = '<k>=<v>'): [string, string][] {
  return stringList(raw, name).map((item) => splitPair(item, name, shape));
}

/** Reads `name=value` options into a map; a repeated name is refused. */
export function pairMap(raw: RawOptions, name: string): Record<string, string> | undefined {
  const pairs = pairList(raw, name);
  if (pairs.length === 0) return undefined;
  const map: Record<string, string> = {};
  for (const [key, value] of pairs) {
    if (Object.hasOwn(map, key))
      throw new UsageError(`--${name} ${key} is given twice`, 'give each name once');
    setOwn(map, key, value);
  }
  return map;
}

/** The CLI's request options in the library's form, files and standard input read. */
export async function httpRequestFromRaw(raw: RawOptions, args: ArgumentReader): Promise<HttpRequestOptions> {
  const headers = stringList(raw, 'header').map(parseHeaderArg);
  const query = pairList(raw, 'query');
  const cookies = pairList(raw, 'cookie', '<name>=<value>');
  const options: HttpRequestOptions = givenOnly({
    method: optionalString(raw, 'method'),
    path: optionalString(raw, 'path'),
    query: query.length > 0 ? query : undefined,
    headers: headers.length > 0 ? headers : undefined,
    cookies: cookies.length > 0 ? cookies : undefined,
  });
  const form = pairList(raw, 'form');
  const body = optionalString(raw, 'body');
  const json = optionalString(raw, 'json');
  if ([body, json, form.length > 0 ? form : undefined].filter((b) => b !== undefined).length > 1) {
    throw new UsageError('more than one of --body, --json and --form is given', 'give the body one way');
  }
  const contentType = optionalString(raw, 'content-type');
  if (contentType !== undefined) options.contentType = contentType;
  if (body !== undefined) {
    const read = await args.read(body, '--body');
    // A body typed on the command line is text; one read from a file or stdin is whatever its bytes are.
    options.body = read.fromFile ? new Uint8Array(read.bytes) : read.bytes.toString('utf8');
  }
  if (json !== undefined) {
    const text = await args.readText(json, '--json');
    parseJson(text, '--json');
    // The client's own bytes are kept: `--json` validates, it does not reformat.
    options.body = text;
    options.contentType ??= 'application/json';
  }
  return {
    ...options,
    ...givenOnly({
      form: form.length > 0 ? form : undefined,
      sourceIp: optionalString(raw, 'source-ip'),
      userAgent: optionalString(raw, 'user-agent'),
      host: optionalString(raw, 'host'),
    }),
  };
}

/** Pairs from either form of `ParamInput`, in order. */
export function paramPairs(input: ParamInput | undefined): [string, string][] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return (input as readonly (readonly [string, string])[]).map(([k, v]) => [k, v]);
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(input as Record<string, string | readonly string[]>)) {
    for (const item of typeof value === 'string' ? [value] : value) pairs.push([key, item]);
  }
  return pairs;
}
