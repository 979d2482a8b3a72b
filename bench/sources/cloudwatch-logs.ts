import { randomBytes, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { handWrittenPayload } from '../baseline-payload.js';
import { randomBetween } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

/**
 * A CloudWatch Logs subscription event as a test would write it (FORMATS-events §7): one Lambda
 * invocation's lines (START, a few JSON log lines, END, REPORT), gzipped and base64-encoded.
 */
function handWrittenLogsEvent(): unknown {
  const start = Date.now();
  const requestId = randomUUID();
  const id = (n: number) => `${String(start).padEnd(46, '0')}${String(n).padStart(10, '0')}`;
  const logEvents: { id: string; timestamp: number; message: string }[] = [];
  const add = (timestamp: number, message: string) =>
    logEvents.push({ id: id(logEvents.length), timestamp, message });
  add(start, `START RequestId: ${requestId} Version: $LATEST\n`);
  for (let i = randomBetween(1, 3); i > 0; i--) {
    const line = JSON.stringify(handWrittenPayload(start));
    add(start, `${new Date(start).toISOString()}\t${requestId}\tINFO\t${line}\n`);
  }
  const duration = randomBetween(100, 9000) / 100;
  const end = start + Math.ceil(duration);
  add(end, `END RequestId: ${requestId}\n`);
  add(
    end,
    `REPORT RequestId: ${requestId}\tDuration: ${duration} ms\tBilled Duration: ${Math.ceil(duration)} ms\tMemory Size: 256 MB\tMax Memory Used: ${randomBetween(60, 120)} MB\t\n`,
  );
  const message = {
    messageType: 'DATA_MESSAGE',
    owner: '123456789012',
    logGroup: '/aws/lambda/orders-api-staging',
    logStream: `2025/07/29/[$LATEST]${randomBytes(16).toString('hex')}`,
    subscriptionFilters: ['errors-to-orders-api-staging'],
    logEvents,
  };
  return { awslogs: { data: gzipSync(JSON.stringify(message)).toString('base64') } };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenLogsEvent },
};
