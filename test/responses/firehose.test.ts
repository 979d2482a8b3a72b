import type { FirehoseTransformationResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { firehoseEvent } from '../../src/index.js';
import { firehoseResponseChecker } from '../../src/sources/firehose/response.js';
import { judge, testRightResponses, testWrongResponses } from './helpers.js';

const event = await firehoseEvent({ data: ['a', 'b', 'c'], seed: 7 });
const [a, b, c] = event.records.map((record) => record.recordId) as [string, string, string];
const FAILED = 'Firehose counts the record as failed (ProcessingFailed)';
const data = Buffer.from('{"ok":true}\n').toString('base64');

// Every result, and dynamic partitioning keys, typed as @types/aws-lambda types the answer.
const documented: FirehoseTransformationResult = {
  records: [
    { recordId: a, result: 'Ok', data, metadata: { partitionKeys: { customer: 'acme', year: '2025' } } },
    { recordId: b, result: 'Dropped', data },
    { recordId: c, result: 'ProcessingFailed', data },
  ],
};
const answer = (records: unknown[]) => ({ records });

describe('firehose transformation responses', () => {
  testRightResponses(firehoseResponseChecker, [
    ['every result, with partition keys', documented, event],
    ['records in another order', answer([...documented.records].reverse()), event],
    [
      'Dropped and ProcessingFailed without data',
      answer([
        documented.records[0],
        { recordId: b, result: 'Dropped' },
        { recordId: c, result: 'ProcessingFailed' },
      ]),
      event,
    ],
    ['any recordIds without the event', answer([{ recordId: 'x', result: 'Ok', data }])],
  ]);

  testWrongResponses(firehoseResponseChecker, [
    [
      'an array of records',
      documented.records,
      event,
      [
        [
          '(response)',
          'the response is an array, not {"records": [...]}: Firehose fails the whole invocation',
        ],
      ],
    ],
    [
      'a record left out',
      answer(documented.records.slice(0, 2)),
      event,
      [['records', `recordId ${c} of the invocation is not answered: ${FAILED}`]],
    ],
    [
      'a record answered twice',
      answer([...documented.records, documented.records[0]]),
      event,
      [['records[3].recordId', `recordId ${a} is answered twice (first at records[0])`]],
    ],
    [
      'a recordId not in the invocation',
      answer([...documented.records.slice(0, 2), { recordId: 'x', result: 'Ok', data }]),
      event,
      [
        ['records[2].recordId', `recordId x is not in the invocation: ${FAILED}`],
        ['records', `recordId ${c} of the invocation is not answered: ${FAILED}`],
      ],
    ],
    [
      'a lowercase result',
      answer([{ ...documented.records[0], result: 'ok' }, ...documented.records.slice(1)]),
      event,
      [['records[0].result', `result "ok" is not one of Ok, Dropped, ProcessingFailed: ${FAILED}`]],
    ],
    [
      'data that is not base64',
      answer([{ recordId: a, result: 'Ok', data: '{"ok":true}' }, ...documented.records.slice(1)]),
      event,
      [['records[0].data', `data is not base64: ${FAILED}`]],
    ],
    [
      'an Ok record without data',
      answer([{ recordId: a, result: 'Ok' }, ...documented.records.slice(1)]),
      event,
      [['records[0].data', `data is missing from an Ok record: ${FAILED}`]],
    ],
    [
      'a number partition key',
      answer([
        { ...documented.records[0], metadata: { partitionKeys: { year: 2025 } } },
        ...documented.records.slice(1),
      ]),
      event,
      [['records[0].metadata.partitionKeys.year', `a partition key is a number, not a string: ${FAILED}`]],
    ],
    [
      'metadata without partitionKeys',
      answer([{ ...documented.records[0], metadata: { year: '2025' } }, ...documented.records.slice(1)]),
      event,
      [['records[0].metadata', 'metadata holds partitionKeys, an object of partition key names to strings']],
    ],
  ]);

  it('a response over the 6 MB Lambda limit is refused', () => {
    const big = Buffer.alloc(5 * 1024 * 1024).toString('base64');
    const response = answer([{ recordId: a, result: 'Ok', data: big }, ...documented.records.slice(1)]);
    const bytes = Buffer.byteLength(JSON.stringify(response));
    expect(judge(firehoseResponseChecker, response, event).problems).toStrictEqual([
      {
        path: '(response)',
        message: `the response is ${bytes} bytes of JSON, over Lambda's 6 MB response limit (Firehose fails the invocation)`,
        expected: '≤ 6291556 bytes',
      },
    ]);
  });
});
