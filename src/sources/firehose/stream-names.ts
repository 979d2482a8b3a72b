import { parseArn } from '../../core/aws.js';
import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';

/** A delivery stream or Kinesis stream named by the user: its name, and the placement an ARN gives. */
export interface NamedStream {
  name: string;
  arn?: { region: string; accountId: string };
}

// Firehose delivery stream names: 1 to 64, Kinesis stream names: 1 to 128, of [a-zA-Z0-9_.-] (CreateDeliveryStream, CreateStream).
const DELIVERY_STREAM = /^[a-zA-Z0-9_.-]{1,64}$/;
const KINESIS_STREAM = /^[a-zA-Z0-9_.-]{1,128}$/;

/** Reads `--delivery-stream <name|arn>` (`arn:aws:firehose:<region>:<account>:deliverystream/<name>`). */
export function parseDeliveryStream(text: string): NamedStream {
  return parseNamed(text, '--delivery-stream', 'firehose', 'deliverystream', DELIVERY_STREAM, 64);
}

/** Reads `--source-stream <name|arn>` (`arn:aws:kinesis:<region>:<account>:stream/<name>`). */
export function parseSourceStream(text: string): NamedStream {
  return parseNamed(text, '--source-stream', 'kinesis', 'stream', KINESIS_STREAM, 128);
}

function parseNamed(
  text: string,
  option: string,
  service: string,
  kind: string,
  pattern: RegExp,
  max: number,
): NamedStream {
  if (!text.startsWith('arn:')) {
    if (!pattern.test(text))
      throw new UsageError(
        `${option} '${text}' is not a stream name`,
        `use 1 to ${max} letters, digits, _ . and -`,
      );
    return { name: text };
  }
  const parsed = parseArn(text);
  const prefix = `${kind}/`;
  const name = parsed?.resource.startsWith(prefix) ? parsed.resource.slice(prefix.length) : '';
  if (parsed?.service !== service || !pattern.test(name)) {
    throw new UsageError(
      `${option} '${text}' is not a ${service === 'firehose' ? 'Firehose delivery' : 'Kinesis'} stream ARN`,
      `use arn:aws:${service}:<region>:<account>:${kind}/<name>`,
    );
  }
  return { name, arn: { region: parsed.region, accountId: parsed.accountId } };
}

export function deliveryStreamArn(name: string, run: RunContext): string {
  return `arn:${run.partition}:firehose:${run.region}:${run.accountId}:deliverystream/${name}`;
}

export function kinesisStreamArn(name: string, run: RunContext): string {
  return `arn:${run.partition}:kinesis:${run.region}:${run.accountId}:stream/${name}`;
}
