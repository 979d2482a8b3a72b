import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runResponseChecker } from '../../src/check/check-response.js';
import type { ProblemList } from '../../src/check/problems.js';
import { UsageError } from '../../src/core/errors.js';
import { checkResponse, sqsEvent } from '../../src/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gen-event-check-response-'));
const batch = await sqsEvent({ bodies: ['a', 'b'], seed: 9 });
const eventPath = join(dir, 'batch.json');
writeFileSync(eventPath, JSON.stringify(batch));
const first = batch.Records[0]?.messageId as string;

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
}

describe('gen-event check-response', () => {
  it('prints one line per problem and a summary, exit 1', async () => {
    const path = file('bad.json', {
      batchItemFailures: [{ itemIdentifier: first }, { itemIdentifier: 'gone' }],
    });
    expect(await runCli(['check-response', 'sqs', path, '--event', eventPath])).toStrictEqual({
      status: 1,
      stdout:
        `${path}: batchItemFailures[1].itemIdentifier: gone names no record of the batch: Lambda treats the whole batch as failed and retries it (expected one of the batch's messageIds)\n` +
        '1 sqs response checked: 1 problem(s)\n',
      stderr: '',
    });
  });

  it('exit 0 for a response the service accepts, read from standard input', async () => {
    const response = JSON.stringify({ batchItemFailures: [{ itemIdentifier: first }] });
    expect(await runCli(['check-response', 'sqs', '-', '--event', eventPath], response)).toStrictEqual({
      status: 0,
      stdout: '1 sqs response checked: ok\n',
      stderr: '',
    });
  });

  it('prints what it assumed as notes; an alias names its source', async () => {
    const result = await runCli(['check-response', 'http-api', '-'], '"hello"');
    expect(result).toStrictEqual({
      status: 0,
      stdout:
        'standard input: note: no statusCode: API Gateway answers 200 with this string as the body\n' +
        '1 apigw-v2 response checked: ok\n',
      stderr: '',
    });
  });

  it('--json prints a machine-readable report', async () => {
    const path = file('alb.json', { statusCode: '200', isBase64Encoded: false, headers: {} });
    const result = await runCli(['check-response', 'alb', '--json', path]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toStrictEqual({
      where: path,
      source: 'alb',
      event: null,
      problems: [
        {
          path: 'statusCode',
          message: 'statusCode "200" is not an HTTP status: the load balancer answers 502 Bad Gateway',
          expected: 'an integer 100-599',
        },
      ],
      notes: [
        'without --event the target group may have multi-value headers on or off: headers and multiValueHeaders are both accepted',
      ],
      summary: { problems: 1 },
    });
  });

  it.each([
    [
      ['check-response', 's3', 'r.json'],
      'gen-event: s3: S3 invokes the function asynchronously and ignores what it returns (there is nothing to check; check-response takes alb, apigw-v1, apigw-v2, function-url, authorizer, websocket, sqs, kinesis, dynamodb, kafka, firehose, cloudfront, appsync, cognito, cloudformation)',
    ],
    [
      ['check-response', 'invoke', 'r.json'],
      'gen-event: direct: a direct invocation has no service contract: the caller gets whatever the handler returns (there is nothing to check; check-response takes alb, apigw-v1, apigw-v2, function-url, authorizer, websocket, sqs, kinesis, dynamodb, kafka, firehose, cloudfront, appsync, cognito, cloudformation)',
    ],
    [
      ['check-response', 'sq', 'r.json'],
      "gen-event: unknown source 'sq' (check-response takes alb, apigw-v1, apigw-v2, function-url, authorizer, websocket, sqs, kinesis, dynamodb, kafka, firehose, cloudfront, appsync, cognito, cloudformation)",
    ],
    [
      ['check-response', 'sqs'],
      'gen-event: check-response needs a source and a response file (or -) (e.g. gen-event check-response sqs response.json --event event.json)',
    ],
    [
      ['check-response', 'sqs', 'a.json', 'b.json'],
      "gen-event: unexpected argument 'b.json' for check-response (give one response file)",
    ],
    [
      ['check-response', 'sqs', '-', '--event', '-'],
      'gen-event: --event - and the response - both ask for standard input (standard input can be read once; put one of them in a file)',
    ],
  ])('usage error: %j', async (args, stderr) => {
    expect(await runCli(args, '{}')).toStrictEqual({ status: 2, stdout: '', stderr: `${stderr}\n` });
  });

  it('an --event of another source is a usage error', async () => {
    const path = file('ok.json', {});
    expect(await runCli(['check-response', 'kinesis', path, '--event', eventPath])).toStrictEqual({
      status: 2,
      stdout: '',
      stderr: `gen-event: --event ${eventPath} is not a Kinesis batch (no Records with eventSource aws:kinesis) (give the kinesis event the handler answered)\n`,
    });
  });

  it('reads within --max-input', async () => {
    expect(
      await runCli(
        ['check-response', 'sqs', '-', '--max-input', '10'],
        JSON.stringify({ batchItemFailures: [] }),
      ),
    ).toStrictEqual({
      status: 1,
      stdout: '',
      stderr:
        'gen-event: standard input is larger than the input limit of 10 bytes (give a smaller input, or raise the limit with --max-input <bytes>, up to 536870888)\n',
    });
  });
});

describe('checkResponse (library)', () => {
  it('returns the source, the problems and the notes', async () => {
    expect(
      await checkResponse('sqs', { batchItemFailures: [{ itemIdentifier: 'gone' }] }, { event: batch }),
    ).toStrictEqual({
      source: 'sqs',
      problems: [
        {
          path: 'batchItemFailures[0].itemIdentifier',
          message:
            'gone names no record of the batch: Lambda treats the whole batch as failed and retries it',
          expected: "one of the batch's messageIds",
        },
      ],
      notes: [],
    });
    expect(await checkResponse('ddb', undefined)).toStrictEqual({
      source: 'dynamodb',
      problems: [],
      notes: ["without --event the itemIdentifiers are not compared with the batch's SequenceNumbers"],
    });
  });

  it('checks its arguments at run time', async () => {
    const refusal = async (call: Promise<unknown>) => {
      const error = await call.then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(UsageError);
      return (error as Error).message;
    };
    expect(await refusal(checkResponse('sqs', {}, { evnt: batch } as never))).toBe(
      "unknown option 'evnt' for checkResponse (did you mean 'event'?)",
    );
    expect(await refusal(checkResponse('sqs', {}, 5 as never))).toBe(
      'the options of checkResponse are the number 5 (give an object such as { event })',
    );
    expect(await refusal(checkResponse('sqs', { f: () => 1 }))).toBe(
      "option 'response.f' is a function (give JSON data (null, true/false, finite numbers, text, lists and plain objects))",
    );
    expect(await refusal(checkResponse('sns', {}))).toBe(
      'sns: SNS invokes the function asynchronously and ignores what it returns (there is nothing to check; check-response takes alb, apigw-v1, apigw-v2, function-url, authorizer, websocket, sqs, kinesis, dynamodb, kafka, firehose, cloudfront, appsync, cognito, cloudformation)',
    );
    expect(await refusal(checkResponse('sqs', {}, { event: [] }))).toBe(
      'options.event is not a JSON object (give the sqs event the handler answered)',
    );
  });

  it('a checker that needs the event refuses to run without it', () => {
    const checker = {
      source: 'example',
      event: 'required' as const,
      check: (_r: unknown, _e: unknown, p: ProblemList) => p.note('ran'),
    };
    expect(() => runResponseChecker(checker, {}, undefined)).toThrow(
      new UsageError(
        'example responses are checked against the event they answer',
        'give the event with --event <file>',
      ),
    );
    expect(runResponseChecker(checker, {}, {})).toStrictEqual({
      source: 'example',
      problems: [],
      notes: ['ran'],
    });
  });
});
