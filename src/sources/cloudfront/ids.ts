import type { Random } from '../../core/random.js';

/**
 * The distribution's names and CloudFront's request id (FORMATS-api-identity §4.1): a
 * `d` + 13 `[a-z0-9]` host on cloudfront.net, an `E` + 13 uppercase id (the length real ids have,
 * UNCONFIRMED as a rule), and the edge request id of the `X-Amz-Cf-Id` family: 54 base64url
 * characters and `==`.
 */
export const DISTRIBUTION_DOMAIN = /^d[a-z0-9]{13}\.cloudfront\.net$/;
export const DISTRIBUTION_ID = /^E[A-Z0-9]{12,14}$/;
export const EDGE_REQUEST_ID = /^[A-Za-z0-9_-]{54,56}==$/;

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export const distributionDomainName = (rng: Random): string => `d${rng.lowerAlnum(13)}.cloudfront.net`;
export const distributionId = (rng: Random): string => `E${rng.chars(UPPER_ALNUM, 13)}`;
export const edgeRequestId = (rng: Random): string => `${rng.chars(BASE64URL, 54)}==`;

/** `Via` as CloudFront sends it to an origin: HTTP/2's `2.0` and a 32-hex edge host (FORMATS-api-identity §4.2). */
export const viaHeader = (rng: Random): string => `2.0 ${rng.hex(32)}.cloudfront.net (CloudFront)`;
export const VIA = /^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/;
