import type { EventContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { ipVersion } from '../../core/ip-address.js';
import { defaultContentType, formBody, isUtf8 } from './body.js';
import { cookieHeaderValue, cookiePair, splitCookieHeader } from './cookies.js';
import { clientAddress, type HttpData, type HttpNetwork } from './data.js';
import { checkHeaderName, checkHeaderValue, type HeaderField } from './headers.js';
import { type HttpRequestOptions, paramPairs } from './options.js';
import { encodeQueryParam, joinQuery, splitTarget } from './query.js';
import { checkMethod } from './routes.js';

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
    if (ipVersion(options.sourceIp) === 0) {
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

/**
 * Whether each request of the spec carries Content-Length: sendRequest adds it for every given body
 * (an empty one too), and no --header can give it (DERIVED_HEADERS).
 */
export function sendsContentLength(spec: RequestSpec): boolean {
  return spec.body !== undefined;
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

const EMPTY = Buffer.alloc(0);

type Client = HttpData['clients'][number];

/** Per run: the client of a given User-Agent, and each client's headers less those the user gave. */
const runClients = new WeakMap<RequestSpec, { given?: Client; fields: Map<Client, HeaderField[]> }>();

function clientsOf(spec: RequestSpec): { given?: Client; fields: Map<Client, HeaderField[]> } {
  let known = runClients.get(spec);
  if (known === undefined) {
    known = { fields: new Map() };
    runClients.set(spec, known);
  }
  return known;
}

function givenClient(spec: RequestSpec): Client {
  const known = clientsOf(spec);
  known.given ??= { userAgent: spec.userAgent as string, headers: { Accept: '*/*' } };
  return known.given;
}

/** The client's usual headers, less those the user gave: worked out once per run and client. */
function clientFields(spec: RequestSpec, client: Client): readonly HeaderField[] {
  const known = clientsOf(spec).fields;
  let fields = known.get(client);
  if (fields === undefined) {
    const given = new Set(spec.headers.map(([name]) => name.toLowerCase()));
    fields = Object.entries(client.headers).filter(([name]) => !given.has(name.toLowerCase()));
    known.set(client, fields);
  }
  return fields;
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
  const client = spec.userAgent === undefined ? rng.pick(data.clients) : givenClient(spec);
  const address = clientAddress(data, rng);
  const host = spec.host ?? defaults.host;
  const body = spec.body ?? EMPTY;
  const headers: HeaderField[] = [
    ['Host', host],
    ['User-Agent', client.userAgent],
  ];
  for (const field of clientFields(spec, client)) headers.push(field);
  if (spec.contentType !== undefined) headers.push(['Content-Type', spec.contentType]);
  if (sendsContentLength(spec)) headers.push(['Content-Length', String(body.length)]);
  if (spec.cookies.length > 0) headers.push(['Cookie', cookieHeaderValue(spec.cookies)]);
  for (const field of spec.headers) headers.push(field);
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
