import { isIP } from 'node:net';
import type { EventContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { type ArgumentReader, parseJson } from '../../core/inputs.js';
import { optionalString, splitPair, stringList } from '../../core/raw-options.js';
import type { OptionTable, RawOptions } from '../source.js';
import { defaultContentType, formBody, isUtf8 } from './body.js';
import { cookieHeaderValue, cookiePair, splitCookieHeader } from './cookies.js';
import { clientAddress, type HttpData, type HttpNetwork } from './data.js';
import { checkHeaderName, checkHeaderValue, type HeaderField, parseHeaderArg } from './headers.js';
import { encodeQueryParam, joinQuery, splitTarget } from './query.js';
import { checkMethod } from './routes.js';

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
    map[key] = value;
  }
  return map;
}

/** The CLI's request options in the library's form, files and standard input read. */
export async function httpRequestFromRaw(raw: RawOptions, args: ArgumentReader): Promise<HttpRequestOptions> {
  const options: HttpRequestOptions = {};
  const method = optionalString(raw, 'method');
  if (method !== undefined) options.method = method;
  const path = optionalString(raw, 'path');
  if (path !== undefined) options.path = path;
  const query = pairList(raw, 'query');
  if (query.length > 0) options.query = query;
  const headers = stringList(raw, 'header').map(parseHeaderArg);
  if (headers.length > 0) options.headers = headers;
  const cookies = pairList(raw, 'cookie', '<name>=<value>');
  if (cookies.length > 0) options.cookies = cookies;
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
  if (form.length > 0) options.form = form;
  const sourceIp = optionalString(raw, 'source-ip');
  if (sourceIp !== undefined) options.sourceIp = sourceIp;
  const userAgent = optionalString(raw, 'user-agent');
  if (userAgent !== undefined) options.userAgent = userAgent;
  const host = optionalString(raw, 'host');
  if (host !== undefined) options.host = host;
  return options;
}

function paramPairs(input: ParamInput | undefined): [string, string][] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return (input as readonly (readonly [string, string])[]).map(([k, v]) => [k, v]);
  const pairs: [string, string][] = [];
  for (const [key, value] of Object.entries(input as Record<string, string | readonly string[]>)) {
    for (const item of typeof value === 'string' ? [value] : value) pairs.push([key, item]);
  }
  return pairs;
}

/** The request as described, checked once per run; what was left open is chosen per event. */
export interface RequestSpec {
  method?: string;
  /** The path as sent (percent-escapes kept); undefined lets the source choose one. */
  path?: string;
  /** The query string as sent, no `?`. */
  rawQuery: string;
  /** The user's own headers, less those an option stands for (Host, User-Agent, Content-Type, Cookie). */
  headers: HeaderField[];
  /** `name=value` pairs, in order. */
  cookies: string[];
  /** Undefined when no body was given; may be empty. */
  body?: Buffer;
  /** Whether the body is UTF-8 text. */
  bodyIsText: boolean;
  contentType?: string;
  sourceIp?: string;
  userAgent?: string;
  host?: string;
}

// Headers the service or the client derives: given by hand they would contradict the event.
const DERIVED_HEADERS: ReadonlyMap<string, string> = new Map([
  ['content-length', 'it is the length of the body'],
  ['x-amzn-trace-id', 'the service makes it from the request time'],
  ['x-forwarded-port', 'the service sets it'],
  ['x-forwarded-proto', 'the service sets it'],
]);

