import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { detectSqs } from './detect.js';
import {
  contentDeduplicationId,
  md5OfBody,
  md5OfMessageAttributes,
  type SqsMessageAttribute,
} from './digests.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RECEIPT_HANDLE = /^AQEB[A-Za-z0-9+/]+={0,2}$/;
const EPOCH_MS = /^\d{13}$/;
const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,80}(?:\.fifo)?)$/;

/** SQS event source mapping batches (FORMATS §6). */
export const sqsChecker: EventChecker = {
  kind: 'sqs',
  source: 'sqs',
  detect: detectSqs,

  check(event, problems) {
    const records = event.Records as unknown[];
    const fifo = records.some((r) => isRecord(r) && String(r.eventSourceARN ?? '').endsWith('.fifo'));
    // Batch limits (FORMATS §6.4).
    if (records.length === 0) problems.add('Records', 'a batch has at least one record');
    if (fifo && records.length > 10)
      problems.add('Records', `a FIFO batch has at most 10 records, not ${records.length}`);
    if (records.length > 10_000)
      problems.add('Records', `a batch has at most 10,000 records, not ${records.length}`);
    let previousSequence: bigint | undefined;
    records.forEach((record, i) => {
      const at = `Records[${i}]`;
      if (!isRecord(record)) {
        problems.add(at, 'a record is an object');
        return;
      }
      checkRecord(record, at, fifo, problems);
      const sequence = isRecord(record.attributes) ? record.attributes.SequenceNumber : undefined;
      if (fifo && typeof sequence === 'string' && /^\d+$/.test(sequence)) {
        if (previousSequence !== undefined && BigInt(sequence) <= previousSequence) {
          problems.add(`${at}.attributes.SequenceNumber`, 'sequence numbers increase within a FIFO batch');
        }
        previousSequence = BigInt(sequence);
      }
    });
  },
};

function checkRecord(
  record: Record<string, unknown>,
  at: string,
  fifo: boolean,
  problems: ProblemList,
): void {
  problems.expectMatch(`${at}.messageId`, record.messageId, UUID_V4, 'messageId is a lowercase UUID v4');
  problems.expectMatch(
    `${at}.receiptHandle`,
    record.receiptHandle,
    RECEIPT_HANDLE,
    'receiptHandle is base64 starting AQEB',
  );
  if (typeof record.body !== 'string') {
    problems.add(`${at}.body`, 'body is a string');
  } else {
    problems.expectEqual(
      `${at}.md5OfBody`,
      record.md5OfBody,
      md5OfBody(record.body),
      'md5OfBody is the MD5 of the body',
    );
  }
  problems.expectEqual(`${at}.eventSource`, record.eventSource, 'aws:sqs', 'eventSource is aws:sqs');

  const arn = QUEUE_ARN.exec(String(record.eventSourceARN ?? ''));
  if (!arn)
    problems.add(
      `${at}.eventSourceARN`,
      'eventSourceARN is an SQS queue ARN',
      'arn:aws:sqs:<region>:<account>:<queue>',
    );
  else
    problems.expectEqual(
      `${at}.awsRegion`,
      record.awsRegion,
      arn[1],
      'awsRegion is the region of the queue ARN',
    );

  checkMessageAttributes(record, at, problems);
  checkSystemAttributes(record, at, fifo, problems);
}

function checkMessageAttributes(record: Record<string, unknown>, at: string, problems: ProblemList): void {
  const attributes = record.messageAttributes;
  if (!isRecord(attributes)) {
    problems.add(`${at}.messageAttributes`, 'messageAttributes is an object ({} when there are none)');
    return;
  }
  const names = Object.keys(attributes);
  if (names.length > 10)
    problems.add(`${at}.messageAttributes`, `SQS allows at most 10 attributes, not ${names.length}`);
  for (const name of names) {
    const attribute = attributes[name];
    const where = `${at}.messageAttributes["${name}"]`;
    if (!isRecord(attribute) || typeof attribute.dataType !== 'string') {
      problems.add(where, 'an attribute has a dataType');
      return;
    }
    const binary = attribute.dataType.startsWith('Binary');
    if (binary && typeof attribute.binaryValue !== 'string')
      problems.add(where, 'a Binary attribute has a binaryValue');
    if (!binary && typeof attribute.stringValue !== 'string')
      problems.add(where, 'a String or Number attribute has a stringValue');
    if (!Array.isArray(attribute.stringListValues) || !Array.isArray(attribute.binaryListValues)) {
      problems.add(where, 'stringListValues and binaryListValues are always present (empty)');
    }
  }
  // md5OfMessageAttributes is present exactly when there are attributes (FORMATS §6.1, §6.3).
  if (names.length === 0) {
    if ('md5OfMessageAttributes' in record) {
      problems.add(
        `${at}.md5OfMessageAttributes`,
        'md5OfMessageAttributes is absent when there are no attributes',
      );
    }
  } else {
    const expected = md5OfMessageAttributes(attributes as Record<string, SqsMessageAttribute>);
    problems.expectEqual(
      `${at}.md5OfMessageAttributes`,
      record.md5OfMessageAttributes,
      expected,
      'md5OfMessageAttributes is the digest of the attributes',
    );
  }
}

