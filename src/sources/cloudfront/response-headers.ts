import type { EventContext } from '../../core/context.js';
import type { HeaderField } from '../http/headers.js';
import { hasNoBody } from '../http/status.js';
import type { EdgeEventType, EdgeOrigin } from './options.js';

const CUSTOM_SERVERS = ['nginx', 'Apache', 'Caddy', 'envoy'];
const CONTENT_TYPES = ['text/html; charset=utf-8', 'application/json', 'text/css', 'application/javascript'];
const ERROR_TYPE = 'text/html; charset=utf-8';

/**
 * The headers of the origin's response as a response event shows them (FORMATS-api-identity §4.3):
 * a custom origin's server headers, or S3's; a body's type and length unless the status has none;
 * on viewer-response the `Age` of a cached copy. The headers given with the options follow.
 */
export function originResponseHeaders(
  ctx: EventContext,
  type: EdgeEventType,
  origin: EdgeOrigin,
  status: number,
  given: readonly HeaderField[],
): HeaderField[] {
  const { rng } = ctx;
  const date = new Date(ctx.time).toUTCString();
  const lastModified = new Date(ctx.time - rng.int(3600, 90 * 86_400) * 1000).toUTCString();
  const fields: HeaderField[] =
    origin === 's3'
      ? [
          ['x-amz-id-2', rng.base64Chars(76)],
          ['x-amz-request-id', rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 16)],
          ['Date', date],
          ['Last-Modified', lastModified],
          ['ETag', `"${rng.hex(32)}"`],
          ['Accept-Ranges', 'bytes'],
          ['Server', 'AmazonS3'],
        ]
      : [
          ['Date', date],
          ['Server', rng.pick(CUSTOM_SERVERS)],
          ['Cache-Control', 'max-age=3600'],
          ['X-Content-Type-Options', 'nosniff'],
        ];
  const givenNames = new Set(given.map(([name]) => name.toLowerCase()));
  if (!hasNoBody(status)) {
    fields.push(['Content-Type', status >= 400 ? ERROR_TYPE : rng.pick(CONTENT_TYPES)]);
    fields.push(['Content-Length', String(rng.int(200, 60_000))]);
  }
  if (type === 'viewer-response') fields.push(['Age', String(rng.int(0, 86_400))]);
  return [...fields.filter(([name]) => !givenNames.has(name.toLowerCase())), ...given];
}
