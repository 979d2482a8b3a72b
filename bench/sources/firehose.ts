import { randomUUID } from 'node:crypto';
import { handWrittenPayload } from '../baseline-payload.js';
import { randomChars } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

/** A Firehose transformation event with one record as a test would write it (FORMATS-events §6). */
function handWrittenFirehoseEvent(): unknown {
  const now = Date.now();
  return {
    invocationId: randomUUID(),
    deliveryStreamArn: 'arn:aws:firehose:us-east-1:123456789012:deliverystream/audit-events-firehose',
    region: 'us-east-1',
    records: [
      {
        recordId: randomChars('0123456789', 62),
        approximateArrivalTimestamp: now,
        data: Buffer.from(`${JSON.stringify(handWrittenPayload(now))}\n`).toString('base64'),
      },
    ],
  };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenFirehoseEvent },
};
