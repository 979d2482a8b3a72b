import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { DynamoDBStreamSchema } from '@aws-lambda-powertools/parser/schemas';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { dynamoDbEvent, generate } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';
import { ndjsonEvents } from '../../helpers/matrix.js';

async function ddb(args: string[], stdin = ''): Promise<DynamoDBStreamEvent> {
  const result = await runCli(['dynamodb', ...args], stdin);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as DynamoDBStreamEvent;
}

function only(event: DynamoDBStreamEvent): DynamoDBRecord {
  expect(event.Records).toHaveLength(1);
  return event.Records[0] as DynamoDBRecord;
}

const ITEM =
  '{"pk":"USER#1","sk":"PROFILE","name":"Ada","age":36,"tags":["a","b"],"photo":{"$B":"iVBORw0KGgo="}}';
const ITEM_V2 =
  '{"pk":"USER#1","sk":"PROFILE","name":"Ada L.","age":37,"tags":["a","c"],"photo":{"$B":"iVBORw0KGgo="}}';

describe('dynamodb: every event of a matrix of options and seeds is valid', () => {
  const flagSets: string[][] = [
    [],
    ['--records', '7'],
    ['--event-name', 'MODIFY', '--records', '5'],
    ['--event-name', 'REMOVE', '--view-type', 'OLD_IMAGE'],
    ['--ttl', '--records', '3'],
    ['--view-type', 'KEYS_ONLY', '--event-name', 'MODIFY'],
    ['--view-type', 'NEW_IMAGE', '--records', '4'],
    ['--new-image', ITEM, '--keys', 'pk,sk', '--set-type', 'tags=SS'],
    [
      '--new-image',
      ITEM_V2,
      '--old-image',
      ITEM,
      '--keys',
      'pk,sk',
      '--set-type',
      'tags=SS',
      '--records',
      '3',
    ],
    ['--old-image', ITEM, '--ttl', '--keys', 'pk,sk', '--view-type', 'NEW_AND_OLD_IMAGES'],
    ['--table', 'arn:aws:dynamodb:eu-west-1:123456789012:table/Music/stream/2025-02-22T03:03:25.490'],
    ['--region', 'cn-north-1', '--account-id', '000123456789', '--table', 'Orders'],
  ];
  for (const flags of flagSets) {
    for (const seed of ['1', 'two']) {
      it(`${flags.join(' ') || '(defaults)'} --seed ${seed} --count 200 --ndjson`, async () => {
        for (const event of await ndjsonEvents(['dynamodb', ...flags, '--seed', seed], 200)) {
          expect(() => DynamoDBStreamSchema.parse(event)).not.toThrow();
          expect(await checkEvent(event)).toEqual({ kind: 'dynamodb', problems: [] });
        }
      });
    }
  }
});

