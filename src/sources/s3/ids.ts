import { md5 } from '../../core/digest.js';
import type { Random } from '../../core/random.js';

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const VERSION_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

/** `x-amz-request-id`: 16 characters of `[0-9A-Z]` (FORMATS-events §1.1). */
export function s3RequestId(rng: Random): string {
  return rng.chars(UPPER_ALNUM, 16);
}

/** `x-amz-id-2`: base64 of 57 random bytes, 76 characters with `/` and `+` as real ones have (§1.1). */
export function s3HostId(rng: Random): string {
  return rng.bytes(57).toString('base64');
}

/** A canonical bucket-owner id as notifications show it: `A` and 12 or 13 of `[0-9A-Z]` (§1.1). */
export function s3OwnerId(rng: Random): string {
  return `A${rng.chars(UPPER_ALNUM, rng.int(12, 13))}`;
}

/** A version id: 32 characters of `[A-Za-z0-9._]` (§1.1). */
export function s3VersionId(rng: Random): string {
  return rng.chars(VERSION_ID_CHARS, 32);
}

/** An IAM user's principal id as S3 reports it: `AWS:` and the user's `AIDA…` id (§1.1). */
export function iamUserPrincipal(rng: Random): string {
  return `AWS:AIDA${rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}`;
}

/** A public client IPv4 address (Powertools' schema, like S3, gives an IPv4 or `s3.amazonaws.com`). */
export function clientIpv4(rng: Random): string {
  const first = rng.pick([3, 18, 34, 52, 54, 81, 93, 104, 185, 203]);
  return `${first}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/**
 * `sequencer`: `00`, the event's epoch seconds as 8 uppercase hex digits, then 8 more. Real values
 * carry the time this way (`00643717F9…` is 2023-04-12T20:43:37Z, `006408CAD6…` is the second of its
 * event's `time`; FORMATS-events §1.6); the low part here counts milliseconds, so later events of a
 * key always sort after earlier ones, as the rule for comparing sequencers requires.
 */
export function s3Sequencer(rng: Random, epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const low = (epochMs % 1000) * 4_194_304 + rng.int(0, 4_194_303);
  return `00${hex8(seconds)}${hex8(low)}`;
}

function hex8(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

/** A realistic eTag when no body was given: 32 lowercase hex digits. */
export function randomETag(rng: Random): string {
  return rng.hex(32);
}

/** Part size of a multipart upload whose body was given: the AWS CLI's and SDKs' default, 8 MiB. */
export const MULTIPART_PART_BYTES = 8 * 1024 * 1024;

/**
 * The eTag S3 gives these bytes: the MD5 hex of the body for a single-part upload; for a multipart
 * upload, the MD5 of the parts' binary MD5s joined, then `-<part count>` (§0 rule 5).
 */
export function s3ETag(body: Uint8Array, multipart: boolean): string {
  if (!multipart) return md5(body);
  const parts = Math.max(1, Math.ceil(body.length / MULTIPART_PART_BYTES));
  const digests: Buffer[] = [];
  for (let i = 0; i < parts; i++) {
    const part = body.subarray(i * MULTIPART_PART_BYTES, (i + 1) * MULTIPART_PART_BYTES);
    digests.push(Buffer.from(md5(part), 'hex'));
  }
  return `${md5(Buffer.concat(digests))}-${parts}`;
}
