import {
  CloudFormationCustomResourceCreateSchema,
  CloudFormationCustomResourceDeleteSchema,
  CloudFormationCustomResourceUpdateSchema,
} from '@aws-lambda-powertools/parser/schemas';
import type {
  CloudFormationCustomResourceCreateEvent,
  CloudFormationCustomResourceDeleteEvent,
  CloudFormationCustomResourceEvent,
  CloudFormationCustomResourceUpdateEvent,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { UsageError } from '../../../src/core/errors.js';
import {
  type CloudFormationRequestType,
  cloudformationEvent,
  generate,
  generateMany,
} from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';
import { testCommonOptions } from '../../helpers/common-options.js';
import { ndjsonEvents, oneEvent } from '../../helpers/matrix.js';

const cfn = <T = CloudFormationCustomResourceEvent>(args: string[]) => oneEvent<T>(['cfn', ...args]);
const SCHEMAS = {
  Create: CloudFormationCustomResourceCreateSchema,
  Update: CloudFormationCustomResourceUpdateSchema,
  Delete: CloudFormationCustomResourceDeleteSchema,
} as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('cloudformation: every event of a matrix of request types and seeds is valid (Powertools schemas and the checker)', () => {
  const flagSets: string[][] = [
    [],
    ['--properties', '{"RetentionDays":14,"Enabled":true,"Nested":{"List":[1,false,"x"]}}'],
    ['--service-timeout', '300', '--stack-name', 'orders-prod', '--logical-id', 'Seed1'],
    ['--region', 'eu-central-2', '--resource-type', 'AWS::CloudFormation::CustomResource'],
    ['--service-token', 'arn:aws-cn:lambda:cn-north-1:000123456789:function:provider'],
  ];
  for (const type of ['Create', 'Update', 'Delete'] as const) {
    for (const flags of flagSets) {
      for (const seed of ['1', 'two']) {
        it(`--request-type ${type} ${flags.join(' ') || '(defaults)'} --seed ${seed}`, async () => {
          // An Update changes a property; without --old-properties the given ones would be unchanged (and warned about).
          const old =
            type === 'Update' && flags.includes('--properties')
              ? ['--old-properties', '{"RetentionDays":7}']
              : [];
          for (const event of await ndjsonEvents([
            'cfn',
            '--request-type',
            type,
            ...flags,
            ...old,
            '--seed',
            seed,
          ])) {
            expect(() => SCHEMAS[type].parse(event)).not.toThrow();
            expect(await checkEvent(event)).toEqual({ kind: 'cloudformation', problems: [] });
          }
        });
      }
    }
  }
});

describe('cloudformation: the keys each request type has and lacks (FORMATS-api-identity §6)', () => {
  const base = ['RequestType', 'ServiceToken', 'ResponseURL', 'StackId', 'RequestId', 'LogicalResourceId'];
  it('Create: no PhysicalResourceId, no OldResourceProperties', async () => {
    const event = await cfn(['--seed', '1']);
    expect(Object.keys(event)).toEqual([...base, 'ResourceType', 'ResourceProperties']);
    expect(event.RequestType).toBe('Create');
  });
  it('Update: PhysicalResourceId and OldResourceProperties', async () => {
    const event = await cfn(['--request-type', 'Update', '--seed', '1']);
    expect(Object.keys(event)).toEqual([
      ...base,
      'PhysicalResourceId',
      'ResourceType',
      'ResourceProperties',
      'OldResourceProperties',
    ]);
  });
  it('Delete: PhysicalResourceId only', async () => {
    const event = await cfn(['--request-type', 'Delete', '--seed', '1']);
    expect(Object.keys(event)).toEqual([...base, 'PhysicalResourceId', 'ResourceType', 'ResourceProperties']);
  });
});

describe('cloudformation: fields and the rules that tie them', () => {
  it('properties arrive stringified, nested structure kept; ServiceToken leads them and equals the top-level one', async () => {
    const event = await cfn([
      '--properties',
      '{"RetentionDays":14,"Ratio":0.5,"Enabled":true,"Off":false,"Name":"x","Nested":{"List":[1,{"Deep":true}]}}',
      '--service-timeout',
      '120',
      '--seed',
      '1',
    ]);
    expect(event.ResourceProperties).toEqual({
      ServiceToken: event.ServiceToken,
      ServiceTimeout: '120',
      RetentionDays: '14',
      Ratio: '0.5',
      Enabled: 'true',
      Off: 'false',
      Name: 'x',
      Nested: { List: ['1', { Deep: 'true' }] },
    });
    expect(Object.keys(event.ResourceProperties).slice(0, 2)).toEqual(['ServiceToken', 'ServiceTimeout']);
  });

  it('without --service-timeout, ResourceProperties has no ServiceTimeout', async () => {
    const event = await cfn(['--seed', '1']);
    expect(event.ResourceProperties).not.toHaveProperty('ServiceTimeout');
  });

  it('Update: the old properties stringified too, with the same ServiceToken; a given physical id kept', async () => {
    const event = await cfn<CloudFormationCustomResourceUpdateEvent>([
      '--request-type',
      'Update',
      '--properties',
      '{"Size":2}',
      '--old-properties',
      '{"Size":1,"Gone":true}',
      '--physical-id',
      'res-42',
      '--seed',
      '1',
    ]);
    expect(event.PhysicalResourceId).toBe('res-42');
    expect(event.ResourceProperties).toEqual({ ServiceToken: event.ServiceToken, Size: '2' });
    expect(event.OldResourceProperties).toEqual({
      ServiceToken: event.ServiceToken,
      Size: '1',
      Gone: 'true',
    });
  });

  it('Update without --old-properties: a realistic change of the default properties', async () => {
    const event = await cfn<CloudFormationCustomResourceUpdateEvent>([
      '--request-type',
      'Update',
      '--seed',
      '1',
    ]);
    expect(event.OldResourceProperties).not.toEqual(event.ResourceProperties);
    expect(Object.keys(event.OldResourceProperties)).toEqual(Object.keys(event.ResourceProperties));
  });

  it('Update with the same old and new properties warns: CloudFormation would not send it', async () => {
    const result = await runCli([
      'cfn',
      '--request-type',
      'Update',
      '--properties',
      '{"A":1}',
      '--seed',
      '1',
    ]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      'gen-event: warning: the old and new properties are the same; CloudFormation sends Update only when a property changed (give --old-properties)\n',
    );
  });

  it('StackId: the stack ARN with a time-based UUID from before the request; region and account agree everywhere', async () => {
    const event = await cfn([
      '--stack-name',
      'orders-prod',
      '--region',
      'eu-west-2',
      '--account-id',
      '123456789012',
      '--time',
      '2025-06-01T12:00:00Z',
      '--seed',
      '1',
    ]);
    const stack = /^arn:aws:cloudformation:eu-west-2:123456789012:stack\/orders-prod\/([0-9a-f-]{36})$/.exec(
      event.StackId,
    );
    expect(stack).not.toBeNull();
    const uuid = stack?.[1] as string;
    expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The v1 time field decodes to the stack's creation, seconds before a Create.
    const [low, mid, high] = uuid.split('-') as [string, string, string];
    const ticks = (BigInt(`0x${high.slice(1)}`) << 48n) | (BigInt(`0x${mid}`) << 32n) | BigInt(`0x${low}`);
    const created = Number(ticks / 10_000n - 12_219_292_800_000n);
    const request = Date.parse('2025-06-01T12:00:00Z');
    expect(created).toBeLessThan(request);
    expect(created).toBeGreaterThanOrEqual(request - 120_000);
    expect(event.ServiceToken).toMatch(
      /^arn:aws:lambda:eu-west-2:123456789012:function:orders-prod-[A-Za-z]+Provider-[A-Za-z0-9]{12}$/,
    );
    expect(event.RequestId).toMatch(UUID);
  });

  it('ResponseURL: the response bucket of the region, the key naming the request, SigV4 presigned at the request time', async () => {
    const event = await cfn(['--region', 'eu-west-2', '--time', '2025-06-01T12:00:00Z', '--seed', '1']);
    const url = new URL(event.ResponseURL);
    expect(url.host).toBe('cloudformation-custom-resource-response-euwest2.s3.amazonaws.com');
    expect(url.pathname).toBe(
      `/${encodeURIComponent(event.StackId).replaceAll('%2F', '/')}%7C${event.LogicalResourceId}%7C${event.RequestId}`,
    );
    expect([...url.searchParams.keys()]).toEqual([
      'X-Amz-Algorithm',
      'X-Amz-Date',
      'X-Amz-SignedHeaders',
      'X-Amz-Expires',
      'X-Amz-Credential',
      'X-Amz-Signature',
    ]);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Date')).toBe('20250601T120000Z');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('7200');
    expect(url.searchParams.get('X-Amz-Credential')).toMatch(
      /^AKIA[A-Z2-7]{16}\/20250601\/eu-west-2\/s3\/aws4_request$/,
    );
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a ServiceToken ARN gives the run its region and account; a qualified ARN is kept as given', async () => {
    const token = 'arn:aws:lambda:ap-southeast-2:210987654321:function:my-provider:live';
    const event = await cfn(['--service-token', token, '--seed', '1']);
    expect(event.ServiceToken).toBe(token);
    expect(event.ResourceProperties.ServiceToken).toBe(token);
    expect(event.StackId).toMatch(/^arn:aws:cloudformation:ap-southeast-2:210987654321:stack\//);
    expect(new URL(event.ResponseURL).host).toBe(
      'cloudformation-custom-resource-response-apsoutheast2.s3.amazonaws.com',
    );
  });

  it('a function name becomes an ARN in the run region and account', async () => {
    const event = await cfn([
      '--service-token',
      'my-provider',
      '--account-id',
      '111122223333',
      '--seed',
      '1',
    ]);
    expect(event.ServiceToken).toBe('arn:aws:lambda:us-east-1:111122223333:function:my-provider');
  });

  it('default physical id: the log stream name of the invocation that created the resource', async () => {
    const event = await cfn<CloudFormationCustomResourceDeleteEvent>([
      '--request-type',
      'Delete',
      '--seed',
      '1',
    ]);
    expect(event.PhysicalResourceId).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('a --count run: one stack and resource, a request id each', async () => {
    const events = (await ndjsonEvents(['cfn', '--seed', '5'], 3)) as CloudFormationCustomResourceEvent[];
    expect(new Set(events.map((e) => e.StackId)).size).toBe(1);
    expect(new Set(events.map((e) => e.LogicalResourceId)).size).toBe(1);
    expect(new Set(events.map((e) => e.RequestId)).size).toBe(3);
  });

  it('same seed, same bytes; --set reaches one event only', async () => {
    const a = await runCli(['cfn', '--request-type', 'Update', '--seed', '9']);
    const b = await runCli(['cfn', '--request-type', 'Update', '--seed', '9']);
    expect(a.stdout).toBe(b.stdout);
    const set = await cfn(['--seed', '9', '--set', 'ResourceProperties.Extra="1"']);
    expect(set.ResourceProperties.Extra).toBe('1');
  });
});

describe('cloudformation: the options every source takes', () => {
  testCommonOptions(
    'cloudformation',
    'cloudformation',
    ['--request-type', 'Update'],
    'ResourceProperties.Name',
  );
});

describe('cloudformation: a recipe gives the same options as the command line', () => {
  it('recipe options, numbers included, and a request type checked as the CLI checks it', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'gen-event-cfn-recipe-'));
    const options = { 'request-type': 'Delete', 'physical-id': 'res-1', 'service-timeout': 60, seed: 4 };
    writeFileSync(
      join(dir, 'recipe.json'),
      JSON.stringify({ fixtures: { 'cfn/delete': { source: 'cfn', options } } }),
    );
    expect((await runCli(['seed', join(dir, 'recipe.json')])).status).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'cfn', 'delete.json'), 'utf8'));
    expect(written).toEqual(
      await cfn([
        '--request-type',
        'Delete',
        '--physical-id',
        'res-1',
        '--service-timeout',
        '60',
        '--seed',
        '4',
      ]),
    );
    writeFileSync(
      join(dir, 'recipe.json'),
      JSON.stringify({ fixtures: { 'cfn/bad': { source: 'cfn', options: { 'request-type': 'delete' } } } }),
    );
    const bad = await runCli(['seed', join(dir, 'recipe.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      '--request-type "delete" is not allowed (choose one of "Create", "Update", "Delete")',
    );
  });
});

