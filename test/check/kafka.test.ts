import { beforeAll, describe } from 'vitest';
import { kafkaEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.msk = await kafkaEvent({
    topic: 'orders',
    partitions: [0, 1],
    records: 6,
    headers: [['trace', 'abc']],
    timestampType: 'LOG_APPEND_TIME',
    seed: 1,
  });
  bases.self = await kafkaEvent({ selfManaged: true, topic: 'orders', partitions: [2], records: 3, seed: 1 });
});

const R = 'records["orders-0"]';

describe('kafka checkers', () => {
  testBrokenRules('kafka (msk)', bases, [
    ['top-level keys', 'msk', { extra: 1 }, '(top level)', /exactly the real keys/],
    [
      'cluster ARN',
      'msk',
      { eventSourceArn: 'arn:aws:kafka:us-east-1:123:cluster/x' },
      'eventSourceArn',
      /MSK cluster ARN/,
    ],
    [
      'brokers in the ARN region',
      'msk',
      (e) => {
        e.bootstrapServers = e.bootstrapServers.replaceAll('.us-east-1.', '.eu-west-1.');
      },
      'bootstrapServers',
      /region of the cluster ARN/,
    ],
    ['broker list', 'msk', { bootstrapServers: 'not a broker' }, 'bootstrapServers', /host:port/],
    ['non-empty records', 'msk', { records: {} }, 'records', /at least one topic-partition/],
    ['non-empty partition list', 'msk', { [R]: [] }, R, /non-empty array/],
    ['grouped by topic-partition', 'msk', { [`${R}[0].partition`]: 1 }, `${R}[0]`, /<topic>-<partition>/],
    [
      'offsets increase',
      'msk',
      (e) => (e.records['orders-0'][1].offset = e.records['orders-0'][0].offset),
      `${R}[1].offset`,
      /offsets increase/,
    ],
    [
      'log-append times never go back',
      'msk',
      (e) => (e.records['orders-0'][1].timestamp = e.records['orders-0'][0].timestamp - 10),
      `${R}[1].timestamp`,
      /never go back/,
    ],
    [
      'timestamp is epoch ms',
      'msk',
      { [`${R}[0].timestamp`]: 1545084650 },
      `${R}[0].timestamp`,
      /epoch milliseconds/,
    ],
    [
      'timestampType',
      'msk',
      { [`${R}[0].timestampType`]: 'create' },
      `${R}[0].timestampType`,
      /CREATE_TIME or/,
    ],
    ['record keys', 'msk', { [`${R}[0].headers`]: REMOVED }, `${R}[0]`, /exactly the real keys/],
    ['value is base64', 'msk', { [`${R}[0].value`]: '{"a":1}' }, `${R}[0].value`, /value is base64/],
    ['key is base64', 'msk', { [`${R}[0].key`]: 'order 42' }, `${R}[0].key`, /key is base64/],
    ['headers is an array', 'msk', { [`${R}[0].headers`]: {} }, `${R}[0].headers`, /is an array/],
    [
      'one name per header',
      'msk',
      { [`${R}[0].headers[0]`]: { a: [1], b: [2] } },
      `${R}[0].headers[0]`,
      /one name/,
    ],
    [
      'header bytes',
      'msk',
      { [`${R}[0].headers[0]`]: { trace: 'abc' } },
      `${R}[0].headers[0]`,
      /byte numbers/,
    ],
    [
      'header byte range',
      'msk',
      { [`${R}[0].headers[0]`]: { trace: [256] } },
      `${R}[0].headers[0]`,
      /byte numbers/,
    ],
    ['partition number', 'msk', { [`${R}[0].partition`]: -1 }, `${R}[0].partition`, /whole number from 0/],
    ['offset number', 'msk', { [`${R}[0].offset`]: '15' }, `${R}[0].offset`, /whole number from 0/],
  ]);
  testBrokenRules('kafka (self-managed)', bases, [
    [
      'no eventSourceArn',
      'self',
      { eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/x/y' },
      '(top level)',
      /no eventSourceArn/,
    ],
    ['broker list', 'self', { bootstrapServers: '' }, 'bootstrapServers', /host:port/],
    [
      'grouped by topic',
      'self',
      { 'records["orders-2"][0].topic': 'other' },
      'records["orders-2"][0]',
      /<topic>-<partition>/,
    ],
  ]);
});
