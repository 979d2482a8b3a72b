import { type EventChecker, isRecord, MAX_EPOCH_SECONDS, type ProblemList } from '../../check/problems.js';
import { attributeValueIssue, type Item, KEY_TYPES, memberPath } from './attribute-value.js';
import { detectDynamodb } from './detect.js';
import { imagesShown } from './images.js';
import { streamRecordSize } from './item-size.js';
import { STREAM_LABEL } from './stream.js';

const EVENT_NAMES = ['INSERT', 'MODIFY', 'REMOVE'];
const VIEW_TYPES = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES'];
const STREAM_ARN =
  /^arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\d{12}):table\/([A-Za-z0-9_.-]{3,255})\/stream\/([^/]+)$/;

/** DynamoDB Streams batches as the event source mapping delivers them (FORMATS-events §5). */
export const dynamodbChecker: EventChecker = {
  kind: 'dynamodb',
  source: 'dynamodb',
  detect: detectDynamodb,

  check(event, problems) {
    const records = event.Records as unknown[];
    if (records.length > 10_000)
      problems.add('Records', `a batch has at most 10,000 records, not ${records.length}`);
    // Records of one shard come in order: sequence numbers increase along the batch (§5.5).
    const lastSequence = new Map<string, bigint>();
    records.forEach((record, i) => {
      const at = `Records[${i}]`;
      if (!isRecord(record)) {
        problems.add(at, 'a record is an object');
        return;
      }
      checkRecord(record, at, problems);
      const change = record.dynamodb;
      const sequence = isRecord(change) ? change.SequenceNumber : undefined;
      if (typeof sequence === 'string' && /^\d+$/.test(sequence)) {
        const stream = String(record.eventSourceARN);
        const previous = lastSequence.get(stream);
        if (previous !== undefined && BigInt(sequence) <= previous) {
          problems.add(`${at}.dynamodb.SequenceNumber`, 'sequence numbers increase along a batch');
        }
        lastSequence.set(stream, BigInt(sequence));
      }
    });
  },
};

