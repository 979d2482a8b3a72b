import type { Context, SQSEvent } from 'aws-lambda';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  sqsEvent,
  UsageError,
} from '../../src/index.js';
import { lambdaContext } from '../../src/lambda-context/context.js';
import { runCli } from '../helpers/cli.js';

const DATA_KEYS = [
  'callbackWaitsForEmptyEventLoop',
  'functionVersion',
  'functionName',
  'memoryLimitInMB',
  'logGroupName',
  'logStreamName',
  'invokedFunctionArn',
  'awsRequestId',
];

afterEach(() => vi.useRealTimers());

describe('lambdaContext', () => {
  test('agrees with an SQS event: the queue ARN gives region and account, the receive time gives the log day', async () => {
    const event = await sqsEvent({
      queue: 'arn:aws:sqs:eu-west-2:210987654321:orders',
      time: '2025-06-01T23:59:59.900Z',
      seed: 1,
    });
    const context = lambdaContext(event, { functionName: 'orders-worker', seed: 1 });
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:eu-west-2:210987654321:function:orders-worker');
    expect(context.functionName).toBe('orders-worker');
    expect(context.functionVersion).toBe('$LATEST');
    expect(context.memoryLimitInMB).toBe('128');
    expect(context.logGroupName).toBe('/aws/lambda/orders-worker');
    // The batch is received a few ms after it was sent: on 2 June here.
    const received = Number((event as SQSEvent).Records[0]?.attributes.ApproximateFirstReceiveTimestamp);
    const day = new Date(received).toISOString().slice(0, 10).replaceAll('-', '/');
    expect(context.logStreamName).toMatch(new RegExp(`^${day}/\\[\\$LATEST\\][0-9a-f]{32}$`));
    expect(context.awsRequestId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(context.callbackWaitsForEmptyEventLoop).toBe(true);
    expect(Object.keys(JSON.parse(JSON.stringify(context)))).toEqual(DATA_KEYS);
  });

  test('the same seed gives the same context, pinned here; another seed another one', () => {
    const data = (seed: string) => JSON.stringify(lambdaContext(undefined, { seed }));
    expect(data('a')).toBe(data('a'));
    expect(data('a')).not.toBe(data('b'));
    expect(JSON.parse(data('a'))).toEqual({
      callbackWaitsForEmptyEventLoop: true,
      functionVersion: '$LATEST',
      functionName: 'users-processor',
      memoryLimitInMB: '128',
      logGroupName: '/aws/lambda/users-processor',
      logStreamName: '2025/11/14/[$LATEST]45ca524a0a92a4abaf0dbf707aa30aa2',
      invokedFunctionArn: 'arn:aws:lambda:us-east-1:264792141456:function:users-processor',
      awsRequestId: '27df9475-7be4-4281-bce6-dde1fccb188b',
    });
  });

  test('without an event, the account is the one an event of the same seed has', async () => {
    const event = await apigwV2Event({ seed: 'same' });
    const context = lambdaContext(undefined, { seed: 'same' });
    expect(context.invokedFunctionArn.split(':')[4]).toBe(event.requestContext.accountId);
  });

  test('API Gateway and function URL events give the account and the host region', async () => {
    const rest = await apigwV1Event({ region: 'ap-south-1', accountId: '111122223333', seed: 2 });
    expect(lambdaContext(rest, { seed: 2 }).invokedFunctionArn).toMatch(
      /^arn:aws:lambda:ap-south-1:111122223333:function:/,
    );
    const http = await apigwV2Event({ region: 'eu-central-1', accountId: '444455556666', seed: 2 });
    expect(lambdaContext(http).invokedFunctionArn).toMatch(
      /^arn:aws:lambda:eu-central-1:444455556666:function:/,
    );
    // An unsigned function URL request says accountId "anonymous": the region comes from the host.
    const url = await functionUrlEvent({ region: 'us-west-2', seed: 2 });
    expect(url.requestContext.accountId).toBe('anonymous');
    expect(lambdaContext(url, { accountId: '777788889999' }).invokedFunctionArn).toMatch(
      /^arn:aws:lambda:us-west-2:777788889999:function:/,
    );
  });

  test("an ALB event's target group ARN gives region and account; options win over the event", async () => {
    const event = await albEvent({
      targetGroup: 'arn:aws:elasticloadbalancing:sa-east-1:135792468024:targetgroup/web/0123456789abcdef',
    });
    expect(lambdaContext(event, { functionName: 'web' }).invokedFunctionArn).toBe(
      'arn:aws:lambda:sa-east-1:135792468024:function:web',
    );
    expect(
      lambdaContext(event, { functionName: 'web', region: 'us-west-1', accountId: '999999999999' })
        .invokedFunctionArn,
    ).toBe('arn:aws:lambda:us-west-1:999999999999:function:web');
  });

  test('an alias is the qualifier of the ARN and runs a published version; a version alone qualifies it too', () => {
    const aliased = lambdaContext(undefined, { functionName: 'f', alias: 'live', accountId: '123456789012' });
    expect(aliased.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:f:live');
    expect(aliased.functionVersion).toBe('1');
    expect(aliased.logStreamName).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[1\][0-9a-f]{32}$/);
    const versioned = lambdaContext(undefined, {
      functionName: 'f',
      version: '7',
      accountId: '123456789012',
    });
    expect(versioned.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:123456789012:function:f:7');
    const china = lambdaContext(undefined, {
      functionName: 'f',
      region: 'cn-north-1',
      accountId: '123456789012',
    });
    expect(china.invokedFunctionArn).toBe('arn:aws-cn:lambda:cn-north-1:123456789012:function:f');
  });

  test('getRemainingTimeInMillis counts down from the timeout on the real clock, and stops at 0', () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) });
    const context = lambdaContext(undefined, { timeout: 30, memory: 1024 });
    expect(context.memoryLimitInMB).toBe('1024');
    expect(context.getRemainingTimeInMillis()).toBe(30_000);
    vi.advanceTimersByTime(1_250);
    expect(context.getRemainingTimeInMillis()).toBe(28_750);
    vi.advanceTimersByTime(60_000);
    expect(context.getRemainingTimeInMillis()).toBe(0);
  });

  test.each([
    [
      { memory: 64 },
      'lambdaContext option memory 64 is out of range (give a whole number of MB from 128 to 10240)',
    ],
    [
      { memory: 256.5 },
      'lambdaContext option memory 256.5 is out of range (give a whole number of MB from 128 to 10240)',
    ],
    [
      { timeout: 901 },
      'lambdaContext option timeout 901 is out of range (give a whole number of seconds from 1 to 900)',
    ],
    [
      { functionName: 'my function' },
      "lambdaContext option functionName 'my function' is not valid (give 1 to 64 letters, digits, - and _)",
    ],
    [
      { version: 'latest' },
      "lambdaContext option version 'latest' is not valid (give $LATEST or a version number such as 3)",
    ],
    [
      { alias: '12' },
      "lambdaContext option alias '12' is not valid (give letters, digits, - and _, not only digits)",
    ],
    [
      { region: 'Europe' },
      "--region 'Europe' is not an AWS region name (use a name such as us-east-1 or eu-west-2)",
    ],
  ] as const)('refuses %o', (options, message) => {
    let thrown: unknown;
    try {
      lambdaContext(undefined, options);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toBe(message);
  });

  test('is a Context as @types/aws-lambda declares it', () => {
    const context: Context = lambdaContext();
    expect(typeof context.done).toBe('function');
    expect(typeof context.fail).toBe('function');
    expect(typeof context.succeed).toBe('function');
  });
});

