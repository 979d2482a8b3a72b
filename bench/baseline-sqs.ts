import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { randomBetween, randomChars } from './baseline-random.js';

/**
 * What a person would write by hand for the SQS event `gen-event sqs --body … --body …` makes, with no
 * library: node:crypto for the ids, receipt handles and digests, the same fields in the same order
 * (FORMATS §6). The bench measures gen-event against this.
 */
export function handWrittenSqsEvent(bodies: readonly string[]): unknown {
  const senderId = `AIDA${randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}`;
  const Records = [];
  let sent = Date.now() - 20 * bodies.length;
  for (const body of bodies) {
    sent += randomBetween(0, 20);
    const receipt = randomBytes(randomBetween(213, 324));
    receipt[0] = 1;
    receipt[1] = 1;
    receipt[2] = 1;
    Records.push({
      messageId: randomUUID(),
      receiptHandle: receipt.toString('base64'),
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: String(sent),
        SenderId: senderId,
        ApproximateFirstReceiveTimestamp: String(sent + randomBetween(0, 3)),
      },
      messageAttributes: {},
      md5OfBody: createHash('md5').update(body, 'utf8').digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:orders',
      awsRegion: 'us-east-1',
    });
  }
  return { Records };
}
