import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { sqsEvent } from '../../src/index.js';

/** A valid FIFO event with attributes, which each test breaks in one way. */
async function base(): Promise<SQSEvent> {
  return sqsEvent({
    bodies: ['{"orderId":1}', '{"orderId":2}'],
    fifo: true,
    attributes: { tenant: 'acme' },
    trace: true,
    seed: 'check',
  });
}

const problemPaths = async (event: unknown) =>
  (await checkEvent(event)).problems.map((p) => `${p.path}: ${p.message}`);

describe('sqs checker', () => {
  it('passes every event the generator makes', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      for (const options of [
        {},
        { fifo: true, records: 10 },
        { records: 50, attributes: { n: { dataType: 'Number', value: '1' } } },
      ]) {
        expect(await checkEvent(await sqsEvent({ ...options, seed }))).toEqual({ kind: 'sqs', problems: [] });
      }
    }
    expect((await checkEvent(await base())).problems).toEqual([]);
  });

  const broken: [string, (event: SQSEvent) => void, string][] = [
    [
      'md5OfBody must match the body',
      (e) => ((e.Records[0] as { body: string }).body = 'edited'),
      'Records[0].md5OfBody: md5OfBody is the MD5 of the body',
    ],
    [
      'md5OfMessageAttributes must match the attributes',
      (e) => ((e.Records[0]?.messageAttributes.tenant as { stringValue: string }).stringValue = 'other'),
      'Records[0].md5OfMessageAttributes: md5OfMessageAttributes is the digest of the attributes',
    ],
    [
      'md5OfMessageAttributes is absent without attributes',
      (e) => {
        const record = e.Records[0] as unknown as Record<string, unknown>;
        record.messageAttributes = {};
      },
      'Records[0].md5OfMessageAttributes: md5OfMessageAttributes is absent when there are no attributes',
    ],
    [
      'messageId is a UUID v4',
      (e) => ((e.Records[0] as { messageId: string }).messageId = 'MessageID_1'),
      'Records[0].messageId: messageId is a lowercase UUID v4',
    ],
    [
      'receipt handles are base64 starting AQEB',
      (e) => ((e.Records[0] as { receiptHandle: string }).receiptHandle = 'MessageReceiptHandle'),
      'Records[0].receiptHandle: receiptHandle is base64 starting AQEB',
    ],
    [
      'first receive is not before sending',
      (e) => {
        const a = e.Records[0]?.attributes as {
          SentTimestamp: string;
          ApproximateFirstReceiveTimestamp: string;
        };
        a.ApproximateFirstReceiveTimestamp = String(Number(a.SentTimestamp) - 1);
      },
      'Records[0].attributes.ApproximateFirstReceiveTimestamp: a message is first received after it was sent',
    ],
    [
      'system attributes are strings',
      (e) => ((e.Records[0]?.attributes as unknown as Record<string, unknown>).ApproximateReceiveCount = 1),
      'Records[0].attributes.ApproximateReceiveCount: system attribute values are strings',
    ],
    [
      'awsRegion agrees with the queue ARN',
      (e) => ((e.Records[0] as { awsRegion: string }).awsRegion = 'eu-west-3'),
      'Records[0].awsRegion: awsRegion is the region of the queue ARN',
    ],
    [
      'FIFO sequence numbers increase',
      (e) => {
        const [a, b] = e.Records;
        if (a && b)
          [a.attributes.SequenceNumber, b.attributes.SequenceNumber] = [
            b.attributes.SequenceNumber,
            a.attributes.SequenceNumber,
          ];
      },
      'Records[1].attributes.SequenceNumber: sequence numbers increase within a FIFO batch',
    ],
    [
      'FIFO records have a MessageGroupId',
      (e) => {
        const attributes = e.Records[0]?.attributes as unknown as Record<string, unknown>;
        delete attributes.MessageGroupId;
      },
      'Records[0].attributes.MessageGroupId: a FIFO record has a MessageGroupId of 1 to 128 characters',
    ],
    [
      'content-based deduplication is the SHA-256 of the body',
      (e) =>
        ((e.Records[0]?.attributes as { MessageDeduplicationId: string }).MessageDeduplicationId = 'a'.repeat(
          64,
        )),
      'Records[0].attributes.MessageDeduplicationId: a content-based MessageDeduplicationId is the SHA-256 of the body',
    ],
    [
      'sequence numbers have 20 digits',
      (e) => ((e.Records[0]?.attributes as { SequenceNumber: string }).SequenceNumber = '1'),
      'Records[0].attributes.SequenceNumber: SequenceNumber has 20 digits',
    ],
    [
      'trace headers are X-Ray headers',
      (e) => ((e.Records[0]?.attributes as { AWSTraceHeader: string }).AWSTraceHeader = 'trace-me'),
      'Records[0].attributes.AWSTraceHeader: AWSTraceHeader is an X-Ray trace header',
    ],
    [
      'a FIFO batch holds at most 10 records',
      (e) => {
        const record = e.Records[0] as SQSEvent['Records'][number];
        e.Records = Array.from({ length: 11 }, () => structuredClone(record));
      },
      'Records: a FIFO batch has at most 10 records, not 11',
    ],
  ];

  for (const [rule, breakIt, expected] of broken) {
    it(`reports: ${rule}`, async () => {
      const event = await base();
      breakIt(event);
      expect(await problemPaths(event)).toContain(expected);
    });
  }

  it('reports FIFO-only attributes on a standard queue', async () => {
    const event = await sqsEvent({ bodies: ['x'], seed: 1 });
    (event.Records[0]?.attributes as unknown as Record<string, string>).SequenceNumber =
      '12345678901234567890';
    expect(await problemPaths(event)).toEqual([
      'Records[0].attributes.SequenceNumber: SequenceNumber appears only on FIFO queues',
    ]);
  });
});
