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
 * `given` (`--header`) replaces or adds to them. The client is the run's, so what depends on it alone
 * is worked out once; each event draws only its own values, in the same order.
 */
export function prepareRequestHeaders(
  site: AppSyncSite,
  contentLength: number,
  given: readonly HeaderField[],
): (ctx: EventContext, credentials: readonly HeaderField[]) => Record<string, string> {
  const { client, network } = site;
  const device = viewerDevice(client.userAgent);
  const own = Object.fromEntries(Object.entries(client.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const browser = isBrowser(client);
  const length = String(contentLength);
  const tablet = String(device === 'Tablet');
  const mobile = String(device === 'Mobile');
  const smartTv = String(device === 'SmartTV');
  const desktop = String(device === 'Desktop');
  const language = own['accept-language'];
  const encoding = own['accept-encoding'];
  // A GraphQL client asks for JSON whatever it would accept for a page.
  const accept = browser ? 'application/json, text/plain, */*' : (own.accept ?? '*/*');
  const givenLower = given.map(([name, value]) => [name.toLowerCase(), value] as const);
  return (ctx, credentials) => {
    const { rng } = ctx;
    const origin = browser ? `https://${rng.pick(['app', 'www', 'admin'])}.example.com` : undefined;
    const headers: Record<string, string> = {};
    headers['x-forwarded-for'] =
      `${site.sourceIp}, ${rng.int(1, 223)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
    headers['cloudfront-viewer-country'] = network.country;
    headers['cloudfront-is-tablet-viewer'] = tablet;
    headers.via = `2.0 ${rng.hex(32)}.cloudfront.net (CloudFront)`;
    headers['cloudfront-forwarded-proto'] = 'https';
    if (origin !== undefined) headers.origin = origin;
    headers['content-length'] = length;
    if (language !== undefined) headers['accept-language'] = language;
    headers.host = site.host;
    headers['x-forwarded-proto'] = 'https';
    headers['user-agent'] = client.userAgent;
    headers.accept = accept;
    headers['cloudfront-is-mobile-viewer'] = mobile;
    headers['cloudfront-is-smarttv-viewer'] = smartTv;
    if (encoding !== undefined) headers['accept-encoding'] = encoding;
    if (origin !== undefined) headers.referer = `${origin}/`;
    headers['content-type'] = 'application/json; charset=UTF-8';
    if (browser) headers['sec-fetch-mode'] = 'cors';
    headers['x-amz-cf-id'] = `${rng.chars(CF_ID_CHARS, 54)}==`;
    headers['x-amzn-trace-id'] = traceRoot(ctx.time, rng);
    for (const [name, value] of credentials) headers[name] = value;
    if (browser) headers['sec-fetch-dest'] = 'empty';
    if (site.amplifyUserAgent !== undefined) headers['x-amz-user-agent'] = site.amplifyUserAgent;
    headers['cloudfront-is-desktop-viewer'] = desktop;
    if (browser) headers['sec-fetch-site'] = 'cross-site';
    headers['x-forwarded-port'] = '443';
    for (const [name, value] of givenLower) setOwn(headers, name, value);
    return headers;
  };
}

/** Amplify's own header rides along from browsers only. */
export function amplifyAgentFor(
  client: HttpClient,
  agents: readonly string[],
  pick: (a: readonly string[]) => string,
) {
  return isBrowser(client) ? pick(agents) : undefined;
}
