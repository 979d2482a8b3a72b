import {
  BatchProcessor,
  EventType,
  processPartialResponse,
  processPartialResponseSync,
  SqsFifoPartialProcessor,
} from '@aws-lambda-powertools/batch';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  KinesisStreamBatchResponse,
  KinesisStreamRecord,
  SQSBatchResponse,
  SQSRecord,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ResponseChecker } from '../../src/check/response-checker.js';
import { dynamoDbEvent, kafkaEvent, kinesisEvent, sqsEvent } from '../../src/index.js';
import { dynamodbResponseChecker } from '../../src/sources/dynamodb/response.js';
import { kafkaResponseChecker } from '../../src/sources/kafka/response.js';
import { kinesisResponseChecker } from '../../src/sources/kinesis/response.js';
import { sqsResponseChecker } from '../../src/sources/sqs/response.js';
import { judge, type Right, testRightResponses, testWrongResponses, type Wrong } from './helpers.js';

const FAILS = 'Lambda treats the whole batch as failed and retries it';

const sqs = await sqsEvent({ bodies: ['ok', 'fail', 'ok', 'fail'], seed: 5 });
const kinesis = await kinesisEvent({ data: ['ok', 'fail', 'ok'], seed: 5 });
const dynamodb = await dynamoDbEvent({ records: 3, seed: 5 });
const kafka = await kafkaEvent({ records: 3, seed: 5 });

/** The shapes every partial batch response takes, success and failure, for one identifier. */
function rights(event: object, first: unknown, typed: object): Right[] {
  return [
    ['nothing returned (null)', null, event],
    ['an empty object', {}, event],
    ['an empty list', { batchItemFailures: [] }, event],
    ['a null list', { batchItemFailures: null }, event],
    ['a failure named by its identifier', { batchItemFailures: [{ itemIdentifier: first }] }, event],
    ['the @types/aws-lambda response type', typed, event],
    ['any identifier without the event', { batchItemFailures: [{ itemIdentifier: first }] }],
  ];
}

/** The wrong responses every partial batch response can give, for one identifier. */
function wrongs(event: object, name: string, unknownIdentifier: unknown, unknownKey: string): Wrong[] {
  return [
    ['a string', 'ok', event, [['(response)', `the response is a string, not an object: ${FAILS}`]]],
    [
      'an array of identifiers',
      ['x'],
      event,
      [['(response)', `the response is an array, not an object: ${FAILS}`]],
    ],
    [
      'batchItemFailures as an object',
      { batchItemFailures: { itemIdentifier: 'x' } },
      event,
      [['batchItemFailures', `batchItemFailures is an object, not an array: ${FAILS}`]],
    ],
    [
      'a null itemIdentifier',
      { batchItemFailures: [{ itemIdentifier: null }] },
      event,
      [['batchItemFailures[0].itemIdentifier', `itemIdentifier is null: ${FAILS}`]],
    ],
    [
      'an entry with a bad key name',
      { batchItemFailures: [{ id: 'x' }] },
      event,
      [
        ['batchItemFailures[0].id', `an entry has only itemIdentifier; a misspelt key fails it: ${FAILS}`],
        ['batchItemFailures[0].itemIdentifier', `itemIdentifier is missing: ${FAILS}`],
      ],
    ],
    [
      `an identifier of no record (${name})`,
      { batchItemFailures: [{ itemIdentifier: unknownIdentifier }] },
      event,
      [['batchItemFailures[0].itemIdentifier', `${unknownKey} names no record of the batch: ${FAILS}`]],
    ],
  ];
}

function stringWrongs(event: object, name: string): Wrong[] {
  return [
    ...wrongs(event, name, 'no-such-record', 'no-such-record'),
    [
      'an empty itemIdentifier',
      { batchItemFailures: [{ itemIdentifier: '' }] },
      event,
      [['batchItemFailures[0].itemIdentifier', `itemIdentifier is empty: ${FAILS}`]],
    ],
    [
      'a number itemIdentifier',
      { batchItemFailures: [{ itemIdentifier: 7 }] },
      event,
      [
        [
          'batchItemFailures[0].itemIdentifier',
          `itemIdentifier is a number, not the record's ${name} string: ${FAILS}`,
        ],
      ],
    ],
  ];
}

const cases: [string, ResponseChecker, Right[], Wrong[]][] = [
  [
    'sqs',
    sqsResponseChecker,
    rights(sqs, sqs.Records[1]?.messageId, {
      batchItemFailures: [{ itemIdentifier: sqs.Records[3]?.messageId as string }],
    } satisfies SQSBatchResponse),
    stringWrongs(sqs, 'messageId'),
  ],
  [
    'kinesis',
    kinesisResponseChecker,
    rights(kinesis, kinesis.Records[1]?.kinesis.sequenceNumber, {
      batchItemFailures: [],
    } satisfies KinesisStreamBatchResponse),
    stringWrongs(kinesis, 'sequenceNumber'),
  ],
  [
    'dynamodb',
    dynamodbResponseChecker,
    rights(dynamodb, dynamodb.Records[0]?.dynamodb?.SequenceNumber, {
      batchItemFailures: [{ itemIdentifier: dynamodb.Records[2]?.dynamodb?.SequenceNumber as string }],
    } satisfies DynamoDBBatchResponse),
    stringWrongs(dynamodb, 'SequenceNumber'),
  ],
];

for (const [name, checker, right, wrong] of cases) {
  describe(`${name} partial batch responses`, () => {
    testRightResponses(checker, right);
    testWrongResponses(checker, wrong);
  });
}

