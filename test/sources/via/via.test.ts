import { createHash } from 'node:crypto';
import {
  EventBridgeEnvelope,
  SnsEnvelope,
  SnsSqsEnvelope,
  SqsEnvelope,
} from '@aws-lambda-powertools/parser/envelopes';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import {
  EventBridgeSchema,
  S3EventNotificationEventBridgeSchema,
  S3Schema,
  S3SqsEventNotificationSchema,
  SnsSchema,
  SqsSchema,
} from '@aws-lambda-powertools/parser/schemas';
import type { SNSEvent, SQSEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { checkEvent } from '../../../src/check/registry.js';
import { type S3EventBridgeEvent, s3Event, snsEvent } from '../../../src/index.js';
import { sqsEnvelopeBody } from '../../../src/sources/sns/notification.js';
import { runCli } from '../../helpers/cli.js';
import { ndjsonEvents, oneEvent } from '../../helpers/matrix.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const body = (event: SQSEvent, i = 0) => (event.Records[i] as SQSEvent['Records'][0]).body;
const S3_ARGS = ['--key', 'photos/summer trip.jpg', '--body', 'something', '--seed', '5'];

describe('--via: each chain gives back the inner event through the Powertools envelopes', () => {
  it('S3 → SQS: a compact notification body, md5OfBody of that body', async () => {
    const direct = await oneEvent(['s3', ...S3_ARGS]);
    const event = await oneEvent<SQSEvent>(['s3', ...S3_ARGS, '--via', 'sqs']);
    expect(SqsEnvelope.parse(event, JSONStringified(S3Schema))).toEqual([S3Schema.parse(direct)]);
    expect(JSON.parse(body(event))).toEqual(direct);
    expect(body(event)).toBe(JSON.stringify(direct));
    expect(body(event).startsWith('{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3"')).toBe(true);
    expect(event.Records[0]?.md5OfBody).toBe(md5(body(event)));
    expect(event.Records[0]?.messageAttributes).toEqual({});
    expect(() => S3SqsEventNotificationSchema.parse(event)).not.toThrow();
  });

  it('S3 → SNS: the notification is the Message, with the subject S3 publishes', async () => {
    const direct = await oneEvent(['s3', ...S3_ARGS]);
    const event = await oneEvent<SNSEvent>(['s3', ...S3_ARGS, '--via', 'sns', '--topic', 'uploads']);
    expect(SnsEnvelope.parse(event, JSONStringified(S3Schema))).toEqual([S3Schema.parse(direct)]);
    expect(event.Records[0]?.Sns.Message).toBe(JSON.stringify(direct));
    expect(event.Records[0]?.Sns.Subject).toBe('Amazon S3 Notification');
    expect(event.Records[0]?.Sns.TopicArn).toMatch(/:sns:us-east-1:\d{12}:uploads$/);
  });

  it('S3 → SNS → SQS: the pretty-printed envelope with the SQS spelling, and its digest', async () => {
    const direct = await oneEvent(['s3', ...S3_ARGS]);
    const event = await oneEvent<SQSEvent>(['s3', ...S3_ARGS, '--via', 'sns', '--via', 'sqs']);
    expect(SnsSqsEnvelope.parse(event, JSONStringified(S3Schema))).toEqual([S3Schema.parse(direct)]);
    const text = body(event);
    expect(text.startsWith('{\n  "Type" : "Notification",\n  "MessageId" : "')).toBe(true);
    expect(text).toContain('\n  "Subject" : "Amazon S3 Notification",\n  "Message" : ');
    expect(text).toContain(
      '\n  "SigningCertURL" : "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-',
    );
    expect(text).not.toContain('SigningCertUrl');
    expect(text.endsWith('"\n}')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Subject',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
    ]);
    expect(event.Records[0]?.md5OfBody).toBe(md5(text));
  });

  it('S3 → SNS → SQS with raw delivery: the body is the compact notification', async () => {
    const direct = await oneEvent(['s3', ...S3_ARGS]);
    const event = await oneEvent<SQSEvent>(['s3', ...S3_ARGS, '--via', 'sns', '--via', 'sqs', '--raw']);
    expect(SqsEnvelope.parse(event, JSONStringified(S3Schema))).toEqual([S3Schema.parse(direct)]);
    expect(body(event)).toBe(JSON.stringify(direct));
  });

  it('SNS → SQS: one SQS record per message; Subject absent without one; SignatureVersion as the topic says', async () => {
    const event = await oneEvent<SQSEvent>([
      'sns',
      '--message',
      'a',
      '--message',
      '{"b":2}',
      '--signature-version',
      '2',
      '--via',
      'sqs',
      '--seed',
      '1',
    ]);
    expect(
      SnsSqsEnvelope.parse(event, z.union([z.literal('a'), JSONStringified(z.object({ b: z.number() }))])),
    ).toEqual(['a', { b: 2 }]);
    for (const record of event.Records) {
      const envelope = JSON.parse(record.body);
      expect(envelope).not.toHaveProperty('Subject');
      expect(envelope).not.toHaveProperty('MessageAttributes');
      expect(envelope.SignatureVersion).toBe('2');
      expect(record.md5OfBody).toBe(md5(record.body));
    }
  });

  it('SNS attributes: last in the envelope, each on one line; raw delivery makes them SQS attributes with their digest', async () => {
    const args = [
      'sns',
      '--message',
      'x',
      '--attribute',
      'sample-attribute=sample-value',
      '--via',
      'sqs',
      '--seed',
      '2',
    ];
    const envelope = body(await oneEvent<SQSEvent>(args));
    expect(envelope).toMatch(
      /"UnsubscribeURL" : "[^"]+",\n {2}"MessageAttributes" : \{\n {4}"sample-attribute" : \{"Type":"String","Value":"sample-value"\}\n {2}\}\n\}$/,
    );
    const raw = await oneEvent<SQSEvent>([...args, '--raw']);
    const record = raw.Records[0] as SQSEvent['Records'][0];
    expect(record.body).toBe('x');
    expect(record.messageAttributes['sample-attribute']).toEqual({
      stringValue: 'sample-value',
      stringListValues: [],
      binaryListValues: [],
      dataType: 'String',
    });
    // The digest SQS computes for this attribute (FORMATS §6.3, a real delivery's value).
    expect(record.md5OfMessageAttributes).toBe('7c815262be77a62f56671125069ca888');
    expect(record.md5OfBody).toBe('9dd4e461268c8034f5c8564e155c67a6');
  });

  it("S3 → EventBridge is S3's own event; → SQS puts it in a compact body", async () => {
    const event = await oneEvent<Record<string, unknown>>(['s3', ...S3_ARGS, '--via', 'eventbridge']);
    const parsed = S3EventNotificationEventBridgeSchema.parse(event);
    expect(parsed.source).toBe('aws.s3');
    expect(parsed['detail-type']).toBe('Object Created');
    expect(parsed.detail.object).toMatchObject({
      key: 'photos/summer trip.jpg',
      size: 9,
      etag: '437b930db84b8079c2dd804a71936b5f',
    });
    expect(parsed.detail.reason).toBe('PutObject');
    expect(Object.keys(event)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const viaSqs = await oneEvent<SQSEvent>(['s3', ...S3_ARGS, '--via', 'eventbridge', '--via', 'sqs']);
    expect(SqsEnvelope.parse(viaSqs, JSONStringified(S3EventNotificationEventBridgeSchema))).toEqual([
      parsed,
    ]);
    expect(body(viaSqs)).toBe(JSON.stringify(event));
    const detail = EventBridgeEnvelope.parse(event, z.object({ bucket: z.object({ name: z.string() }) }));
    expect(detail.bucket.name).toBe(parsed.detail.bucket.name);
    const deleted = await oneEvent<{ detail: Record<string, unknown> }>([
      's3',
      '--event-name',
      'ObjectRemoved:DeleteMarkerCreated',
      '--via',
      'eventbridge',
    ]);
    expect(deleted.detail['deletion-type']).toBe('Delete Marker Created');
    expect(Object.keys(deleted.detail.object as object)).toEqual(['key', 'version-id', 'sequencer']);
  });

  it('the outer service options apply: queue, receive count, trace; a queue ARN places the run', async () => {
    const event = await oneEvent<SQSEvent>([
      's3',
      '--via',
      'sqs',
      '--queue',
      'arn:aws:sqs:eu-west-1:123456789012:uploads',
      '--receive-count',
      '2',
      '--trace',
    ]);
    const record = event.Records[0] as SQSEvent['Records'][0];
    expect(record.eventSourceARN).toBe('arn:aws:sqs:eu-west-1:123456789012:uploads');
    expect(record.attributes.ApproximateReceiveCount).toBe('2');
    expect(record.attributes.AWSTraceHeader).toMatch(/^Root=1-/);
    expect(JSON.parse(record.body).Records[0].awsRegion).toBe('eu-west-1');
  });
});

