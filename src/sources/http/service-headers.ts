import type { Random } from '../../core/random.js';
import { traceTimeHex } from '../../core/time.js';
import type { HeaderField } from './headers.js';
import type { HttpRequest } from './request.js';

/**
 * Headers the services add to what the client sent (FORMATS §1.4), each computed from the request
 * and the event's clock so they agree with the rest of the event.
 */

/** `Root=1-<epoch seconds as 8 hex>-<24 hex>`: the time field is the request's second (FORMATS §1.2). */
export function traceRoot(epochMs: number, rng: Random): string {
  return `Root=1-${traceTimeHex(epochMs)}-${rng.hex(24)}`;
}

/** The client's X-Forwarded-For with `hops` appended, as proxies append to it (FORMATS §2.2). */
export function forwardedFor(request: HttpRequest, hops: readonly string[]): string {
  // Joined as it goes: no lists of the given values and hops for each event.
  let joined: string | undefined;
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() === 'x-forwarded-for')
      joined = joined === undefined ? value : `${joined}, ${value}`;
  }
  for (const hop of hops) joined = joined === undefined ? hop : `${joined}, ${hop}`;
  return joined ?? '';
}

/** The client headers less X-Forwarded-For, which the service rewrites. */
export function withoutForwardedFor(headers: readonly HeaderField[]): HeaderField[] {
  return headers.filter(([name]) => name.toLowerCase() !== 'x-forwarded-for');
}

/** `X-Amzn-Trace-Id` and `X-Forwarded-*`, which ALB, both API Gateway flavours and function URLs add. */
export function forwardingHeaders(
  request: HttpRequest,
  trace: string,
  listener: { port: string; proto: string },
  proxies: readonly string[] = [],
): HeaderField[] {
  return [
    ['X-Amzn-Trace-Id', trace],
    ['X-Forwarded-For', forwardedFor(request, [request.sourceIp, ...proxies])],
    ['X-Forwarded-Port', listener.port],
    ['X-Forwarded-Proto', listener.proto],
  ];
}

/** API Gateway and function URLs listen on HTTPS only. */
export const HTTPS_LISTENER = { port: '443', proto: 'https' } as const;

/** Which CloudFront device flag a User-Agent sets. */
export function viewerDevice(userAgent: string): 'Desktop' | 'Mobile' | 'SmartTV' | 'Tablet' {
  if (/iPad|Tablet/i.test(userAgent)) return 'Tablet';
  if (/SmartTV|SMART-TV|AppleTV|BRAVIA|Tizen/i.test(userAgent)) return 'SmartTV';
  if (/Mobile|iPhone|Android/i.test(userAgent)) return 'Mobile';
  return 'Desktop';
}

/** The `CloudFront-*` headers CloudFront adds about the viewer: protocol, device flags, network and country. */
export function cloudFrontViewerHeaders(request: HttpRequest): HeaderField[] {
  const device = viewerDevice(request.userAgent);
  return [
    ['CloudFront-Forwarded-Proto', 'https'],
    ['CloudFront-Is-Desktop-Viewer', String(device === 'Desktop')],
    ['CloudFront-Is-Mobile-Viewer', String(device === 'Mobile')],
    ['CloudFront-Is-SmartTV-Viewer', String(device === 'SmartTV')],
    ['CloudFront-Is-Tablet-Viewer', String(device === 'Tablet')],
    ['CloudFront-Viewer-ASN', request.network.asn],
    ['CloudFront-Viewer-Country', request.network.country],
  ];
}

/** CloudFront's own request headers on an edge-optimized REST API (FORMATS §1.4). */
export function cloudFrontHeaders(request: HttpRequest, rng: Random): HeaderField[] {
  return [
    ...cloudFrontViewerHeaders(request),
    ['Via', `1.1 ${rng.hex(32)}.cloudfront.net (CloudFront)`],
    ['X-Amz-Cf-Id', `${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 54)}==`],
  ];
}