describe('cloudformation: the library', () => {
  it('cloudformationEvent is typed by the request type', async () => {
    const update = await cloudformationEvent({
      requestType: 'Update',
      oldProperties: { Size: 1 },
      properties: { Size: 2 },
      seed: 1,
    });
    expectTypeOf(update).toEqualTypeOf<CloudFormationCustomResourceUpdateEvent>();
    expect(update.OldResourceProperties).toMatchObject({ Size: '1' });
    const create = await cloudformationEvent({ seed: 1 });
    expectTypeOf(create).toEqualTypeOf<CloudFormationCustomResourceCreateEvent>();
    const remove = await cloudformationEvent({ requestType: 'Delete', physicalId: 'x', seed: 1 });
    expectTypeOf(remove).toEqualTypeOf<CloudFormationCustomResourceDeleteEvent>();
    expect(remove.PhysicalResourceId).toBe('x');
    const some = await cloudformationEvent({ requestType: 'Delete' as CloudFormationRequestType, seed: 1 });
    expectTypeOf(some).toEqualTypeOf<CloudFormationCustomResourceEvent>();
  });

  it('the library and the CLI give the same event', async () => {
    const library = await generate('cfn', { requestType: 'Delete', seed: 3 });
    const cli = await cfn(['--request-type', 'Delete', '--seed', '3']);
    expect(library).toEqual(cli);
    const ids: string[] = [];
    for await (const event of generateMany('cloudformation', 2, { seed: 3 })) ids.push(event.RequestId);
    expect(ids).toHaveLength(2);
  });

  it('the library refuses what the CLI refuses', async () => {
    await expect(cloudformationEvent({ physicalId: 'x' })).rejects.toThrow(UsageError);
    await expect(cloudformationEvent({ properties: { A: null } })).rejects.toThrow(
      '--properties A is null, which CloudFormation does not deliver (leave the property out or give "" instead)',
    );
    await expect(cloudformationEvent({ requestType: 'Create' as never, serviceTimeout: 0 })).rejects.toThrow(
      UsageError,
    );
  });
});

