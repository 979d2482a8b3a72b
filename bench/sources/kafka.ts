import { randomUUID } from 'node:crypto';
import { handWrittenPayload } from '../baseline-payload.js';
import { randomBetween } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

/** An MSK event with one record as a test would write it (FORMATS-events §5): key and value base64. */
const BROKERS = [2, 1, 3]
  .map((n) => `b-${n}.events-prod.cknuzc.c9.kafka.us-east-1.amazonaws.com:9098`)
  .join(',');

function handWrittenKafkaEvent(): unknown {
  const now = Date.now();
  const partition = randomBetween(0, 5);
  return {
    eventSource: 'aws:kafka',
    eventSourceArn: `arn:aws:kafka:us-east-1:123456789012:cluster/events-prod/${randomUUID()}-9`,
    bootstrapServers: BROKERS,
    records: {
      [`orders-${partition}`]: [
        {
          topic: 'orders',
          partition,
          offset: randomBetween(1, 5_000_000),
          timestamp: now,
          timestampType: 'CREATE_TIME',
          key: Buffer.from(randomUUID()).toString('base64'),
          value: Buffer.from(JSON.stringify(handWrittenPayload(now))).toString('base64'),
          headers: [],
        },
      ],
    },
  };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenKafkaEvent },
};
