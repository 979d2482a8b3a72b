import { parseArn } from '../../core/aws.js';
import { UsageError } from '../../core/errors.js';

export interface TopicIdentity {
  name: string;
  fifo: boolean;
  /** Region and account when the topic was given as an ARN. */
  arn?: { region: string; accountId: string };
}

// Topic names: 1 to 256 of [A-Za-z0-9_-], FIFO topics ending .fifo.
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;

/** Reads `--topic <name|arn>`. */
export function parseTopic(text: string): TopicIdentity {
  let name = text;
  let arn: TopicIdentity['arn'];
  if (text.startsWith('arn:')) {
    const parsed = parseArn(text);
    if (parsed?.service !== 'sns' || parsed.region === '') {
      throw new UsageError(
        `--topic '${text}' is not an SNS topic ARN`,
        'use arn:aws:sns:<region>:<account>:<name>',
      );
    }
    name = parsed.resource;
    arn = { region: parsed.region, accountId: parsed.accountId };
  }
  const fifo = name.endsWith('.fifo');
  const base = fifo ? name.slice(0, -5) : name;
  if (!TOPIC_NAME.test(base) || name.length > 256) {
    throw new UsageError(
      `topic name '${name}' is not valid`,
      'use 1 to 256 letters, digits, - and _ (FIFO: ending .fifo)',
    );
  }
  return arn ? { name, fifo, arn } : { name, fifo };
}