describe('cloudformation: bad input', () => {
  const rows: [string[], string][] = [
    [
      ['--request-type', 'Replace'],
      'gen-event: --request-type "Replace" is not allowed (choose one of "Create", "Update", "Delete")',
    ],
    [
      ['--physical-id', 'x'],
      'gen-event: --physical-id is not part of a Create request (the provider chooses it when it answers Create; add --request-type Update or Delete)',
    ],
    [
      ['--request-type', 'Delete', '--old-properties', '{}'],
      'gen-event: --old-properties is not part of a Delete request (only Update requests carry OldResourceProperties; add --request-type Update)',
    ],
    [
      ['--resource-type', 'AWS::S3::Bucket'],
      "gen-event: --resource-type 'AWS::S3::Bucket' is not a custom resource type (give Custom::<Name> (up to 60 letters, digits, _ @ -) or AWS::CloudFormation::CustomResource)",
    ],
    [
      ['--resource-type', `Custom::${'a'.repeat(61)}`],
      `gen-event: --resource-type 'Custom::${'a'.repeat(61)}' is not a custom resource type (give Custom::<Name> (up to 60 letters, digits, _ @ -) or AWS::CloudFormation::CustomResource)`,
    ],
    [
      ['--logical-id', 'my-res'],
      "gen-event: --logical-id 'my-res' is not a logical id (use letters and digits only, at most 255)",
    ],
    [
      ['--stack-name', '1stack'],
      "gen-event: --stack-name '1stack' is not a stack name (start with a letter; use letters, digits and hyphens, at most 128)",
    ],
    [
      ['--service-token', 'arn:aws:sns:us-east-1:123456789012:topic'],
      "gen-event: --service-token 'arn:aws:sns:us-east-1:123456789012:topic' is not a Lambda function name or ARN (give a name such as my-provider or arn:aws:lambda:us-east-1:123456789012:function:my-provider)",
    ],
    [
      ['--service-token', 'arn:aws:lambda:eu-west-1:123456789012:function:p', '--region', 'us-east-1'],
      'gen-event: --region us-east-1 disagrees with the ARN you gave (eu-west-1) (drop --region or make the two agree)',
    ],
    [
      ['--service-timeout', '3601'],
      'gen-event: --service-timeout 3601 is out of range (give a number from 1 to 3600)',
    ],
    [
      ['--properties', '[1]'],
      `gen-event: --properties is not a JSON object (give an object such as '{"RetentionDays":14}')`,
    ],
    [
      ['--properties', '{"ServiceToken":"x"}'],
      'gen-event: --properties sets ServiceToken, which CloudFormation fills in (give --service-token instead)',
    ],
    [
      ['--properties', '{"A":{"B":[null]}}'],
      'gen-event: --properties A.B[0] is null, which CloudFormation does not deliver (leave the property out or give "" instead)',
    ],
  ];
  it.each(rows)('%j', async (args, message) => {
    const result = await runCli(['cfn', ...args]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${message}\n`);
    expect(result.status).toBe(2);
  });

  it('--properties that is not JSON is an input error', async () => {
    const result = await runCli(['cfn', '--properties', '{']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'gen-event: --properties is not valid JSON: it ends too early (fix the JSON)\n',
    );
    expect(result.status).toBe(1);
  });
});
