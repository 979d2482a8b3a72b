import { parseArn } from '../../core/aws.js';
import { UsageError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';

export interface StreamIdentity {
  name: string;
  /** Region and account when the stream was given as an ARN. */
  arn?: { region: string; accountId: string };
}

// Stream names: 1 to 128 of [A-Za-z0-9_.-] (Kinesis CreateStream).
const STREAM_NAME = /^[A-Za-z0-9_.-]{1,128}$/;
/** `shardId-` and 12 digits, zero-padded (FORMATS-events §6). */
export const SHARD_ID = /^shardId-\d{12}$/;

/** Reads `--stream <name|arn>`. */
export function parseStream(text: string): StreamIdentity {
  let name = text;
  let arn: StreamIdentity['arn'];
  if (text.startsWith('arn:')) {
    const parsed = parseArn(text);
    if (parsed?.service !== 'kinesis' || !parsed.resource.startsWith('stream/')) {
      throw new UsageError(
        `--stream '${text}' is not a Kinesis stream ARN`,
        'use arn:aws:kinesis:<region>:<account>:stream/<name>',
      );
    }
    name = parsed.resource.slice('stream/'.length);
    arn = { region: parsed.region, accountId: parsed.accountId };
  }
  if (!STREAM_NAME.test(name)) {
    throw new UsageError(`stream name '${name}' is not valid`, 'use 1 to 128 letters, digits, _ - and .');
  }
  return arn ? { name, arn } : { name };
}

/** Reads `--shard <n|shardId-…>` as the shard id the event shows. */
export function parseShard(text: string): string {
  const id = /^\d{1,12}$/.test(text) ? `shardId-${text.padStart(12, '0')}` : text;
  if (!SHARD_ID.test(id)) {
    throw new UsageError(
      `--shard '${text}' is not a shard`,
      'give a shard number such as 3, or shardId-000000000003',
    );
  }
  return id;
}

/** The shard id of shard number `n`. */
export function shardId(n: number): string {
  return `shardId-${String(n).padStart(12, '0')}`;
}

/**
 * The first 29 digits a shard's sequence numbers share (FORMATS-events §6: the documentation's two
 * records share 29, real ones seen share 31); real numbers start `49`.
 */
export function sequencePrefix(rng: Random): string {
  return `49${rng.int(5, 6)}${rng.digits(26)}`;
}

/**
 * Sequence numbers of one shard's records, increasing: the shard's prefix and a 27-digit counter,
 * 56 digits in all as in every documented example (other lengths UNCONFIRMED).
 */
export function kinesisSequenceNumbers(rng: Random, prefix: string, count: number): string[] {
  let counter = BigInt(rng.int(1, 4)) * 10n ** 26n + BigInt(`${rng.digits(18)}`) * 10n ** 8n;
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    counter += BigInt(rng.int(1, 2 ** 30)) * 10n ** 13n + BigInt(rng.int(0, 2 ** 30));
    out[i] = prefix + counter.toString();
  }
  return out;
}