describe('gen-event context', () => {
  test('prints the data fields of the context the library makes for the same event and options', async () => {
    const event = await sqsEvent({ queue: 'arn:aws:sqs:eu-west-1:123456789012:q', seed: 4 });
    const printed = await runCli(
      [
        'context',
        '--event',
        '-',
        '--function-name',
        'q-worker',
        '--timeout',
        '10',
        '--seed',
        '4',
        '--compact',
      ],
      JSON.stringify(event),
    );
    expect(printed.stderr).toBe('');
    expect(printed.status).toBe(0);
    const library = lambdaContext(event, { functionName: 'q-worker', timeout: 10, seed: 4 });
    expect(printed.stdout).toBe(`${JSON.stringify(library)}\n`);
  });

  test.each([
    [['--memory', '64'], 'gen-event: --memory 64 is out of range (give a number from 128 to 10240)\n'],
    [
      ['--function-version', 'x'],
      "gen-event: --function-version 'x' is not valid (give $LATEST or a version number such as 3)\n",
    ],
    [
      ['--function-name', 'a b'],
      "gen-event: --function-name 'a b' is not valid (give 1 to 64 letters, digits, - and _)\n",
    ],
    [['--event', 'missing.json'], 'gen-event: missing.json does not exist (check the file name)\n'],
  ])('refuses %j naming the option', async (args, stderr) => {
    const result = await runCli(['context', ...args]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(args[0] === '--event' ? 1 : 2);
  });
});
