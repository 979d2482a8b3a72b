import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

describe('the CLI surface', () => {
  it('list shows every source with its aliases, one line each', async () => {
    const result = await runCli(['list']);
    expect(result.status).toBe(0);
    const names = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/ {2,}/)[0]);
    expect(names).toEqual([
      'sqs',
      's3',
      'sns',
      'eventbridge (events)',
      'alb',
      'apigw-v1 (rest, apigateway)',
      'apigw-v2 (http-api)',
      'function-url (url)',
      'authorizer',
      'websocket (ws)',
      'cloudfront (edge)',
      'appsync',
      'cognito',
      'cloudformation (cfn)',
      'direct (invoke)',
      'cloudwatch-logs (logs)',
      'kafka',
      'firehose',
      'dynamodb (ddb)',
      'kinesis',
    ]);
  });

  it('--version prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect((await runCli(['--version'])).stdout).toBe(`${version}\n`);
  });

  it('<source> --help lists the options and worked examples', async () => {
    const result = await runCli(['sqs', '--help']);
    expect(result.status).toBe(0);
    for (const text of [
      '--body',
      '--fifo',
      '--attribute',
      '--seed',
      '--set',
      '--merge',
      'Examples:',
      'gen-event sqs --body \'{"orderId":42}\'',
    ]) {
      expect(result.stdout).toContain(text);
    }
  });

  it('unknown sources and options suggest the closest match', async () => {
    expect(await runCli(['sqss'])).toEqual({
      status: 2,
      stdout: '',
      stderr: "gen-event: unknown source 'sqss' (did you mean sqs?)\n",
    });
    expect(await runCli(['sqs', '--recrods', '2'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'gen-event: unknown option --recrods for sqs (did you mean --records?)\n',
    });
    expect((await runCli([])).stderr).toBe(
      'gen-event: no source given (run gen-event list to see them, e.g. gen-event sqs)\n',
    );
  });

  it('a missing option value is a usage error', async () => {
    expect(await runCli(['sqs', '--queue'])).toEqual({
      status: 2,
      stdout: '',
      stderr: 'gen-event: --queue needs a value (write --queue <value>)\n',
    });
  });

  it.each([
    [
      ['sqs', '--records', 'abc'],
      "gen-event: --records 'abc' is not a whole number (give a number from 1 to 10000)\n",
    ],
    [
      ['sqs', '--time', 'yesterday'],
      "gen-event: --time 'yesterday' is not a time (give ISO-8601 such as 2025-06-01T12:00:00Z, or epoch milliseconds)\n",
    ],
    [
      ['sqs', '--time', '2025-06-01T12:00:00'],
      "gen-event: --time '2025-06-01T12:00:00' has no time zone (add 'Z' or an offset such as +02:00)\n",
    ],
    [
      ['sqs', '--account-id', '123'],
      "gen-event: --account-id '123' is not 12 digits (give the 12-digit id, leading zeros included)\n",
    ],
    [
      ['sqs', '--region', ''],
      "gen-event: --region '' is not an AWS region name (use a name such as us-east-1 or eu-west-2)\n",
    ],
  ])('%j is refused with one line', async (args, stderr) => {
    expect(await runCli(args)).toEqual({ status: 2, stdout: '', stderr });
  });

  it('the real process prints only the event on stdout and exits 0', () => {
    const result = spawnCli(['sqs', '--body', 'hello']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).Records[0].body).toBe('hello');
  });

  it('the real process reports a missing file with exit 1 and no stack trace', () => {
    const result = spawnCli(['sqs', '--body', '@does-not-exist.txt']);
    expect(result).toEqual({
      status: 1,
      stdout: '',
      stderr: 'gen-event: does-not-exist.txt does not exist (check the file name)\n',
    });
  });
});