const HOST =
  /^(?=.{1,253}(?::\d{1,5})?$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/;

function agreeing(option: string, given: string | undefined, header: string): string {
  if (given !== undefined && given !== header) {
    throw new UsageError(`--${option} and a --header give two values`, `give --${option} once`);
  }
  return header;
}

export function describeRequest(options: HttpRequestOptions): RequestSpec {
  const spec: RequestSpec = { rawQuery: '', headers: [], cookies: [], bodyIsText: true };
  if (options.method !== undefined) spec.method = checkMethod(options.method);
  const queryParts: string[] = [];
  if (options.path !== undefined) {
    const target = splitTarget(options.path);
    spec.path = target.path;
    queryParts.push(target.rawQuery);
  }
  for (const [key, value] of paramPairs(options.query)) {
    if (key.length === 0) throw new UsageError('--query has an empty name', "write --query 'name=value'");
    queryParts.push(encodeQueryParam(key, value));
  }
  spec.rawQuery = joinQuery(queryParts);

  let { host, userAgent, contentType } = options;
  const headerCookies: string[] = [];
  for (const [name, value] of paramPairs(options.headers)) {
    checkHeaderName(name);
    checkHeaderValue(name, value);
    const lower = name.toLowerCase();
    const derived = DERIVED_HEADERS.get(lower);
    if (derived !== undefined) {
      throw new UsageError(
        `--header ${name} cannot be given: ${derived}`,
        'use --set to edit it in the event',
      );
    }
    if (lower === 'host') host = agreeing('host', options.host, value);
    else if (lower === 'user-agent') userAgent = agreeing('user-agent', options.userAgent, value);
    else if (lower === 'content-type') contentType = agreeing('content-type', options.contentType, value);
    else if (lower === 'cookie') headerCookies.push(...splitCookieHeader(value));
    else spec.headers.push([name, value]);
  }
  spec.cookies = [
    ...headerCookies.map((pair) => {
      const eq = pair.indexOf('=');
      if (eq <= 0)
        throw new UsageError(`--header Cookie has '${pair}', not name=value`, "write 'Cookie: a=1; b=2'");
      return cookiePair(pair.slice(0, eq), pair.slice(eq + 1));
    }),
    ...paramPairs(options.cookies).map(([name, value]) => cookiePair(name, value)),
  ];

  const bodies = [options.body, options.json, options.form].filter((b) => b !== undefined);
  if (bodies.length > 1)
    throw new UsageError('more than one of body, json and form is given', 'give the body one way');
  if (options.body !== undefined) {
    spec.body =
      typeof options.body === 'string' ? Buffer.from(options.body, 'utf8') : Buffer.from(options.body);
    spec.bodyIsText = typeof options.body === 'string' || isUtf8(spec.body);
    contentType ??= defaultContentType(spec.body, spec.bodyIsText);
  } else if (options.json !== undefined) {
    const text = JSON.stringify(options.json);
    if (text === undefined)
      throw new UsageError('json is not a JSON value', 'give an object, array, string or number');
    spec.body = Buffer.from(text, 'utf8');
    contentType ??= 'application/json';
  } else if (options.form !== undefined) {
    spec.body = Buffer.from(formBody(paramPairs(options.form)), 'utf8');
    contentType ??= 'application/x-www-form-urlencoded';
  }
  if (contentType !== undefined) {
    checkHeaderValue('Content-Type', contentType, '--content-type');
    spec.contentType = contentType;
  }
  if (options.sourceIp !== undefined) {
    if (isIP(options.sourceIp) === 0) {
      throw new UsageError(
        `--source-ip '${options.sourceIp}' is not an IP address`,
        'give one such as 203.0.113.7',
      );
    }
    spec.sourceIp = options.sourceIp;
  }
  if (userAgent !== undefined) {
    checkHeaderValue('User-Agent', userAgent, '--user-agent');
    spec.userAgent = userAgent;
  }
  if (host !== undefined) {
    if (!HOST.test(host))
      throw new UsageError(`--host '${host}' is not a host name`, 'give one such as api.example.com');
    spec.host = host.toLowerCase();
  }
  return spec;
}

/** One request as the client sent it. */
export interface HttpRequest {
  method: string;
  path: string;
  rawQuery: string;
  host: string;
  sourceIp: string;
  /** What is known of the client's network (for CloudFront's viewer headers). */
  network: Omit<HttpNetwork, 'prefix'>;
  userAgent: string;
  /** Every header the client sent, names as it wrote them. */
  headers: HeaderField[];
  /** `name=value` pairs of the Cookie header. */
  cookies: string[];
  /** Empty when there is no body. */
  body: Buffer;
  contentType?: string;
}

/** What the source decides when the user did not: its host, a method implied by a route, a path. */
export interface RequestDefaults {
  host: string;
  method?: string;
  path(): string;
}

/**
 * Completes the described request for one event: the client (User-Agent and its usual headers) and
 * address are chosen from the data lists when not given, and the client's own headers are added.
 */
export function sendRequest(
  spec: RequestSpec,
  defaults: RequestDefaults,
  ctx: EventContext,
  data: HttpData,
): HttpRequest {
  const { rng } = ctx;
  const client =
    spec.userAgent === undefined
      ? rng.pick(data.clients)
      : { userAgent: spec.userAgent, headers: { Accept: '*/*' } };
  const address = clientAddress(data, rng);
  const host = spec.host ?? defaults.host;
  const body = spec.body ?? Buffer.alloc(0);
  const given = new Set(spec.headers.map(([name]) => name.toLowerCase()));
  const headers: HeaderField[] = [
    ['Host', host],
    ['User-Agent', client.userAgent],
    ...Object.entries(client.headers).filter(([name]) => !given.has(name.toLowerCase())),
  ];
  if (spec.contentType !== undefined) headers.push(['Content-Type', spec.contentType]);
  if (spec.body !== undefined) headers.push(['Content-Length', String(body.length)]);
  if (spec.cookies.length > 0) headers.push(['Cookie', cookieHeaderValue(spec.cookies)]);
  headers.push(...spec.headers);
  const request: HttpRequest = {
    method: spec.method ?? defaults.method ?? (spec.body === undefined ? 'GET' : 'POST'),
    path: spec.path ?? defaults.path(),
    rawQuery: spec.rawQuery,
    host,
    sourceIp: spec.sourceIp ?? address.ip,
    network: { country: address.network.country, asn: address.network.asn },
    userAgent: client.userAgent,
    headers,
    cookies: spec.cookies,
    body,
  };
  if (spec.contentType !== undefined) request.contentType = spec.contentType;
  return request;
}