describe('--via: a matrix of chains, seeds and --count 200 passes the schemas and the checker', () => {
  const chains: [string[], string, (event: unknown) => unknown][] = [
    [['s3', '--via', 'sqs'], 'sqs', (e) => S3SqsEventNotificationSchema.parse(e)],
    [['s3', '--via', 'sns'], 'sns', (e) => SnsEnvelope.parse(e, JSONStringified(S3Schema))],
    [
      ['s3', '--via', 'sns', '--via', 'sqs'],
      'sqs',
      (e) => SnsSqsEnvelope.parse(e, JSONStringified(S3Schema)),
    ],
    [
      ['s3', '--via', 'sns', '--via', 'sqs', '--raw'],
      'sqs',
      (e) => SqsEnvelope.parse(e, JSONStringified(S3Schema)),
    ],
    [
      ['s3', '--event-name', 'ObjectRemoved:Delete', '--via', 'eventbridge', '--via', 'sqs'],
      'sqs',
      (e) => SqsEnvelope.parse(e, JSONStringified(S3EventNotificationEventBridgeSchema)),
    ],
    [['sns', '--via', 'sqs', '--attribute', 'a=1'], 'sqs', (e) => SnsSqsEnvelope.parse(e, z.unknown())],
    [['sns', '--via', 'sqs', '--raw', '--attribute', 'b:Binary=AgME'], 'sqs', (e) => SqsSchema.parse(e)],
  ];
  for (const [args, kind, parse] of chains) {
    for (const seed of ['1', 'two']) {
      it(`${args.join(' ')} --seed ${seed}`, async () => {
        for (const event of await ndjsonEvents([...args, '--seed', seed])) {
          expect(() => parse(event)).not.toThrow();
          if (kind === 'sqs') expect(() => SqsSchema.parse(event)).not.toThrow();
          else expect(() => SnsSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind, problems: [] });
        }
      });
    }
  }
  it('s3 --via eventbridge parses as an EventBridge event', async () => {
    for (const event of await ndjsonEvents(['s3', '--via', 'eventbridge', '--seed', '1'])) {
      expect(() => EventBridgeSchema.parse(event)).not.toThrow();
      expect(() => S3EventNotificationEventBridgeSchema.parse(event)).not.toThrow();
    }
  });
});

