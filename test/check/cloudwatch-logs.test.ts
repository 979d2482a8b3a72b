import { deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe } from 'vitest';
import { cloudWatchLogsEvent } from '../../src/index.js';
import { encodeLogsData, type LogsMessage } from '../../src/sources/cloudwatch-logs/payload.js';
import { type Edit, type Editable, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.data = await cloudWatchLogsEvent({ events: 6, seed: 1 });
  bases.control = await cloudWatchLogsEvent({ control: true, seed: 1 });
  bases.account = await cloudWatchLogsEvent({ accountLevel: true, seed: 1 });
});

/** An edit of the decoded payload: decoded, changed, encoded again as the service would. */
function inPayload(change: (message: Editable) => void): Edit {
  return (event) => {
    const message = JSON.parse(gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8'));
    change(message);
    event.awslogs.data = encodeLogsData(message as LogsMessage);
  };
}

const D = 'awslogs.data (decoded)';

describe('cloudwatch-logs checker rules', () => {
  testBrokenRules('cloudwatch-logs', bases, [
    ['data is base64', 'data', { 'awslogs.data': 'not base64!' }, 'awslogs.data', /base64/],
    [
      'data is gzip, not zlib',
      'data',
      (e) => {
        e.awslogs.data = deflateSync('{}').toString('base64');
      },
      'awslogs.data',
      /does not gunzip/,
    ],
    [
      'data gunzips to JSON',
      'data',
      (e) => {
        e.awslogs.data = gzipSync('not json').toString('base64');
      },
      'awslogs.data',
      /gunzips to JSON/,
    ],
    [
      'keys in the real order',
      'data',
      inPayload((m) => {
        const { messageType, ...rest } = m;
        for (const key of Object.keys(m)) delete m[key];
        Object.assign(m, rest, { messageType });
      }),
      D,
      /real keys, in the real order/,
    ],
    [
      'messageType',
      'data',
      inPayload((m) => (m.messageType = 'DATA')),
      `${D}.messageType`,
      /DATA_MESSAGE or/,
    ],
    [
      'owner is an account id',
      'data',
      inPayload((m) => (m.owner = 'CloudwatchLogs')),
      `${D}.owner`,
      /12-digit/,
    ],
    ['logGroup is named', 'data', inPayload((m) => (m.logGroup = '')), `${D}.logGroup`, /names the group/],
    [
      'logStream is named',
      'data',
      inPayload((m) => (m.logStream = '')),
      `${D}.logStream`,
      /names the stream/,
    ],
    [
      'one or two filters',
      'data',
      inPayload((m) => (m.subscriptionFilters = [])),
      `${D}.subscriptionFilters`,
      /names the filter/,
    ],
    ['logEvents non-empty', 'data', inPayload((m) => (m.logEvents = [])), `${D}.logEvents`, /non-empty/],
    [
      'id has 56 digits',
      'data',
      inPayload((m) => (m.logEvents[0].id = 'eventId1')),
      `${D}.logEvents[0].id`,
      /56-digit/,
    ],
    [
      'id holds the timestamp',
      'data',
      inPayload((m) => (m.logEvents[2].timestamp += 1000)),
      `${D}.logEvents[2].id`,
      /id >> 144 == timestamp/,
    ],
    [
      'ids count up by one',
      'data',
      inPayload((m) => {
        m.logEvents[3].id = (BigInt(m.logEvents[3].id) + 5n).toString();
      }),
      `${D}.logEvents[3].id`,
      /one more than the previous/,
    ],
    [
      'timestamp order',
      'data',
      inPayload((m) => {
        const [a, b] = [m.logEvents[1], m.logEvents[4]];
        m.logEvents[1] = b;
        m.logEvents[4] = a;
      }),
      `${D}.logEvents[2].timestamp`,
      /timestamp order/,
    ],
    [
      'timestamp is epoch ms',
      'data',
      inPayload((m) => (m.logEvents[0].timestamp = String(m.logEvents[0].timestamp))),
      `${D}.logEvents[0].timestamp`,
      /epoch milliseconds/,
    ],
    [
      'log event keys',
      'data',
      inPayload((m) => (m.logEvents[0].extractedFields = {})),
      `${D}.logEvents[0]`,
      /id, timestamp and message/,
    ],
    [
      'message is a string',
      'data',
      inPayload((m) => (m.logEvents[0].message = 1)),
      `${D}.logEvents[0].message`,
      /is a string/,
    ],
    [
      'policyLevel value',
      'account',
      inPayload((m) => (m.policyLevel = 'LOG_GROUP_LEVEL')),
      `${D}.policyLevel`,
      /ACCOUNT_LEVEL_POLICY/,
    ],
    [
      'control owner',
      'control',
      inPayload((m) => (m.owner = '123456789012')),
      `${D}.owner`,
      /CloudwatchLogs/,
    ],
    [
      'control logGroup',
      'control',
      inPayload((m) => (m.logGroup = '/aws/x')),
      `${D}.logGroup`,
      /empty logGroup/,
    ],
    [
      'control logStream',
      'control',
      inPayload((m) => (m.logStream = 's')),
      `${D}.logStream`,
      /empty logStream/,
    ],
    [
      'control filters',
      'control',
      inPayload((m) => (m.subscriptionFilters = ['f'])),
      `${D}.subscriptionFilters`,
      /names no filter/,
    ],
    [
      'control id is empty',
      'control',
      inPayload((m) => (m.logEvents[0].id = '1')),
      `${D}.logEvents[0].id`,
      /empty id/,
    ],
    [
      'control text',
      'control',
      inPayload((m) => (m.logEvents[0].message = 'hello')),
      `${D}.logEvents[0].message`,
      /CWL CONTROL MESSAGE/,
    ],
  ]);
});
