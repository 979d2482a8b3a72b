import { beforeAll, describe, expect, test } from 'vitest';
import { ProblemList } from '../../src/check/problems.js';
import { cloudformationEvent } from '../../src/index.js';
import { cloudformationResponseChecker } from '../../src/sources/cloudformation/response.js';

type Event = Record<string, unknown>;
const events: Record<'create' | 'update' | 'delete', Event> = { create: {}, update: {}, delete: {} };

beforeAll(async () => {
  events.create = (await cloudformationEvent({ seed: 1 })) as unknown as Event;
  events.update = (await cloudformationEvent({ requestType: 'Update', seed: 1 })) as unknown as Event;
  events.delete = (await cloudformationEvent({ requestType: 'Delete', seed: 1 })) as unknown as Event;
});

/** The answer a provider sends back for a request, as cfn-response builds it. */
function answer(event: Event, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Status: 'SUCCESS',
    Reason: 'See the details in CloudWatch Log Stream: 2025/04/17/[$LATEST]0123',
    PhysicalResourceId: (event.PhysicalResourceId as string | undefined) ?? 'my-resource-1',
    StackId: event.StackId,
    RequestId: event.RequestId,
    LogicalResourceId: event.LogicalResourceId,
    ...extra,
  };
}

function problemsOf(response: unknown, event?: Event) {
  const problems = new ProblemList();
  cloudformationResponseChecker.check(response, event, problems);
  return problems.problems.map(({ path, message }) => ({ path, message }));
}

describe('cloudformation response checker: accepted answers', () => {
  test('declares its source, and that the event is optional', () => {
    expect(cloudformationResponseChecker.source).toBe('cloudformation');
    expect(cloudformationResponseChecker.event).toBe('optional');
  });

  test.each([
    ['SUCCESS for a Create', 'create', {}],
    ['SUCCESS with Data and NoEcho', 'create', { NoEcho: true, Data: { Arn: 'arn:aws:s3:::b', Count: '3' } }],
    ['FAILED with a Reason', 'create', { Status: 'FAILED', Reason: 'bucket exists' }],
    ['SUCCESS for an Update that keeps the id', 'update', {}],
    [
      'SUCCESS for an Update that replaces the resource (new id)',
      'update',
      { PhysicalResourceId: 'new-id-2' },
    ],
    ['SUCCESS for a Delete keeping the id', 'delete', {}],
    ['no Reason on SUCCESS', 'create', { Reason: undefined }],
  ] as const)('%s', (_name, kind, extra) => {
    const response = JSON.parse(JSON.stringify(answer(events[kind], extra)));
    expect(problemsOf(response, events[kind])).toEqual([]);
    expect(problemsOf(response)).toEqual([]);
  });
});

describe('cloudformation response checker: rejected answers', () => {
  test.each([
    [
      'a status CloudFormation does not know',
      'create',
      { Status: 'OK' },
      'Status',
      'Status is SUCCESS or FAILED',
    ],
    [
      'FAILED without a Reason',
      'create',
      { Status: 'FAILED', Reason: undefined },
      'Reason',
      'a FAILED response gives the Reason CloudFormation shows in the stack events',
    ],
    [
      'no PhysicalResourceId',
      'create',
      { PhysicalResourceId: undefined },
      'PhysicalResourceId',
      'PhysicalResourceId is required: a non-empty string naming the resource',
    ],
    [
      'a PhysicalResourceId over 1 KB',
      'create',
      { PhysicalResourceId: 'x'.repeat(1025) },
      'PhysicalResourceId',
      'PhysicalResourceId is at most 1024 bytes',
    ],
    [
      'a Delete answering for another resource',
      'delete',
      { PhysicalResourceId: 'other' },
      'PhysicalResourceId',
      "a Delete response keeps the request's PhysicalResourceId",
    ],
    [
      'another request id',
      'update',
      { RequestId: '00000000-0000-4000-8000-000000000000' },
      'RequestId',
      "RequestId is the request's RequestId",
    ],
    [
      'another stack',
      'create',
      { StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/x/y' },
      'StackId',
      "StackId is the request's StackId",
    ],
    [
      'another logical id',
      'create',
      { LogicalResourceId: 'Other' },
      'LogicalResourceId',
      "LogicalResourceId is the request's LogicalResourceId",
    ],
    [
      'no LogicalResourceId',
      'create',
      { LogicalResourceId: undefined },
      'LogicalResourceId',
      "LogicalResourceId is required: the request's LogicalResourceId, copied",
    ],
    ['NoEcho as text', 'create', { NoEcho: 'true' }, 'NoEcho', 'NoEcho is true or false'],
    [
      'Data as a list',
      'create',
      { Data: ['a'] },
      'Data',
      'Data is an object of name-value pairs for Fn::GetAtt',
    ],
    [
      'a Data value that is a number',
      'create',
      { Data: { Count: 3 } },
      'Data.Count',
      'a Data value is a string (Fn::GetAtt returns strings; stringify it)',
    ],
    [
      'a misspelt key',
      'create',
      { PhysicalResourceID: 'x' },
      'PhysicalResourceID',
      'CloudFormation reads no PhysicalResourceID (it reads Status, Reason, PhysicalResourceId, StackId, RequestId, LogicalResourceId, NoEcho, Data)',
    ],
  ] as const)('%s', (_name, kind, extra, path, message) => {
    const response = JSON.parse(JSON.stringify(answer(events[kind], extra)));
    expect(problemsOf(response, events[kind])).toEqual([{ path, message }]);
  });

  test('a body over 4096 bytes', () => {
    const response = answer(events.create, { Data: { Blob: 'x'.repeat(4096) } });
    const bytes = Buffer.byteLength(JSON.stringify(response));
    expect(problemsOf(response, events.create)).toEqual([
      { path: '', message: `the response body is ${bytes} bytes; CloudFormation accepts at most 4096` },
    ]);
  });

  test('a body that is not an object', () => {
    expect(problemsOf('SUCCESS')).toEqual([
      {
        path: '',
        message:
          'the response body is a JSON object with Status, PhysicalResourceId, StackId, RequestId and LogicalResourceId',
      },
    ]);
  });

  test('without the event, the echoed fields are only required, not compared', () => {
    const response = JSON.parse(JSON.stringify(answer(events.delete, { PhysicalResourceId: 'other' })));
    expect(problemsOf(response)).toEqual([]);
  });
});