const [partition, list] = Object.entries(kafka.records)[0] as [string, { offset: number }[]];
const offset = list[1]?.offset as number;

describe('kafka partial batch responses', () => {
  testRightResponses(
    kafkaResponseChecker,
    rights(
      kafka,
      { partition, offset },
      { batchItemFailures: [{ itemIdentifier: { partition, offset: list[0]?.offset } }] },
    ),
  );
  testWrongResponses(kafkaResponseChecker, [
    ...wrongs(
      kafka,
      'partition and offset',
      { partition, offset: offset + 1000 },
      `${partition}@${offset + 1000}`,
    ),
    [
      'a flat string identifier',
      { batchItemFailures: [{ itemIdentifier: `${partition}-${offset}` }] },
      kafka,
      [
        [
          'batchItemFailures[0].itemIdentifier',
          `itemIdentifier is a string, not {"partition": "<topic>-<partition>", "offset": <offset>}: ${FAILS}`,
        ],
      ],
    ],
    [
      'a partition without its number',
      { batchItemFailures: [{ itemIdentifier: { partition: 'orders', offset } }] },
      kafka,
      [
        [
          'batchItemFailures[0].itemIdentifier',
          `itemIdentifier.partition is a string, not "<topic>-<partition>": ${FAILS}`,
        ],
      ],
    ],
    [
      'a string offset',
      { batchItemFailures: [{ itemIdentifier: { partition, offset: String(offset) } }] },
      kafka,
      [
        [
          'batchItemFailures[0].itemIdentifier',
          `itemIdentifier.offset is a string, not the record's offset: ${FAILS}`,
        ],
      ],
    ],
  ]);
});

describe('keys Lambda does not read', () => {
  it('are noted, not problems: a misspelt batchItemFailures reports nothing', () => {
    const { problems, notes } = judge(
      sqsResponseChecker,
      { batchItemFailure: [{ itemIdentifier: 'x' }] },
      sqs,
    );
    expect(problems).toStrictEqual([]);
    expect(notes).toStrictEqual(['Lambda reads only batchItemFailures; batchItemFailure is ignored']);
  });
});

describe('responses built by @aws-lambda-powertools/batch from a failing handler are accepted', () => {
  it('SQS (BatchProcessor)', async () => {
    const response = await processPartialResponse(
      sqs,
      async (record: SQSRecord) => {
        if (record.body === 'fail') throw new Error('rejected');
      },
      new BatchProcessor(EventType.SQS),
    );
    expect(response.batchItemFailures).toHaveLength(2);
    expect(judge(sqsResponseChecker, response, sqs).problems).toStrictEqual([]);
  });

  it('Kinesis and DynamoDB Streams (BatchProcessor)', async () => {
    const fromKinesis = await processPartialResponse(
      kinesis,
      async (record: KinesisStreamRecord) => {
        if (Buffer.from(record.kinesis.data, 'base64').toString() === 'fail') throw new Error('rejected');
      },
      new BatchProcessor(EventType.KinesisDataStreams),
    );
    expect(fromKinesis.batchItemFailures).toHaveLength(1);
    expect(judge(kinesisResponseChecker, fromKinesis, kinesis).problems).toStrictEqual([]);
    const fromDynamodb = await processPartialResponse(
      dynamodb,
      async (record: DynamoDBRecord) => {
        if (record !== dynamodb.Records[0]) throw new Error('rejected');
      },
      new BatchProcessor(EventType.DynamoDBStreams),
    );
    expect(fromDynamodb.batchItemFailures).toHaveLength(2);
    expect(judge(dynamodbResponseChecker, fromDynamodb, dynamodb).problems).toStrictEqual([]);
  });
});

describe('SQS FIFO: after the first failure every later message of its group is reported', async () => {
  const fifo = await sqsEvent({ bodies: ['ok', 'fail', 'ok', 'ok'], fifo: true, groupId: 'g1', seed: 6 });
  const id = (i: number) => fifo.Records[i]?.messageId as string;

  it("Powertools' SqsFifoPartialProcessor gives a response with no problem", () => {
    const response = processPartialResponseSync(
      fifo,
      (record: SQSRecord) => {
        if (record.body === 'fail') throw new Error('rejected');
      },
      new SqsFifoPartialProcessor(),
    );
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toStrictEqual([id(1), id(2), id(3)]);
    expect(judge(sqsResponseChecker, response, fifo).problems).toStrictEqual([]);
  });

  it('reporting only the failed message leaves the later ones of its group to be deleted', () => {
    const { problems } = judge(sqsResponseChecker, { batchItemFailures: [{ itemIdentifier: id(1) }] }, fifo);
    expect(problems.map((p) => p.message)).toStrictEqual(
      [2, 3].map(
        (i) =>
          `FIFO: ${id(i)} (Records[${i}]) follows a failed message of group g1 but is not reported: Lambda deletes it and the group is processed out of order`,
      ),
    );
  });

  it('later messages of other groups are only noted', async () => {
    const mixed = await sqsEvent({ bodies: ['a', 'b'], fifo: true, seed: 6 });
    (mixed.Records[1] as SQSRecord).attributes.MessageGroupId = 'other';
    const first = mixed.Records[0]?.messageId as string;
    const second = mixed.Records[1]?.messageId as string;
    const result = judge(sqsResponseChecker, { batchItemFailures: [{ itemIdentifier: first }] }, mixed);
    expect(result.problems).toStrictEqual([]);
    expect(result.notes).toStrictEqual([
      `FIFO: ${second} (Records[1], group other) comes after the first failure and is not reported; the Lambda docs ask for every later message`,
    ]);
  });
});
