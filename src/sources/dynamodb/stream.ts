import { parseArn } from '../../core/aws.js';
import { UsageError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';

export interface TableIdentity {
  table: string;
  /** The stream label when a stream ARN was given. */
  label?: string;
  /** Region and account when an ARN was given. */
  arn?: { region: string; accountId: string };
}

// Table names: 3 to 255 of [A-Za-z0-9_.-] (DynamoDB developer guide, naming rules).
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
// The stream label is the stream's creation time, ISO local time with milliseconds and no zone (§5.1).
export const STREAM_LABEL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
const TABLE_RESOURCE = /^table\/([^/]+)(?:\/stream\/([^/]+))?$/;

/** Reads `--table <name|arn>`: a table name, a table ARN or a stream ARN. */
export function parseTable(text: string): TableIdentity {
  let table = text;
  let label: string | undefined;
  let arn: TableIdentity['arn'];
  if (text.startsWith('arn:')) {
    const parsed = parseArn(text);
    const resource = parsed?.service === 'dynamodb' ? TABLE_RESOURCE.exec(parsed.resource) : null;
    if (!parsed || !resource) {
      throw new UsageError(
        `--table '${text}' is not a DynamoDB table or stream ARN`,
        'use arn:aws:dynamodb:<region>:<account>:table/<name>[/stream/<label>]',
      );
    }
    table = resource[1] as string;
    label = resource[2];
    if (label !== undefined && !STREAM_LABEL.test(label)) {
      throw new UsageError(
        `stream label '${label}' is not a stream's creation time`,
        'a label reads like 2025-02-22T03:03:25.490',
      );
    }
    arn = { region: parsed.region, accountId: parsed.accountId };
  }
  if (!TABLE_NAME.test(table)) {
    throw new UsageError(`table name '${table}' is not valid`, 'use 3 to 255 letters, digits, _ - and .');
  }
  return { table, ...(label === undefined ? {} : { label }), ...(arn ? { arn } : {}) };
}

/** A stream label: the stream was enabled some days to a year before `before` (epoch ms). */
export function streamLabel(rng: Random, before: number): string {
  const created = before - rng.int(86_400_000, 400 * 86_400_000);
  return new Date(created).toISOString().slice(0, 23);
}

/**
 * Stream sequence numbers of one shard, increasing. Real ones are 21 to 40 digits (FORMATS-events
 * §5.1; captures show a shard prefix, a run of zeros and a counter, e.g. 4421584500000000017450439091,
 * 1405400000000002063282832). Exact lengths are UNCONFIRMED: these have 28 digits, in that shape.
 */
export function streamSequenceNumbers(rng: Random, count: number): string[] {
  const prefix = `${rng.int(1, 9)}${rng.digits(7)}00000000`;
  let counter = BigInt(rng.int(1, 9)) * 10n ** 10n + BigInt(rng.int(0, 2 ** 30));
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    counter += BigInt(rng.int(1, 2 ** 20));
    out[i] = prefix + counter.toString().padStart(12, '0');
  }
  return out;
}