describe('the SNS → SQS envelope is byte-exact', () => {
  it('rebuilds a real delivery whose md5OfBody matched it', () => {
    // A real 2021 SNS → SQS delivery (Powertools' snsSqsEvent capture): its fields, and the digest SQS gave.
    const text = sqsEnvelopeBody({
      messageId: 'd88d4479-6ec0-54fe-b63f-1cf9df4bb16e',
      topicArn: 'arn:aws:sns:eu-west-1:231436140809:powertools265',
      subscriptionArn:
        'arn:aws:sns:eu-west-1:231436140809:powertools265:15189ad7-870e-40e5-a7dd-a48898cd9f86',
      message: '{"message": "hello world", "username": "lessa"}',
      timestamp: '2021-01-19T10:07:07.287Z',
      signatureVersion: '1',
      signature:
        'tEo2i6Lw6/Dr7Jdlulh0sXgnkF0idd3hqs8QZCorQpzkIWVOuu583NT0Gv0epuZD1Bo+tex6NgP5p6415yNVujGHJKnkrA9ztzXaVgFiol8rf8AFGQbmb7RsM9BqATQUJeg9nCTe0jksmWXmjxEFr8XKyyRuQBwSlRTngAvOw8jUnCe1vyYD5xPec1xpfOEGLi5BqSog+6tBtsry3oAtcENX8SV1tVuMpp6D+UrrU8xNT/5D70uRDppkPE3vq+t7rR0fVSdQRdUV9KmQD2bflA1Dyb2y37EzwJOMHDDQ82aOhj/JmPxvEAlV8RkZl6J0HIveraRy9wbNLbI7jpiOCw==',
      signingCertUrl:
        'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-010a507c1833636cd94bdb98bd93083a.pem',
      unsubscribeUrl:
        'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:231436140809:powertools265:15189ad7-870e-40e5-a7dd-a48898cd9f86',
      attributes: {},
    });
    expect(md5(text)).toBe('8910bdaaf9a30a607f7891037d4af0b0');
  });
});

