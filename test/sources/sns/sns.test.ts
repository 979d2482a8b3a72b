import { SnsSchema } from '@aws-lambda-powertools/parser/schemas';
import type { SNSEvent, SNSMessage } from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { generate, snsEvent } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';
import { ndjsonEvents, oneEvent } from '../../helpers/matrix.js';

const sns = (args: string[], stdin = '') => oneEvent<SNSEvent>(['sns', ...args], stdin);
const message = (event: SNSEvent): SNSMessage => (event.Records[0] as SNSEvent['Records'][0]).Sns;

describe('sns: every event of a matrix of options and seeds is valid (Powertools SnsSchema and the checker)', () => {
  const flagSets: string[][] = [
    [],
    ['--message', 'hello', '--subject', 'Greeting'],
    ['--message', 'a', '--message', '{"b":2}', '--topic', 'orders'],
    [
      '--attribute',
      'tenant=acme',
      '--attribute',
      'n:Number=3',
      '--attribute',
      'bin:Binary=AgME',
      '--attribute',
      'tags:String.Array=["a","b"]',
    ],
    ['--signature-version', '2', '--topic', 'arn:aws:sns:eu-west-1:231436140809:powertools265'],
    ['--region', 'cn-north-1', '--account-id', '000123456789'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed}`, async () => {
        for (const event of await ndjsonEvents(['sns', ...flags, '--seed', seed])) {
          expect(() => SnsSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 'sns', problems: [] });
        }
      });
    }
  }
});

describe('sns: fields and the rules that tie them (FORMATS-events §2.1)', () => {
  it('a record has the documented keys in order; Subject is null and MessageAttributes {} without them', async () => {
    const event = await sns(['--message', 'Hello from SNS!', '--seed', '1']);
    const record = event.Records[0] as SNSEvent['Records'][0];
    expect(Object.keys(record)).toEqual(['EventVersion', 'EventSubscriptionArn', 'EventSource', 'Sns']);
    expect(Object.keys(record.Sns)).toEqual([
      'SignatureVersion',
      'Timestamp',
      'Signature',
      'SigningCertUrl',
      'MessageId',
      'Message',
      'MessageAttributes',
      'Type',
      'UnsubscribeUrl',
      'TopicArn',
      'Subject',
    ]);
    expect(record.Sns.Subject).toBeNull();
    expect(record.Sns.MessageAttributes).toEqual({});
    expect(record.Sns.Message).toBe('Hello from SNS!');
    expect(record.EventSource).toBe('aws:sns');
  });

  it('ids, ARNs and URLs agree with the topic, region and subscription', async () => {
    const m = message(
      await sns([
        '--topic',
        'orders',
        '--region',
        'eu-west-1',
        '--account-id',
        '231436140809',
        '--seed',
        '3',
      ]),
    );
    const record = (
      await sns(['--topic', 'orders', '--region', 'eu-west-1', '--account-id', '231436140809', '--seed', '3'])
    ).Records[0];
    expect(m.TopicArn).toBe('arn:aws:sns:eu-west-1:231436140809:orders');
    expect(record?.EventSubscriptionArn).toMatch(
      /^arn:aws:sns:eu-west-1:231436140809:orders:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(m.MessageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(m.SigningCertUrl).toMatch(
      /^https:\/\/sns\.eu-west-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/,
    );
    expect(m.UnsubscribeUrl).toBe(
      `https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${record?.EventSubscriptionArn}`,
    );
    expect(m.Signature).toMatch(/^[A-Za-z0-9+/]{342}==$/);
    expect(m.Timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const china = message(await sns(['--region', 'cn-north-1', '--topic', 't']));
    expect(china.SigningCertUrl).toMatch(/^https:\/\/sns\.cn-north-1\.amazonaws\.com\.cn\//);
    expect(china.TopicArn).toMatch(/^arn:aws-cn:sns:cn-north-1:/);
  });

  it('a topic ARN implies the region and account', async () => {
    const m = message(await sns(['--topic', 'arn:aws:sns:ap-south-1:220420460675:alerts']));
    expect(m.TopicArn).toBe('arn:aws:sns:ap-south-1:220420460675:alerts');
    expect(m.SigningCertUrl).toContain('sns.ap-south-1.');
  });

  it('SignatureVersion is "1" in Lambda events even for a SignatureVersion 2 topic (§0 rule 8)', async () => {
    expect(message(await sns(['--signature-version', '2'])).SignatureVersion).toBe('1');
  });

  it('every attribute type keeps its Type and Value text', async () => {
    const m = message(
      await sns([
        '--attribute',
        'a=x',
        '--attribute',
        'n:Number=9.5',
        '--attribute',
        'b:Binary=AgME',
        '--attribute',
        'l:String.Array=["x",1]',
      ]),
    );
    expect(m.MessageAttributes).toEqual({
      a: { Type: 'String', Value: 'x' },
      n: { Type: 'Number', Value: '9.5' },
      b: { Type: 'Binary', Value: 'AgME' },
      l: { Type: 'String.Array', Value: '["x",1]' },
    });
  });

  it('one record per message, published in order; a message from stdin', async () => {
    const event = await sns(['--message', 'a', '--message', '-', '--seed', '2'], 'from stdin');
    expect(event.Records.map((r) => r.Sns.Message)).toEqual(['a', 'from stdin']);
    const [first, second] = event.Records.map((r) => r.Sns.Timestamp);
    expect((first ?? '') < (second ?? '')).toBe(true);
    expect(new Set(event.Records.map((r) => r.Sns.MessageId)).size).toBe(2);
  });

  it('the library builder returns SNSEvent and equals generate()', async () => {
    const options = { messages: ['x'], subject: 's', attributes: { t: 'acme' }, seed: 4 };
    const event = await snsEvent(options);
    expectTypeOf(event).toEqualTypeOf<SNSEvent>();
    expect(event).toEqual(await generate('sns', options));
    expect(message(event).MessageAttributes.t).toEqual({ Type: 'String', Value: 'acme' });
  });
});

describe('sns: bad input', () => {
  it.each([
    [
      ['--subject', 'x'.repeat(100)],
      'gen-event: --subject has 100 characters or a line break (a subject has 1 to 99 characters and no line breaks)\n',
    ],
    [
      ['--subject', 'a\nb'],
      'gen-event: --subject has 3 characters or a line break (a subject has 1 to 99 characters and no line breaks)\n',
    ],
    [
      ['--topic', 'orders.fifo'],
      'gen-event: topic orders.fifo is a FIFO topic (gen-event makes standard topics; use a name without .fifo)\n',
    ],
    [
      ['--topic', 'bad name'],
      "gen-event: topic name 'bad name' is not valid (use 1 to 256 letters, digits, - and _ (FIFO: ending .fifo))\n",
    ],
    [
      ['--topic', 'arn:aws:sqs:us-east-1:123456789012:q'],
      "gen-event: --topic 'arn:aws:sqs:us-east-1:123456789012:q' is not an SNS topic ARN (use arn:aws:sns:<region>:<account>:<name>)\n",
    ],
    [
      ['--attribute', 'l:String.Array=a,b'],
      'gen-event: String.Array attribute \'l\' is not a JSON array (write it as \'["a","b"]\')\n',
    ],
    [
      ['--attribute', 'x:Blob=1'],
      "gen-event: message attribute 'x' has type 'Blob' (use String, Number, Binary or String.Array)\n",
    ],
    [
      ['--attribute', 'AWS.x=1'],
      "gen-event: message attribute name 'AWS.x' starts with 'AWS.' or 'Amazon.', which SNS reserves (use letters, digits, _ - and single inner dots)\n",
    ],
  ])('%j', async (args, stderr) => {
    expect(await runCli(['sns', ...args])).toEqual({ status: 2, stdout: '', stderr });
  });
});
