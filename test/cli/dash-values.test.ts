import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

test.each([
  [
    ['apigw-v2', '--query', '-GK=x'],
    ['apigw-v2', '--query=-GK=x'],
  ],
  [
    ['apigw-v2', '--body', '-x', '--content-type', 'text/plain'],
    ['apigw-v2', '--body=-x', '--content-type=text/plain'],
  ],
  [
    ['sqs', '--body', '-x', '--attribute', '-a=1'],
    ['sqs', '--body=-x', '--attribute=-a=1'],
  ],
])('a value that starts with - is read as it is after =: %j', async (spaced, joined) => {
  const seed = ['--seed', '1', '--compact'];
  const a = await runCli([...spaced, ...seed]);
  const b = await runCli([...joined, ...seed]);
  expect(a.stderr).toBe(b.stderr);
  expect(a.status).toBe(b.status);
  expect(a.stdout).toBe(b.stdout);
});

test('the value reaches the event as given', async () => {
  const event = JSON.parse(
    (await runCli(['apigw-v2', '--query', '-GK=x', '--body', '-x', '--seed', '1'])).stdout,
  );
  expect(event.rawQueryString).toBe('-GK=x');
  expect(event.queryStringParameters).toEqual({ '-GK': 'x' });
  expect(event.body).toBe('-x');
  expect(event.isBase64Encoded).toBe(false);
});

test('--body - is still standard input', async () => {
  const event = JSON.parse((await runCli(['sqs', '--body', '-'], 'from stdin')).stdout);
  expect(event.Records[0].body).toBe('from stdin');
});

test('a value that starts with -- reads as an option: the error says to write --opt=value', async () => {
  const result = await runCli(['sqs', '--body', '--x']);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(
    'gen-event: --body needs a value (write --body <value>, or --body=--x if that is the value)\n',
  );
  expect(result.status).toBe(2);
});