function checkSystemAttributes(
  record: Record<string, unknown>,
  at: string,
  fifo: boolean,
  problems: ProblemList,
): void {
  const attributes = record.attributes;
  const where = `${at}.attributes`;
  if (!isRecord(attributes)) {
    problems.add(where, 'attributes is an object');
    return;
  }
  for (const [key, value] of Object.entries(attributes)) {
    if (typeof value !== 'string') problems.add(`${where}.${key}`, 'system attribute values are strings');
  }
  problems.expectMatch(
    `${where}.SentTimestamp`,
    attributes.SentTimestamp,
    EPOCH_MS,
    'SentTimestamp is epoch ms as text',
  );
  problems.expectMatch(
    `${where}.ApproximateFirstReceiveTimestamp`,
    attributes.ApproximateFirstReceiveTimestamp,
    EPOCH_MS,
    'ApproximateFirstReceiveTimestamp is epoch ms as text',
  );
  if (Number(attributes.ApproximateFirstReceiveTimestamp) < Number(attributes.SentTimestamp)) {
    problems.add(
      `${where}.ApproximateFirstReceiveTimestamp`,
      'a message is first received after it was sent',
    );
  }
  problems.expectMatch(
    `${where}.ApproximateReceiveCount`,
    attributes.ApproximateReceiveCount,
    /^[1-9]\d*$/,
    'ApproximateReceiveCount is a count from 1',
  );
  if (typeof attributes.SenderId !== 'string' || attributes.SenderId.length === 0) {
    problems.add(`${where}.SenderId`, 'SenderId is present');
  }
  const fifoKeys = ['SequenceNumber', 'MessageGroupId', 'MessageDeduplicationId'];
  if (fifo) {
    problems.expectMatch(
      `${where}.SequenceNumber`,
      attributes.SequenceNumber,
      /^\d{20}$/,
      'SequenceNumber has 20 digits',
    );
    if (typeof attributes.MessageGroupId !== 'string' || !/^.{1,128}$/.test(attributes.MessageGroupId)) {
      problems.add(`${where}.MessageGroupId`, 'a FIFO record has a MessageGroupId of 1 to 128 characters');
    }
    if (
      typeof attributes.MessageDeduplicationId !== 'string' ||
      attributes.MessageDeduplicationId.length === 0
    ) {
      problems.add(`${where}.MessageDeduplicationId`, 'a FIFO record has a MessageDeduplicationId');
    } else if (/^[0-9a-f]{64}$/.test(attributes.MessageDeduplicationId) && typeof record.body === 'string') {
      // A 64-hex id is content-based deduplication: the SHA-256 of the body (FORMATS §6.2).
      problems.expectEqual(
        `${where}.MessageDeduplicationId`,
        attributes.MessageDeduplicationId,
        contentDeduplicationId(record.body),
        'a content-based MessageDeduplicationId is the SHA-256 of the body',
      );
    }
  } else {
    for (const key of fifoKeys.filter((k) => k !== 'MessageGroupId')) {
      if (key in attributes) problems.add(`${where}.${key}`, `${key} appears only on FIFO queues`);
    }
  }
  if ('AWSTraceHeader' in attributes) {
    problems.expectMatch(
      `${where}.AWSTraceHeader`,
      attributes.AWSTraceHeader,
      /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}(;Parent=[0-9a-f]{16})?(;Sampled=[01])?/,
      'AWSTraceHeader is an X-Ray trace header',
    );
  }
}
