import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CloudWatchLogsSchema } from '@aws-lambda-powertools/parser/schemas';
import type { CloudWatchLogsDecodedData, CloudWatchLogsEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { cloudWatchLogsEvent } from '../../../src/index.js';
import { encodeLogsData, type LogsMessage } from '../../../src/sources/cloudwatch-logs/payload.js';
import { testCommonOptions } from '../../helpers/common-options.js';
import { cliOutput, ndjsonEvents } from '../../helpers/matrix.js';

/** The exact text `awslogs.data` decodes to. */
const decodedText = (event: CloudWatchLogsEvent): string =>
  gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8');
const decoded = (event: CloudWatchLogsEvent): CloudWatchLogsDecodedData & { policyLevel?: string } =>
  JSON.parse(decodedText(event));

async function logs(args: string[]): Promise<CloudWatchLogsEvent> {
  return JSON.parse(await cliOutput(['cloudwatch-logs', ...args]));
}

describe('cloudwatch-logs: every event of a matrix of flags and seeds is valid', () => {
  const flagSets: string[][] = [
    [],
    ['--message', 'hello'],
    ['--message', 'a', '--message', 'b', '--events', '7'],
    ['--events', '40'],
    ['--log-group', '/ecs/orders', '--log-stream', 'web/orders/abc', '--filter', 'errors'],
    ['--log-group', 'arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/orders:*'],
    ['--account-level'],
    ['--control'],
    ['--region', 'cn-north-1', '--account-id', '000123456789'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed} --count 200 --ndjson`, async () => {
        for (const event of await ndjsonEvents(['cloudwatch-logs', ...flags, '--seed', seed], 200)) {
          expect(() => CloudWatchLogsSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 'cloudwatch-logs', problems: [] });
        }
      });
    }
  }
});

describe('cloudwatch-logs: the payload and the rules that tie it together', () => {
  it('awslogs.data gunzips to exactly the compact JSON of the message, keys in the real order', async () => {
    const event = await logs([
      '--message',
      'ERROR payment declined\n',
      '--message',
      'INFO retrying',
      '--log-group',
      '/aws/lambda/payments',
      '--log-stream',
      '2025/06/01/[$LATEST]0123456789abcdef0123456789abcdef',
      '--filter',
      'errors',
      '--account-id',
      '123456789012',
      '--time',
      '2025-06-01T12:00:00Z',
      '--seed',
      '1',
    ]);
    expect(Object.keys(event)).toEqual(['awslogs']);
    expect(Object.keys(event.awslogs)).toEqual(['data']);
    const message = decoded(event);
    const [first, second] = message.logEvents;
    expect(decodedText(event)).toBe(
      JSON.stringify({
        messageType: 'DATA_MESSAGE',
        owner: '123456789012',
        logGroup: '/aws/lambda/payments',
        logStream: '2025/06/01/[$LATEST]0123456789abcdef0123456789abcdef',
        subscriptionFilters: ['errors'],
        logEvents: [
          { id: first?.id, timestamp: Date.UTC(2025, 5, 1, 12), message: 'ERROR payment declined\n' },
          { id: second?.id, timestamp: second?.timestamp, message: 'INFO retrying' },
        ],
      }),
    );
    expect(second?.timestamp).toBeGreaterThanOrEqual(Date.UTC(2025, 5, 1, 12));
  });

  it('gzip as CloudWatch Logs writes it: header 1f 8b 08 00, mtime 0, XFL 0, OS 0x13; text starts H4sI', async () => {
    const event = await logs(['--message', 'x', '--seed', '3']);
    expect(event.awslogs.data.startsWith('H4sI')).toBe(true);
    expect(Buffer.from(event.awslogs.data, 'base64').subarray(0, 10).toString('hex')).toBe(
      '1f8b0800000000000013',
    );
  });

  it('the real capture’s JSON compresses to exactly the bytes AWS sent (FORMATS-events §7)', async () => {
    const requestId = 'eadc91c8-8273-4a2d-b170-b0a7883b619e';
    const real: LogsMessage = {
      messageType: 'DATA_MESSAGE',
      owner: '536254204126',
      logGroup: '/aws/lambda/some-other-name',
      logStream: '2024/10/21/OtherFn[$LATEST]16c175a5f89246aaad5c878aebaeeac7',
      subscriptionFilters: ['CwtriggerStack-MySubscriptionC96E1FB5-c1AHhT24v8Jh'],
      logEvents: [
        {
          id: '38569604798453153764115268074363468419149517103543812096',
          timestamp: 1729520895158,
          message: `2024-10-21T14:28:15.158Z\t${requestId}\tINFO\tHello from other.ts\n`,
        },
        {
          id: '38569604798453153764115268074363468419149517103543812097',
          timestamp: 1729520895158,
          message: `START RequestId: ${requestId} Version: $LATEST\n`,
        },
        {
          id: '38569604798475454509313798697505004137422165465049792514',
          timestamp: 1729520895159,
          message:
            '{"level":"INFO","message":"Hello from other.ts","sampling_rate":0,"service":"service_undefined",' +
            '"timestamp":"2024-10-21T14:28:15.158Z","xray_trace_id":"1-671664ff-69b0ec7624423e04544c023f"}\n',
        },
      ],
    };
    const data = encodeLogsData(real);
    expect(data).toHaveLength(720);
    // SHA-256 of the capture's awslogs.data, byte for byte.
    expect(createHash('sha256').update(data).digest('hex')).toBe(
      'ae563d6c0db3e0496f56c0836d592dc6fd6e288661754a293510a62d7bad77fd',
    );
    expect(await checkEvent({ awslogs: { data } })).toEqual({ kind: 'cloudwatch-logs', problems: [] });
  });

  it('ids: 56 digits, the timestamp in the bits above 144, the low bits counting up by one', async () => {
    const message = decoded(await logs(['--events', '30', '--seed', '5']));
    expect(message.logEvents).toHaveLength(30);
    const lows = message.logEvents.map((e) => {
      expect(e.id).toMatch(/^\d{56}$/);
      expect(BigInt(e.id) >> 144n).toBe(BigInt(e.timestamp));
      return BigInt(e.id) & ((1n << 144n) - 1n);
    });
    for (let i = 1; i < lows.length; i++) expect(lows[i]).toBe((lows[0] as bigint) + BigInt(i));
    expect((lows[0] as bigint) & 0xffffn).toBe(0n);
    const times = message.logEvents.map((e) => e.timestamp);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('realistic lines: a Lambda log group and stream, START … END and a REPORT whose billing follows its duration', async () => {
    const message = decoded(await logs(['--seed', '7', '--time', '2025-03-04T05:06:07Z']));
    expect(message.logGroup).toMatch(/^\/aws\/lambda\/[a-z-]+$/);
    expect(message.logStream).toMatch(/^2025\/03\/04\/\[\$LATEST\][0-9a-f]{32}$/);
    const lines = message.logEvents.map((e) => e.message);
    const requestId = /^START RequestId: ([0-9a-f-]{36}) Version: \$LATEST\n$/.exec(lines[0] ?? '')?.[1];
    expect(requestId).toBeDefined();
    expect(lines.at(-2)).toBe(`END RequestId: ${requestId}\n`);
    const report =
      /^REPORT RequestId: (\S+)\tDuration: (\d+\.\d\d) ms\tBilled Duration: (\d+) ms\tMemory Size: (\d+) MB\tMax Memory Used: (\d+) MB\t\n$/.exec(
        lines.at(-1) ?? '',
      );
    expect(report?.[1]).toBe(requestId);
    expect(Number(report?.[3])).toBe(Math.ceil(Number(report?.[2])));
    for (const line of lines.slice(1, -2)) {
      expect(line).toMatch(
        new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\\t${requestId}\\tINFO\\t\\{.*\\}\\n$`),
      );
    }
  });

  it('--message is reused in turn when --events asks for more', async () => {
    const message = decoded(await logs(['--message', 'a', '--message', 'b', '--events', '5', '--seed', '1']));
    expect(message.logEvents.map((e) => e.message)).toEqual(['a', 'b', 'a', 'b', 'a']);
  });

  it('--account-level adds policyLevel last', async () => {
    const message = decoded(await logs(['--account-level', '--seed', '1']));
    expect(Object.keys(message).at(-1)).toBe('policyLevel');
    expect(message.policyLevel).toBe('ACCOUNT_LEVEL_POLICY');
  });

  it('--control: the health-check message, exactly', async () => {
    const event = await logs(['--control', '--time', '2025-06-01T12:00:00Z', '--seed', '1']);
    expect(decodedText(event)).toBe(
      '{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"",' +
        '"subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1748779200000,' +
        '"message":"CWL CONTROL MESSAGE: Checking health of destination Lambda function."}]}',
    );
  });

  it('a log group ARN places the run: owner is its account', async () => {
    const message = decoded(
      await logs(['--log-group', 'arn:aws:logs:eu-west-1:210987654321:log-group:/aws/lambda/orders:*']),
    );
    expect(message.logGroup).toBe('/aws/lambda/orders');
    expect(message.owner).toBe('210987654321');
  });

  it('the library builder gives the same event as the CLI, typed CloudWatchLogsEvent', async () => {
    const event: CloudWatchLogsEvent = await cloudWatchLogsEvent({ messages: ['x'], filter: 'f', seed: 4 });
    expect(event).toEqual(await logs(['--message', 'x', '--filter', 'f', '--seed', '4']));
  });
});

describe('cloudwatch-logs: options every source takes', () => {
  testCommonOptions('cloudwatch-logs', 'cloudwatch-logs', ['--message', 'x'], 'awslogs.data');
});
