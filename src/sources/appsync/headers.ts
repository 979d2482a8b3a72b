import type { EventContext } from '../../core/context.js';
import { setOwn } from '../../core/own-keys.js';
import type { HttpClient, HttpNetwork } from '../http/data.js';
import type { HeaderField } from '../http/headers.js';
import { traceRoot, viewerDevice } from '../http/service-headers.js';

/** What stays the same for every request of a run: the API's host and the one client calling it. */
export interface AppSyncSite {
  /** `<api id>.appsync-api.<region>.amazonaws.com`. */
  host: string;
  client: HttpClient;
  network: HttpNetwork;
  sourceIp: string;
  /** Amplify's `x-amz-user-agent`, for browser clients. */
  amplifyUserAgent: string | undefined;
}

const CF_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const isBrowser = (client: HttpClient) => client.userAgent.startsWith('Mozilla/');

/**
 * The GraphQL request's headers as AppSync passes them, names lowercase, in the order of the captured
 * event (FORMATS-api-identity §5.1): CloudFront's own (AppSync sits behind it: `via` with `2.0`,
 * `x-amz-cf-id`, the viewer flags), the forwarding headers, the client's, and its credentials.
 * `given` (`--header`) replaces or adds to them.
 */
export function requestHeaders(
  site: AppSyncSite,
  ctx: EventContext,
  contentLength: number,
  credentials: readonly HeaderField[],
  given: readonly HeaderField[],
): Record<string, string> {
  const { rng } = ctx;
  const { client, network } = site;
  const device = viewerDevice(client.userAgent);
  const own = Object.fromEntries(Object.entries(client.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const browser = isBrowser(client);
  const origin = browser ? `https://${rng.pick(['app', 'www', 'admin'])}.example.com` : undefined;
  const fields: (readonly [string, string | undefined])[] = [
    [
      'x-forwarded-for',
      `${site.sourceIp}, ${rng.int(1, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`,
    ],
    ['cloudfront-viewer-country', network.country],
    ['cloudfront-is-tablet-viewer', String(device === 'Tablet')],
    ['via', `2.0 ${rng.hex(32)}.cloudfront.net (CloudFront)`],
    ['cloudfront-forwarded-proto', 'https'],
    ['origin', origin],
    ['content-length', String(contentLength)],
    ['accept-language', own['accept-language']],
    ['host', site.host],
    ['x-forwarded-proto', 'https'],
    ['user-agent', client.userAgent],
    // A GraphQL client asks for JSON whatever it would accept for a page.
    ['accept', browser ? 'application/json, text/plain, */*' : (own.accept ?? '*/*')],
    ['cloudfront-is-mobile-viewer', String(device === 'Mobile')],
    ['cloudfront-is-smarttv-viewer', String(device === 'SmartTV')],
    ['accept-encoding', own['accept-encoding']],
    ['referer', origin === undefined ? undefined : `${origin}/`],
    ['content-type', 'application/json; charset=UTF-8'],
    ['sec-fetch-mode', browser ? 'cors' : undefined],
    ['x-amz-cf-id', `${rng.chars(CF_ID_CHARS, 54)}==`],
    ['x-amzn-trace-id', traceRoot(ctx.time, rng)],
    ...credentials,
    ['sec-fetch-dest', browser ? 'empty' : undefined],
    ['x-amz-user-agent', site.amplifyUserAgent],
    ['cloudfront-is-desktop-viewer', String(device === 'Desktop')],
    ['sec-fetch-site', browser ? 'cross-site' : undefined],
    ['x-forwarded-port', '443'],
  ];
  const headers: Record<string, string> = {};
  for (const [name, value] of fields) if (value !== undefined) headers[name] = value;
  for (const [name, value] of given) setOwn(headers, name.toLowerCase(), value);
  return headers;
}

/** Amplify's own header rides along from browsers only. */
export function amplifyAgentFor(
  client: HttpClient,
  agents: readonly string[],
  pick: (a: readonly string[]) => string,
) {
  return isBrowser(client) ? pick(agents) : undefined;
}
