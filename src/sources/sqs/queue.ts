import { parseArn } from '../../core/aws.js';
import { UsageError } from '../../core/errors.js';

export interface QueueIdentity {
  name: string;
  fifo: boolean;
  /** Region and account when the queue was given as an ARN. */
  arn?: { region: string; accountId: string };
}

// Queue names: 1 to 80 of [A-Za-z0-9_-], FIFO names ending in .fifo (FORMATS §6.1).
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** Reads `--queue <name|arn>`; `fifo` asks for a FIFO queue, adding `.fifo` to a plain name. */
export function parseQueue(text: string, fifo: boolean): QueueIdentity {
  let name = text;
  let arn: QueueIdentity['arn'];
  if (text.startsWith('arn:')) {
    const parsed = parseArn(text);
    if (parsed?.service !== 'sqs') {
      throw new UsageError(
        `--queue '${text}' is not an SQS queue ARN`,
        'use arn:aws:sqs:<region>:<account>:<name>',
      );
    }
    name = parsed.resource;
    arn = { region: parsed.region, accountId: parsed.accountId };
  }
  const isFifo = name.endsWith('.fifo');
  if (fifo && !isFifo) {
    if (arn) throw new UsageError(`--fifo with queue ARN ${text}`, 'a FIFO queue name ends in .fifo');
    name = `${name}.fifo`;
  }
  const base = name.endsWith('.fifo') ? name.slice(0, -5) : name;
  if (!QUEUE_NAME.test(base) || name.length > 80) {
    throw new UsageError(
      `queue name '${name}' is not valid`,
      'use 1 to 80 letters, digits, - and _ (FIFO: ending .fifo)',
    );
  }
  return arn ? { name, fifo: name.endsWith('.fifo'), arn } : { name, fifo: name.endsWith('.fifo') };
}
