import { randomUUID } from 'node:crypto';
import { handWrittenPayload } from '../baseline-payload.js';
import type { SourceBench } from '../source-bench.js';

/** An EventBridge event from a custom bus as a test would write it (FORMATS-events §3). */
function handWrittenEventBridgeEvent(): unknown {
  const now = Date.now();
  const detail = handWrittenPayload(now);
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': detail.type,
    source: 'com.acme.orders',
    account: '123456789012',
    time: `${new Date(now).toISOString().slice(0, 19)}Z`,
    region: 'us-east-1',
    resources: [],
    detail,
  };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenEventBridgeEvent },
};