describe('dynamodb: fields and the rules that tie them', () => {
  it('a record has the real keys in the real order, and its stream ARN a label', async () => {
    const record = only(
      await ddb(['--new-image', '{"id":"id_value"}', '--seed', '1', '--region', 'eu-west-2']),
    );
    expect(Object.keys(record)).toEqual([
      'eventID',
      'eventName',
      'eventVersion',
      'eventSource',
      'awsRegion',
      'dynamodb',
      'eventSourceARN',
    ]);
    expect(Object.keys(record.dynamodb ?? {})).toEqual([
      'ApproximateCreationDateTime',
      'Keys',
      'NewImage',
      'SequenceNumber',
      'SizeBytes',
      'StreamViewType',
    ]);
    expect(record).toMatchObject({
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-2',
      dynamodb: {
        Keys: { id: { S: 'id_value' } },
        NewImage: { id: { S: 'id_value' } },
        SizeBytes: 20,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
    expect(record.dynamodb?.SequenceNumber).toMatch(/^[1-9]\d{27}$/);
    expect(record.eventSourceARN).toMatch(
      /^arn:aws:dynamodb:eu-west-2:\d{12}:table\/[A-Za-z0-9_.-]+\/stream\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/,
    );
  });

  it('a MODIFY of the captured item has SizeBytes 46, the old image after the new', async () => {
    const record = only(
      await ddb([
        '--new-image',
        '{"id2":"id2_new_value","id":"id_value"}',
        '--old-image',
        '{"id":"id_value"}',
        '--keys',
        'id',
      ]),
    );
    expect(record.eventName).toBe('MODIFY');
    expect(record.dynamodb).toMatchObject({
      Keys: { id: { S: 'id_value' } },
      NewImage: { id2: { S: 'id2_new_value' }, id: { S: 'id_value' } },
      OldImage: { id: { S: 'id_value' } },
      SizeBytes: 46,
    });
    expect(Object.keys(record.dynamodb ?? {}).slice(1, 4)).toEqual(['Keys', 'NewImage', 'OldImage']);
  });

  it('the view type decides which images appear (FORMATS-events §5.2)', async () => {
    const images = async (eventName: string, view: string) => {
      const record = only(await ddb(['--event-name', eventName, '--view-type', view, '--seed', '3']));
      return ['NewImage', 'OldImage'].filter((name) => name in (record.dynamodb ?? {}));
    };
    const table: [string, string, string[]][] = [
      ['INSERT', 'KEYS_ONLY', []],
      ['MODIFY', 'KEYS_ONLY', []],
      ['REMOVE', 'KEYS_ONLY', []],
      ['INSERT', 'NEW_IMAGE', ['NewImage']],
      ['MODIFY', 'NEW_IMAGE', ['NewImage']],
      ['REMOVE', 'NEW_IMAGE', []],
      ['INSERT', 'OLD_IMAGE', []],
      ['MODIFY', 'OLD_IMAGE', ['OldImage']],
      ['REMOVE', 'OLD_IMAGE', ['OldImage']],
      ['INSERT', 'NEW_AND_OLD_IMAGES', ['NewImage']],
      ['MODIFY', 'NEW_AND_OLD_IMAGES', ['NewImage', 'OldImage']],
      ['REMOVE', 'NEW_AND_OLD_IMAGES', ['OldImage']],
    ];
    for (const [eventName, view, expected] of table)
      expect(await images(eventName, view), `${eventName} ${view}`).toEqual(expected);
  });

  it('KEYS_ONLY keeps Keys and counts only them', async () => {
    const record = only(await ddb(['--new-image', ITEM, '--keys', 'pk,sk', '--view-type', 'KEYS_ONLY']));
    expect(record.dynamodb?.Keys).toEqual({ pk: { S: 'USER#1' }, sk: { S: 'PROFILE' } });
    expect(record.dynamodb?.SizeBytes).toBe(2 + 6 + 2 + 7);
  });

  it('the images are the given JSON, marshalled: Powertools unmarshalls them back', async () => {
    const event = await ddb([
      '--new-image',
      ITEM_V2,
      '--old-image',
      ITEM,
      '--keys',
      'pk,sk',
      '--set-type',
      'tags=SS',
    ]);
    const parsed = DynamoDBStreamSchema.parse(event);
    const change = parsed.Records[0]?.dynamodb;
    expect(change?.Keys).toEqual({ pk: 'USER#1', sk: 'PROFILE' });
    expect(change?.NewImage).toEqual({
      pk: 'USER#1',
      sk: 'PROFILE',
      name: 'Ada L.',
      age: 37,
      tags: new Set(['a', 'c']),
      photo: 'iVBORw0KGgo=',
    });
    expect(change?.OldImage).toMatchObject({ age: 36, tags: new Set(['a', 'b']) });
    expect(event.Records[0]?.dynamodb?.NewImage?.tags).toEqual({ SS: ['a', 'c'] });
  });

  it('a delete by Time to Live: REMOVE by the DynamoDB service, the old image only', async () => {
    const record = only(await ddb(['--ttl', '--old-image', '{"id":"session-9","expiresAt":1735689600}']));
    expect(record.eventName).toBe('REMOVE');
    expect(record.userIdentity).toEqual({ type: 'Service', principalId: 'dynamodb.amazonaws.com' });
    expect(Object.keys(record).slice(-2)).toEqual(['userIdentity', 'eventSourceARN']);
    expect(record.dynamodb?.OldImage).toEqual({ id: { S: 'session-9' }, expiresAt: { N: '1735689600' } });
    expect('NewImage' in (record.dynamodb ?? {})).toBe(false);
    expect('userIdentity' in only(await ddb(['--event-name', 'REMOVE']))).toBe(false);
  });

  it('sequence numbers increase along a batch; creation times are epoch seconds, in order, before the event', async () => {
    const time = '2025-03-04T05:06:07.089Z';
    const event = await ddb(['--records', '50', '--seed', '9', '--time', time]);
    const sequences = event.Records.map((r) => BigInt(r.dynamodb?.SequenceNumber ?? '0'));
    for (let i = 1; i < sequences.length; i++)
      expect(sequences[i]).toBeGreaterThan(sequences[i - 1] as bigint);
    const times = event.Records.map((r) => r.dynamodb?.ApproximateCreationDateTime as number);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const t of times) {
      expect(Number.isInteger(t)).toBe(true);
      expect(t).toBeLessThanOrEqual(Math.floor(Date.parse(time) / 1000));
      expect(t).toBeGreaterThan(Math.floor(Date.parse(time) / 1000) - 60);
    }
    expect(new Set(event.Records.map((r) => r.eventID)).size).toBe(50);
    expect(new Set(event.Records.map((r) => r.eventSourceARN)).size).toBe(1);
  });

  it('--table takes a name, a table ARN (region and account follow) or a stream ARN (its label is kept)', async () => {
    expect(only(await ddb(['--table', 'Music'])).eventSourceARN).toMatch(/:table\/Music\/stream\//);
    const fromTable = only(await ddb(['--table', 'arn:aws:dynamodb:ap-south-1:111122223333:table/Music']));
    expect(fromTable.awsRegion).toBe('ap-south-1');
    expect(fromTable.eventSourceARN).toMatch(
      /^arn:aws:dynamodb:ap-south-1:111122223333:table\/Music\/stream\//,
    );
    const arn = 'arn:aws:dynamodb:us-west-2:111122223333:table/Music/stream/2025-02-22T03:03:25.490';
    expect(only(await ddb(['--table', arn])).eventSourceARN).toBe(arn);
  });

  it('made-up items are keyed by pk and sk; a MODIFY changes the version', async () => {
    const record = only(await ddb(['--event-name', 'MODIFY', '--seed', '5']));
    const change = record.dynamodb ?? {};
    expect(Object.keys(change.Keys ?? {})).toEqual(['pk', 'sk']);
    expect(change.NewImage?.pk).toEqual(change.Keys?.pk);
    expect(Number(change.NewImage?.version?.N)).toBe(Number(change.OldImage?.version?.N) + 1);
  });

  it('images come from files and standard input', async () => {
    const path = join(tmpdir(), `gen-event-ddb-${process.pid}.json`);
    writeFileSync(path, '{"id":"from-file"}');
    const fromFile = only(await ddb(['--new-image', `@${path}`]));
    expect(fromFile.dynamodb?.Keys).toEqual({ id: { S: 'from-file' } });
    const fromStdin = only(await ddb(['--old-image', '-', '--event-name', 'REMOVE'], '{"id":"stdin"}'));
    expect(fromStdin.dynamodb?.OldImage).toEqual({ id: { S: 'stdin' } });
  });

  it('--set and --merge edit the event; each record owns its images', async () => {
    const event = await ddb([
      '--new-image',
      '{"id":"a"}',
      '--records',
      '2',
      '--set',
      'Records[0].dynamodb.NewImage.id.S=b',
      '--set',
      'Records[1].eventID=x',
    ]);
    expect(event.Records[0]?.dynamodb?.NewImage?.id).toEqual({ S: 'b' });
    expect(event.Records[1]?.dynamodb?.NewImage?.id).toEqual({ S: 'a' });
    expect(event.Records[0]?.dynamodb?.Keys?.id).toEqual({ S: 'a' });
    expect(event.Records[1]?.eventID).toBe('x');
    const merged = await ddb(['--seed', '1', '--merge', '-'], '{"Records":[{"awsRegion":"zz"}]}');
    expect(merged.Records[0]?.awsRegion).toBe('zz');
  });

  it('the same seed gives the same bytes', async () => {
    const a = await runCli(['dynamodb', '--seed', '7', '--records', '3', '--event-name', 'MODIFY']);
    const b = await runCli(['dynamodb', '--seed', '7', '--records', '3', '--event-name', 'MODIFY']);
    expect(a.stdout).toBe(b.stdout);
    expect((await runCli(['ddb', '--seed', '8'])).stdout).not.toBe(a.stdout);
  });
});

describe('dynamodb: the library', () => {
  it('dynamoDbEvent and generate give the CLI event for the same options', async () => {
    const fromLibrary = await dynamoDbEvent({
      newImage: { pk: 'USER#1', sk: 'PROFILE', tags: ['a', 'b'] },
      oldImage: { pk: 'USER#1', sk: 'PROFILE', tags: ['a'] },
      keys: ['pk', 'sk'],
      setTypes: { tags: 'SS' },
      table: 'Users',
      seed: 1,
    });
    const fromCli = await ddb([
      '--new-image',
      '{"pk":"USER#1","sk":"PROFILE","tags":["a","b"]}',
      '--old-image',
      '{"pk":"USER#1","sk":"PROFILE","tags":["a"]}',
      '--keys',
      'pk,sk',
      '--set-type',
      'tags=SS',
      '--table',
      'Users',
      '--seed',
      '1',
    ]);
    expect(fromCli).toEqual(fromLibrary);
    expect(await generate('ddb', { ttl: true, seed: 2 })).toEqual(
      await dynamoDbEvent({ ttl: true, seed: 2 }),
    );
  });

  it('throws a UsageError for a combination DynamoDB cannot make', async () => {
    await expect(dynamoDbEvent({ eventName: 'INSERT', oldImage: { id: 'a' } })).rejects.toThrow(
      'an INSERT has no old image',
    );
    const unchecked = (options: object) => dynamoDbEvent(options as Parameters<typeof dynamoDbEvent>[0]);
    await expect(unchecked({ viewType: 'ALL' })).rejects.toThrow(
      `option 'viewType' is text ("ALL") (give one of 'KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES')`,
    );
    await expect(unchecked({ newImage: { id: 'a', t: ['x'] }, setTypes: { t: 'XS' } })).rejects.toThrow(
      `option 'setTypes.t' is text ("XS") (give one of 'SS', 'NS', 'BS')`,
    );
    await expect(unchecked({ eventName: 'UPDATE' })).rejects.toThrow(`option 'eventName' is text ("UPDATE")`);
  });
});

describe('dynamodb: a batch processed by @aws-lambda-powertools/batch', () => {
  it('the records a handler fails are reported by their sequence numbers', async () => {
    const event = await dynamoDbEvent({ records: 6, seed: 11 });
    const failing = new Set([1, 4]);
    const seen: string[] = [];
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    const response = await processPartialResponse(
      event,
      async (record: DynamoDBRecord) => {
        const index = event.Records.indexOf(record);
        seen.push(record.dynamodb?.SequenceNumber ?? '');
        if (failing.has(index)) throw new Error(`record ${index} failed`);
      },
      processor,
    );
    const sequence = (i: number) => event.Records[i]?.dynamodb?.SequenceNumber as string;
    expect(seen).toEqual(event.Records.map((_, i) => sequence(i)));
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: sequence(1) }, { itemIdentifier: sequence(4) }],
    });
  });
});