describe('--via: chains the services cannot form, and options of a service not in the chain', () => {
  it.each([
    [
      ['s3', '--via', 'sqs', '--via', 'sns'],
      'gen-event: SQS cannot deliver to SNS (--via sns) (SQS is the last service before the function; drop what follows --via sqs)\n',
    ],
    [
      ['sns', '--via', 'sns'],
      'gen-event: SNS cannot deliver to SNS (--via sns) (SNS delivers to --via sqs)\n',
    ],
    [
      ['sns', '--via', 'eventbridge'],
      'gen-event: SNS cannot deliver to EventBridge (--via eventbridge) (SNS delivers to --via sqs)\n',
    ],
    [
      ['s3', '--via', 'sns', '--via', 'eventbridge'],
      'gen-event: SNS cannot deliver to EventBridge (--via eventbridge) (SNS delivers to --via sqs)\n',
    ],
    [
      ['s3', '--via', 'sqs', '--raw'],
      'gen-event: --raw is a setting of an SNS → SQS subscription (add --via sqs after SNS, or drop --raw)\n',
    ],
    [['s3', '--queue', 'q'], 'gen-event: --queue is an option of an SQS queue (add --via sqs)\n'],
    [
      ['s3', '--via', 'sqs', '--fifo'],
      'gen-event: S3 does not deliver to FIFO queues (use a standard queue (no .fifo, no --fifo))\n',
    ],
    [
      ['sns', '--via', 'sqs', '--queue', 'jobs.fifo'],
      'gen-event: SNS does not deliver to FIFO queues (use a standard queue (no .fifo, no --fifo))\n',
    ],
    [
      ['s3', '--event-name', 'Replication:OperationNotTracked', '--via', 'eventbridge'],
      'gen-event: S3 sends no EventBridge event for Replication:OperationNotTracked (drop --via eventbridge, or choose an object-level type such as ObjectCreated:Put)\n',
    ],
    [
      ['s3', '--event-name', 's3:TestEvent', '--via', 'eventbridge'],
      'gen-event: S3 sends no s3:TestEvent to EventBridge (drop --via eventbridge for the test event)\n',
    ],
    [
      ['s3', '--via', 'sqs', '--via', 'sqs'],
      'gen-event: SQS cannot deliver to SQS (--via sqs) (SQS is the last service before the function; drop what follows --via sqs)\n',
    ],
  ])('%j', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ status: 2, stdout: '', stderr });
  });
});

describe('--via in the library', () => {
  it('takes the same chain and is typed by its last service', async () => {
    const sqs = await s3Event({ via: ['sns', 'sqs'], key: 'a b', seed: 1 });
    expectTypeOf(sqs).toEqualTypeOf<SQSEvent>();
    expect(SnsSqsEnvelope.parse(sqs, JSONStringified(S3Schema))[0]?.Records[0]?.s3.object.key).toBe('a+b');
    const sns = await s3Event({ via: ['sns'], seed: 1 });
    expectTypeOf(sns).toEqualTypeOf<SNSEvent>();
    const bus = await s3Event({ via: ['eventbridge'], seed: 1 });
    expectTypeOf(bus).toEqualTypeOf<S3EventBridgeEvent>();
    const queued = await snsEvent({ via: ['sqs'], messages: ['m'], raw: true, seed: 1 });
    expectTypeOf(queued).toEqualTypeOf<SQSEvent>();
    expect(queued.Records[0]?.body).toBe('m');
  });
});
