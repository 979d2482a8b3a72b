import { dnsSuffixOf, partitionOf } from '../../core/aws.js';

/**
 * The bucket CloudFormation presigns the response URL on: `cloudformation-custom-resource-response-
 * <region without dashes>` (FORMATS-api-identity §6; fixture host `…-useast1.s3.amazonaws.com`). The
 * commercial partition uses the global S3 host as the fixture shows; other partitions have no global
 * host, so their regional one is used (UNCONFIRMED: no capture from China or GovCloud found).
 */
export function responseHost(region: string): string {
  const bucket = `cloudformation-custom-resource-response-${region.replaceAll('-', '')}`;
  return partitionOf(region) === 'aws'
    ? `${bucket}.s3.amazonaws.com`
    : `${bucket}.s3.${region}.${dnsSuffixOf(region)}`;
}

/**
 * The object key: the stack ARN, the logical id and the request id joined by `|`, URL-encoded with the
 * ARN's slashes kept (`arn%3Aaws%3Acloudformation%3A…%3Astack/<name>/<uuid>%7C<LogicalId>%7C<RequestId>`;
 * the fixture's redacted tail `…%7Cb1f5…` shows the encoded `|`). 3P: seen in public log excerpts.
 */
export function responseKey(stackId: string, logicalId: string, requestId: string): string {
  return encodeURIComponent(`${stackId}|${logicalId}|${requestId}`).replaceAll('%2F', '/');
}

/** `20250601T120000Z`, the SigV4 `X-Amz-Date` form of an instant. */
export function amzDate(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * How long the URL stays valid. CloudFormation waits at most ServiceTimeout (≤ 1 hour) for the answer
 * and retries; two hours covers it (UNCONFIRMED: 7200 is the value public excerpts show).
 */
export const RESPONSE_URL_EXPIRES = 7200;

/** A presigned S3 PUT URL's parts, as the generator fills them in. */
export interface PresignParts {
  region: string;
  key: string;
  accessKeyId: string;
  epochMs: number;
  signature: string;
}

/**
 * A SigV4 query-presigned PUT URL, with the parameters in the order the AWS SDK presigner writes them
 * (`X-Amz-Algorithm`, `X-Amz-Date`, `X-Amz-SignedHeaders`, `X-Amz-Expires`, `X-Amz-Credential`,
 * `X-Amz-Signature`); the signature is realistic-looking, not computed (no secret key exists).
 */
export function presignedResponseUrl(parts: PresignParts): string {
  const date = amzDate(parts.epochMs);
  const scope = `${parts.accessKeyId}/${date.slice(0, 8)}/${parts.region}/s3/aws4_request`;
  return (
    `https://${responseHost(parts.region)}/${parts.key}` +
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-SignedHeaders=host` +
    `&X-Amz-Expires=${RESPONSE_URL_EXPIRES}&X-Amz-Credential=${encodeURIComponent(scope)}` +
    `&X-Amz-Signature=${parts.signature}`
  );
}