function checkRecord(record: Record<string, unknown>, at: string, problems: ProblemList): void {
  if (typeof record.eventID !== 'string' || record.eventID.length === 0)
    problems.add(`${at}.eventID`, 'eventID is a non-empty string');
  const eventName = record.eventName as string;
  if (!EVENT_NAMES.includes(eventName))
    problems.add(`${at}.eventName`, 'eventName is INSERT, MODIFY or REMOVE');
  // "1.1" in current events, "1.0" in the Lambda documentation's example (§0 rule 11).
  if (record.eventVersion !== '1.1' && record.eventVersion !== '1.0')
    problems.add(`${at}.eventVersion`, 'eventVersion is "1.1"', '1.1');
  problems.expectEqual(
    `${at}.eventSource`,
    record.eventSource,
    'aws:dynamodb',
    'eventSource is aws:dynamodb',
  );

  const arn = STREAM_ARN.exec(String(record.eventSourceARN ?? ''));
  if (!arn) {
    problems.add(
      `${at}.eventSourceARN`,
      'eventSourceARN is a DynamoDB stream ARN',
      'arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>',
    );
  } else {
    problems.expectEqual(
      `${at}.awsRegion`,
      record.awsRegion,
      arn[1],
      'awsRegion is the region of the stream ARN',
    );
    problems.expectMatch(
      `${at}.eventSourceARN`,
      arn[4],
      STREAM_LABEL,
      'the stream label is its creation time, with milliseconds and no zone',
    );
  }

  // Only deletes by Time to Live carry a userIdentity: the DynamoDB service (§5.1).
  if ('userIdentity' in record) {
    problems.expectEqual(
      `${at}.userIdentity`,
      record.userIdentity,
      { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      'userIdentity, on a delete by Time to Live, is the DynamoDB service',
    );
    if (eventName !== 'REMOVE')
      problems.add(`${at}.userIdentity`, 'only deletes by Time to Live (REMOVE) have a userIdentity');
  }

  const change = record.dynamodb;
  if (!isRecord(change)) {
    problems.add(`${at}.dynamodb`, 'dynamodb is an object');
    return;
  }
  checkChange(change, eventName, `${at}.dynamodb`, problems);
}

function checkChange(
  change: Record<string, unknown>,
  eventName: string,
  at: string,
  problems: ProblemList,
): void {
  const created = change.ApproximateCreationDateTime;
  if (typeof created !== 'number' || created <= 0 || created >= MAX_EPOCH_SECONDS)
    problems.add(
      `${at}.ApproximateCreationDateTime`,
      'ApproximateCreationDateTime is a number of epoch seconds',
    );
  problems.expectMatch(
    `${at}.SequenceNumber`,
    change.SequenceNumber,
    /^\d+$/,
    'SequenceNumber is decimal text',
  );

  const viewType = change.StreamViewType as string;
  if (!VIEW_TYPES.includes(viewType))
    problems.add(`${at}.StreamViewType`, `StreamViewType is one of ${VIEW_TYPES.join(', ')}`);

  const valid = (name: 'Keys' | 'NewImage' | 'OldImage'): Item | undefined => {
    const item = change[name];
    if (item === undefined) return undefined;
    if (!isRecord(item)) {
      problems.add(`${at}.${name}`, `${name} is an object of AttributeValues`);
      return undefined;
    }
    let ok = true;
    for (const [attribute, value] of Object.entries(item)) {
      const issue = attributeValueIssue(value, `${at}.${name}${memberPath(attribute)}`);
      if (issue) {
        problems.add(issue.path, issue.message);
        ok = false;
      }
    }
    return ok ? (item as Item) : undefined;
  };
  const keys = valid('Keys');
  const newImage = valid('NewImage');
  const oldImage = valid('OldImage');

  if (!isRecord(change.Keys) || Object.keys(change.Keys).length === 0)
    problems.add(`${at}.Keys`, 'Keys holds the key attributes');
  else if (Object.keys(change.Keys).length > 2)
    problems.add(`${at}.Keys`, 'a key has a partition key and at most one sort key');
  if (keys) {
    for (const [name, value] of Object.entries(keys)) {
      if (!KEY_TYPES.includes(Object.keys(value)[0] as (typeof KEY_TYPES)[number]))
        problems.add(`${at}.Keys${memberPath(name)}`, 'key attributes are S, N or B');
      for (const [imageName, image] of [
        ['NewImage', newImage],
        ['OldImage', oldImage],
      ] as const) {
        if (!image) continue;
        problems.expectEqual(
          `${at}.Keys${memberPath(name)}`,
          value,
          image[name],
          `Keys holds the key attributes of ${imageName}`,
        );
      }
    }
  }

  if (VIEW_TYPES.includes(viewType) && EVENT_NAMES.includes(eventName)) {
    const shown = imagesShown(
      viewType as Parameters<typeof imagesShown>[0],
      eventName as Parameters<typeof imagesShown>[1],
    );
    for (const [image, name] of [
      ['newImage', 'NewImage'],
      ['oldImage', 'OldImage'],
    ] as const) {
      if (shown[image] && !(name in change))
        problems.add(`${at}.${name}`, `a ${eventName} record with view ${viewType} has ${name}`);
      if (!shown[image] && name in change)
        problems.add(`${at}.${name}`, `a ${eventName} record with view ${viewType} has no ${name}`);
    }
  }

  const complete = keys && (newImage || !('NewImage' in change)) && (oldImage || !('OldImage' in change));
  if (complete) {
    problems.expectEqual(
      `${at}.SizeBytes`,
      change.SizeBytes,
      streamRecordSize(keys, newImage, oldImage),
      'SizeBytes is the item size of Keys plus the images',
    );
  } else if (typeof change.SizeBytes !== 'number') {
    problems.add(`${at}.SizeBytes`, 'SizeBytes is a number');
  }
}
