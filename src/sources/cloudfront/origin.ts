import type { RunContext } from '../../core/context.js';
import type { EdgeHeaders } from './headers.js';
import type { EdgeOrigin } from './options.js';

/** `request.origin.custom`, keys in the order the documentation's events list them (FORMATS-api-identity §4.2). */
export interface EdgeCustomOrigin {
  customHeaders: EdgeHeaders;
  domainName: string;
  keepaliveTimeout: number;
  path: string;
  port: number;
  protocol: 'http' | 'https';
  readTimeout: number;
  sslProtocols: string[];
}

/** `request.origin.s3`: an origin access identity names the bucket's region (FORMATS-api-identity §4.2). */
export interface EdgeS3Origin {
  authMethod: 'origin-access-identity';
  customHeaders: EdgeHeaders;
  domainName: string;
  path: string;
  region: string;
}

export type EdgeOriginBlock = { custom: EdgeCustomOrigin } | { s3: EdgeS3Origin };

const CUSTOM_HOSTS = ['origin.example.com', 'api.example.org', 'www.example.net', 'app.example.com'];
const BUCKET_WORDS = ['assets', 'static', 'media', 'site', 'web'];

/**
 * The origin a distribution sends the request to, chosen once per run. A custom origin has the
 * console's defaults (keep-alive 5 s, response timeout 30 s, HTTPS only on 443, TLSv1.2); an S3
 * origin is a regional bucket endpoint behind an origin access identity. Whether origin access
 * control (OAC) shows as `authMethod: "none"` is UNCONFIRMED, so the documented OAI form is made.
 */
export function originBlock(kind: EdgeOrigin, run: RunContext): EdgeOriginBlock {
  const { rng } = run;
  if (kind === 's3') {
    const bucket = `${rng.pick(BUCKET_WORDS)}-${rng.lowerAlnum(8)}`;
    return {
      s3: {
        authMethod: 'origin-access-identity',
        customHeaders: {},
        domainName: `${bucket}.s3.${run.region}.${run.dnsSuffix}`,
        path: '',
        region: run.region,
      },
    };
  }
  return {
    custom: {
      customHeaders: {},
      domainName: rng.pick(CUSTOM_HOSTS),
      keepaliveTimeout: 5,
      path: '',
      port: 443,
      protocol: 'https',
      readTimeout: 30,
      sslProtocols: ['TLSv1.2'],
    },
  };
}

/** The origin's host: what CloudFront sends as `Host` on origin requests. */
export function originDomain(block: EdgeOriginBlock): string {
  return 'custom' in block ? block.custom.domainName : block.s3.domainName;
}
