import { beforeAll, describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { cloudformationEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.create = await cloudformationEvent({ serviceTimeout: 60, seed: 1 });
  bases.update = await cloudformationEvent({ requestType: 'Update', seed: 1 });
  bases.delete = await cloudformationEvent({ requestType: 'Delete', seed: 1 });
});

describe('CloudFormation custom resource checker rules', () => {
  testBrokenRules('cloudformation', bases, [
    [
      'RequestType is one of three',
      'create',
      { RequestType: 'Replace' },
      'RequestType',
      /Create, Update or Delete/,
    ],
    [
      'Update carries PhysicalResourceId',
      'update',
      { PhysicalResourceId: REMOVED },
      'PhysicalResourceId',
      /Update request carries/,
    ],
    [
      'Delete carries PhysicalResourceId',
      'delete',
      { PhysicalResourceId: REMOVED },
      'PhysicalResourceId',
      /Delete request carries/,
    ],
    [
      'Create has no PhysicalResourceId',
      'create',
      { PhysicalResourceId: 'x' },
      'PhysicalResourceId',
      /Create request has no/,
    ],
    [
      'PhysicalResourceId is not empty',
      'delete',
      { PhysicalResourceId: '' },
      'PhysicalResourceId',
      /non-empty string of at most 1024 bytes/,
    ],
    [
      'Update carries OldResourceProperties',
      'update',
      { OldResourceProperties: REMOVED },
      'OldResourceProperties',
      /Update request carries/,
    ],
    [
      'Delete has no OldResourceProperties',
      'delete',
      { OldResourceProperties: {} },
      'OldResourceProperties',
      /Delete request has no/,
    ],
    ['no unknown keys', 'create', { StackName: 'x' }, 'StackName', /has no StackName key/],
    ['required keys', 'create', { RequestId: REMOVED }, 'RequestId', /has RequestId/],
    [
      'keys in order',
      'create',
      (e) => {
        const { RequestType, ...rest } = e;
        for (const key of Object.keys(e)) delete e[key];
        Object.assign(e, rest, { RequestType });
      },
      '',
      /order CloudFormation sends them/,
    ],
    [
      'ServiceToken is a function ARN',
      'create',
      { ServiceToken: 'arn:aws:sns:us-east-1:123456789012:t' },
      'ServiceToken',
      /Lambda function ARN/,
    ],
    [
      'ServiceToken region is the stack region',
      'create',
      (e) => {
        e.ServiceToken = e.ServiceToken.replace(':us-east-1:', ':eu-west-1:');
        e.ResourceProperties.ServiceToken = e.ServiceToken;
      },
      'ServiceToken',
      /region of the stack/,
    ],
    [
      'ServiceToken account is the stack account',
      'create',
      (e) => {
        e.ServiceToken = e.ServiceToken.replace(/:\d{12}:/, ':000000000000:');
        e.ResourceProperties.ServiceToken = e.ServiceToken;
      },
      'ServiceToken',
      /account of the stack/,
    ],
    [
      'ResourceProperties.ServiceToken repeats ServiceToken',
      'create',
      { 'ResourceProperties.ServiceToken': 'arn:aws:lambda:us-east-1:123456789012:function:other' },
      'ResourceProperties.ServiceToken',
      /request's ServiceToken/,
    ],
    [
      'OldResourceProperties.ServiceToken repeats ServiceToken',
      'update',
      { 'OldResourceProperties.ServiceToken': REMOVED },
      'OldResourceProperties.ServiceToken',
      /request's ServiceToken/,
    ],
    [
      'property values are strings',
      'create',
      { 'ResourceProperties.Enabled': true },
      'ResourceProperties.Enabled',
      /as a string/,
    ],
    [
      'nested leaves are strings',
      'update',
      { 'OldResourceProperties.Tags[0].Value': 3 },
      'OldResourceProperties.Tags[0].Value',
      /as a string/,
    ],
    [
      'ServiceTimeout in range',
      'create',
      { 'ResourceProperties.ServiceTimeout': '3601' },
      'ResourceProperties.ServiceTimeout',
      /1 to 3600/,
    ],
    [
      'ServiceTimeout is a string',
      'create',
      { 'ResourceProperties.ServiceTimeout': 60 },
      'ResourceProperties.ServiceTimeout',
      /as a string/,
    ],
    [
      'StackId is a stack ARN',
      'create',
      { StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stackset/x' },
      'StackId',
      /stack ARN/,
    ],
    [
      'StackId ends with a UUID',
      'create',
      (e) => {
        e.StackId = e.StackId.replace(
          /[0-9a-f-]{36}$/,
          'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'.replace(/z/g, '0'),
        );
      },
      'StackId',
      /UUID/,
    ],
    ['RequestId is a UUID', 'create', { RequestId: 'xxxxx-d2a0-4dfb-ab1f-xxxxxx' }, 'RequestId', /UUID/],
    [
      'LogicalResourceId is letters and digits',
      'create',
      { LogicalResourceId: 'my-res' },
      'LogicalResourceId',
      /letters and digits/,
    ],
    [
      'ResourceType is a custom type',
      'create',
      { ResourceType: 'AWS::S3::Bucket' },
      'ResourceType',
      /Custom::<Name>/,
    ],
    [
      'ResourceType name at most 60',
      'create',
      { ResourceType: `Custom::${'A'.repeat(61)}` },
      'ResourceType',
      /up to 60/,
    ],
    [
      'ResponseURL host follows the stack region',
      'create',
      (e) => {
        e.ResponseURL = e.ResponseURL.replace('-useast1.', '-euwest1.');
      },
      'ResponseURL',
      /response bucket of the stack's region/,
    ],
    [
      'ResponseURL key names the request',
      'update',
      (e) => {
        e.RequestId = '00000000-0000-4000-8000-000000000000';
      },
      'ResponseURL',
      /joined by \|/,
    ],
    [
      'ResponseURL presigned for the stack region',
      'delete',
      (e) => {
        e.ResponseURL = e.ResponseURL.replace('%2Fus-east-1%2F', '%2Feu-west-1%2F');
      },
      'ResponseURL',
      /presigned for the stack's region/,
    ],
    [
      'ResponseURL is https',
      'create',
      (e) => {
        e.ResponseURL = e.ResponseURL.replace('https:', 'http:');
      },
      'ResponseURL',
      /https URL/,
    ],
  ]);

  test('the spec fixture without PhysicalResourceId on Delete is reported there', async () => {
    const event = structuredClone(bases.delete) as Editable;
    delete event.PhysicalResourceId;
    expect((await checkEvent(event)).problems).toEqual([
      {
        path: 'PhysicalResourceId',
        message: 'a Delete request carries the PhysicalResourceId the provider returned',
      },
    ]);
  });

  test('events of other sources are not taken for custom resource requests', async () => {
    expect((await checkEvent({ RequestType: 'Create' })).kind).toBe('unknown');
  });
});
