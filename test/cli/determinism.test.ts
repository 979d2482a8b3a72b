import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';

describe('--seed: the same arguments and seed give the same bytes from the real CLI', () => {
  const commands = [
    ['sqs', '--body', '{"orderId":42}'],
    ['sqs', '--records', '5', '--fifo', '--attribute', 'a:Number=1', '--trace'],
    ['sqs'],
    ['direct'],
    ['alb', '--path', '/orders?status=open&status=late', '--multi-value'],
    ['rest', '--resource', '/users/{id}', '--path', '/users/42', '--authorizer', 'cognito'],
    ['http-api', '--route', 'GET /items/{id}', '--cookie', 'a=1', '--authorizer', 'jwt', '--mtls'],
    ['url', '--auth', 'iam', '--json', '{"a":1}'],
  ];
  for (const args of commands) {
    it(args.join(' '), () => {
      const first = spawnCli([...args, '--seed', '42']);
      const second = spawnCli([...args, '--seed', '42']);
      expect(first.status).toBe(0);
      expect(first.stderr).toBe('');
      expect(second.stdout).toBe(first.stdout);
      expect(spawnCli([...args, '--seed', '43']).stdout).not.toBe(first.stdout);
    });
  }

  it('the seed alone fixes the clock; --time moves it', () => {
    const seeded = JSON.parse(spawnCli(['sqs', '--body', 'x', '--seed', '7']).stdout);
    const timed = JSON.parse(
      spawnCli(['sqs', '--body', 'x', '--seed', '7', '--time', '2030-01-02T03:04:05Z']).stdout,
    );
    const sent = Number(seeded.Records[0].attributes.SentTimestamp);
    expect(sent).toBeGreaterThanOrEqual(Date.UTC(2025, 0, 1) - 60_000);
    expect(sent).toBeLessThan(Date.UTC(2026, 0, 1));
    expect(Number(timed.Records[0].attributes.ApproximateFirstReceiveTimestamp)).toBeLessThanOrEqual(
      Date.UTC(2030, 0, 2, 3, 4, 5),
    );
    expect(Number(timed.Records[0].attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThan(
      Date.UTC(2030, 0, 2, 3, 4, 5) - 1000,
    );
  });

  it('without a seed, two runs differ', () => {
    expect(spawnCli(['sqs', '--body', 'x']).stdout).not.toBe(spawnCli(['sqs', '--body', 'x']).stdout);
  });

  it('a known seed gives known bytes (output must not drift between versions or machines)', () => {
    const event = JSON.parse(spawnCli(['sqs', '--body', 'x', '--seed', 'pinned', '--compact']).stdout);
    const record = event.Records[0];
    expect(record.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect({
      sent: record.attributes.SentTimestamp,
      arn: record.eventSourceARN,
      id: record.messageId,
    }).toMatchSnapshot();
  });
});
