import { EventBridgeEnvelope, SqsEnvelope } from '@aws-lambda-powertools/parser/envelopes';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import {
  EventBridgeSchema,
  S3EventNotificationEventBridgeSchema,
  SqsSchema,
} from '@aws-lambda-powertools/parser/schemas';
import type { EventBridgeEvent, SNSEvent, SQSEvent } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { checkEvent } from '../../../src/check/registry.js';
import { eventBridgeEvent, generate } from '../../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from '../../check/helpers.js';
import { runCli } from '../../helpers/cli.js';
import { ndjsonEvents, oneEvent } from '../../helpers/matrix.js';

type Event = EventBridgeEvent<string, Record<string, unknown>>;
const eb = (args: string[], stdin = '') => oneEvent<Event>(['eventbridge', ...args], stdin);
const KEYS = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];

describe('eventbridge: a matrix of options and seeds passes EventBridgeSchema and the checker', () => {
  const flagSets: string[][] = [
    [],
    ['--source', 'com.acme.orders', '--detail-type', 'OrderPlaced', '--detail', '{"orderId":42}'],
    ['--resource', 'arn:aws:s3:::b', '--resource', 'arn:aws:sqs:us-east-1:123456789012:q', '--replay', 'r1'],
    ['--schedule', '--rule', 'nightly'],
    ['--preset', 's3-object-created'],
    ['--preset', 's3-object-deleted'],
    ['--preset', 'ec2-state-change'],
    ['--bus', 'arn:aws:events:eu-west-1:123456789012:event-bus/orders'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed}`, async () => {
        for (const event of await ndjsonEvents(['eventbridge', ...flags, '--seed', seed])) {
          expect(() => EventBridgeSchema.parse(event)).not.toThrow();
          if (flags[1]?.startsWith('s3-'))
            expect(() => S3EventNotificationEventBridgeSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 'eventbridge', problems: [] });
        }
      });
    }
  }
  it('--via sqs and --via sns: the envelopes give back the event', async () => {
    for (const event of await ndjsonEvents(['events', '--schedule', '--via', 'sqs', '--seed', '1'])) {
      expect(SqsEnvelope.parse(event, JSONStringified(EventBridgeSchema))[0]?.['detail-type']).toBe(
        'Scheduled Event',
      );
      expect(() => SqsSchema.parse(event)).not.toThrow();
      expect(await checkEvent(event)).toEqual({ kind: 'sqs', problems: [] });
    }
    const sns = await oneEvent<SNSEvent>(['events', '--detail', '{"a":1}', '--via', 'sns', '--seed', '2']);
    expect(JSON.parse(sns.Records[0]?.Sns.Message ?? '').detail).toEqual({ a: 1 });
    expect(sns.Records[0]?.Sns.Subject).toBeNull();
  });
});

describe('eventbridge: the envelope and presets (FORMATS-events §3)', () => {
  it('keys in order, time in whole seconds, resources [] when none, detail as given', async () => {
    const event = await eb([
      '--detail',
      '{"orderId":42}',
      '--time',
      '2023-03-08T17:50:14.789Z',
      '--account-id',
      '123456789012',
    ]);
    expect(Object.keys(event)).toEqual(KEYS);
    expect(event.time).toBe('2023-03-08T17:50:14Z');
    expect(event.resources).toEqual([]);
    expect(event.detail).toEqual({ orderId: 42 });
    expect(event.version).toBe('0');
    expect(event.account).toBe('123456789012');
    expect(EventBridgeEnvelope.parse(event, z.object({ orderId: z.number() }))).toEqual({ orderId: 42 });
  });

  it('--replay puts replay-name between region and resources', async () => {
    const event = await eb(['--replay', 'replay_archive']);
    expect(Object.keys(event)).toEqual([...KEYS.slice(0, 7), 'replay-name', ...KEYS.slice(7)]);
    expect(event['replay-name']).toBe('replay_archive');
  });

  it('--schedule: aws.events, the rule ARN, the empty detail, the minute it fired', async () => {
    const event = await eb([
      '--schedule',
      '--rule',
      'my-scheduled-rule',
      '--region',
      'us-east-1',
      '--account-id',
      '123456789012',
      '--time',
      '2015-10-08T16:53:06.500Z',
    ]);
    expect(event).toMatchObject({
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      resources: ['arn:aws:events:us-east-1:123456789012:rule/my-scheduled-rule'],
      detail: {},
      time: '2015-10-08T16:53:00Z',
    });
    expect(await eb(['--preset', 'schedule', '--rule', 'x', '--seed', '1'])).toEqual(
      await eb(['--schedule', '--rule', 'x', '--seed', '1']),
    );
  });

  it('--preset scheduler: the input with the context placeholders replaced, no envelope', async () => {
    const payload = await oneEvent<Record<string, string>>([
      'eventbridge',
      '--preset',
      'scheduler',
      '--rule',
      'nightly',
      '--account-id',
      '123456789012',
      '--time',
      '2022-03-22T18:59:43.100Z',
      '--detail',
      '{"job":"report","at":"<aws.scheduler.scheduled-time>","arn":"<aws.scheduler.schedule-arn>","try":"<aws.scheduler.attempt-number>","run":"<aws.scheduler.execution-id>"}',
    ]);
    expect(payload).toMatchObject({
      job: 'report',
      at: '2022-03-22T18:59:00Z',
      arn: 'arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly',
      try: '1',
    });
    expect(payload.run).toMatch(/^[a-z0-9]{16}$/);
  });

  it("S3 presets are S3's EventBridge events; EC2 names its instance", async () => {
    const created = await eb(['--preset', 's3-object-created']);
    expect(created.source).toBe('aws.s3');
    expect(created.resources).toEqual([`arn:aws:s3:::${(created.detail.bucket as { name: string }).name}`]);
    expect(Object.keys(created.detail)).toEqual([
      'version',
      'bucket',
      'object',
      'request-id',
      'requester',
      'source-ip-address',
      'reason',
    ]);
    const deleted = await eb(['--preset', 's3-object-deleted']);
    expect(deleted.detail['deletion-type']).toBe('Permanently Deleted');
    expect(Object.keys(deleted.detail.object as object)).toEqual(['key', 'sequencer']);
    const ec2 = await eb([
      '--preset',
      'ec2-state-change',
      '--region',
      'us-west-1',
      '--account-id',
      '111122223333',
    ]);
    expect(ec2['detail-type']).toBe('EC2 Instance State-change Notification');
    expect(ec2.resources).toEqual([
      `arn:aws:ec2:us-west-1:111122223333:instance/${ec2.detail['instance-id']}`,
    ]);
  });

  it('a bus ARN places the event; the library is typed by detail, via and preset', async () => {
    const event = await eb(['--bus', 'arn:aws:events:eu-west-1:123456789012:event-bus/orders']);
    expect(event.region).toBe('eu-west-1');
    expect(event.account).toBe('123456789012');
    const typed = await eventBridgeEvent<{ orderId: number }, 'OrderPlaced'>({
      detail: { orderId: 1 },
      detailType: 'OrderPlaced',
      seed: 1,
    });
    expectTypeOf(typed).toEqualTypeOf<EventBridgeEvent<'OrderPlaced', { orderId: number }>>();
    expect(typed.detail.orderId).toBe(1);
    const queued = await eventBridgeEvent({ via: ['sqs'], seed: 1 });
    expectTypeOf(queued).toEqualTypeOf<SQSEvent>();
    const scheduler = await eventBridgeEvent({ preset: 'scheduler', seed: 1 });
    expectTypeOf(scheduler).toEqualTypeOf<unknown>();
    expect(await generate('events', { seed: 3 })).toEqual(await eventBridgeEvent({ seed: 3 }));
  });
});

describe('eventbridge: bad input', () => {
  it.each([
    [
      ['--detail', '[1]'],
      'gen-event: --detail is not a JSON object (EventBridge details are objects, e.g. {"orderId":42})\n',
      2,
    ],
    [['--detail', '{'], 'gen-event: --detail is not valid JSON: it ends too early (fix the JSON)\n', 1],
    [
      ['--schedule', '--detail', '{"a":1}'],
      'gen-event: a scheduled event has the empty detail {} (drop --detail)\n',
      2,
    ],
    [
      ['--schedule', '--source', 'x'],
      'gen-event: --preset schedule sets the source itself (drop --source)\n',
      2,
    ],
    [
      ['--resource', 'bucket'],
      "gen-event: --resource 'bucket' is not an ARN (give an ARN such as arn:aws:s3:::my-bucket)\n",
      2,
    ],
    [
      ['--bus', 'arn:aws:sqs:us-east-1:123456789012:q'],
      "gen-event: --bus 'arn:aws:sqs:us-east-1:123456789012:q' is not an event bus ARN (use arn:aws:events:<region>:<account>:event-bus/<name>)\n",
      2,
    ],
    [
      ['--rule', 'r'],
      'gen-event: --rule names a scheduled rule or schedule (add --schedule or --preset scheduler)\n',
      2,
    ],
    [
      ['--via', 'eventbridge'],
      'gen-event: EventBridge cannot deliver to EventBridge (--via eventbridge) (EventBridge delivers to --via sqs, --via sns)\n',
      2,
    ],
  ])('%j', async (args, stderr, status) => {
    expect(await runCli(['eventbridge', ...args])).toEqual({ status, stdout: '', stderr });
  });
  it('an aws.* source is a warning: PutEvents refuses it', async () => {
    const result = await runCli(['eventbridge', '--source', 'aws.s3']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'gen-event: warning: PutEvents refuses the source aws.s3; only AWS services send aws.* events (use a --preset for those)\n',
    );
  });
});

const bases: Record<string, Editable> = {};
describe('eventbridge checker rules', async () => {
  bases.custom = await eventBridgeEvent({
    detail: { a: 1 },
    resources: ['arn:aws:sqs:us-east-1:123456789012:q'],
    seed: 1,
  });
  bases.schedule = await eventBridgeEvent({ preset: 'schedule', seed: 1 });
  bases.s3 = await eventBridgeEvent({ preset: 's3-object-created', seed: 1 });
  testBrokenRules('eventbridge', bases, [
    ['time has no fraction', 'custom', { time: '2023-03-08T17:50:14.000Z' }, 'time', /whole seconds/],
    ['detail is an object', 'custom', { detail: '{"a":1}' }, 'detail', /never a string/],
    ['resources is an array', 'custom', { resources: REMOVED }, 'resources', /\[\] when none/],
    [
      'key order',
      'custom',
      (e) => {
        const { version, ...rest } = e;
        for (const k of Object.keys(e)) delete e[k];
        Object.assign(e, rest, { version });
      },
      '(keys)',
      /EventBridge order/,
    ],
    [
      'replay-name position',
      'custom',
      (e) => {
        e['replay-name'] = 'r';
      },
      '(keys)',
      /EventBridge order/,
    ],
    ['id is UUID-formatted', 'custom', { id: 'abc' }, 'id', /UUID/],
    ['account is 12 digits', 'custom', { account: '123' }, 'account', /12 digits/],
    ['a resource is an ARN', 'custom', { 'resources[0]': 'bucket' }, 'resources[0]', /an ARN/],
    ['a schedule names its rule', 'schedule', { resources: [] }, 'resources', /rule ARN/],
    ['a schedule has the empty detail', 'schedule', { detail: { a: 1 } }, 'detail', /empty detail/],
    [
      'the rule is in the event account',
      'schedule',
      (e) => {
        e.account = '999999999999';
      },
      'resources[0]',
      /event account/,
    ],
    ['the rule is in the event region', 'schedule', { region: 'eu-west-1' }, 'resources[0]', /event region/],
    [
      'S3 events name their bucket',
      's3',
      { 'resources[0]': 'arn:aws:s3:::other' },
      'resources[0]',
      /bucket ARN/,
    ],
  ]);
});
