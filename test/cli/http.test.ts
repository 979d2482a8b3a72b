import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { sources } from '../helpers/sources.js';

/** A folder with the files the documented examples name. */
function exampleFiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-http-'));
  writeFileSync(join(dir, 'photo.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]));
  writeFileSync(join(dir, 'avatar.png'), Uint8Array.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.7\n');
  return dir;
}

describe('HTTP sources on the command line', () => {
  test('list shows the HTTP sources with their aliases', async () => {
    const { status, stdout } = await runCli(['list']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^alb {2,}Application Load Balancer request/m);
    expect(stdout).toMatch(/^apigw-v1 \(rest, apigateway\) {2,}API Gateway REST API request/m);
    expect(stdout).toMatch(/^apigw-v2 \(http-api\) {2,}API Gateway HTTP API request/m);
    expect(stdout).toMatch(/^function-url \(url\) {2,}Lambda function URL request/m);
  });

  test.each([
    ['alb', '--multi-value'],
    ['apigw-v1', '--binary-media-type'],
    ['apigw-v2', '--route'],
    ['function-url', '--auth'],
  ])('%s --help shows its options and examples', async (source, option) => {
    const { status, stdout } = await runCli([source, '--help']);
    expect(status).toBe(0);
    expect(stdout).toContain(option);
    expect(stdout).toContain('--header');
    expect(stdout.match(/^ {2}gen-event /gm)?.length).toBeGreaterThanOrEqual(2);
  });

  /** Splits a documented command line as a POSIX shell would (quotes, no expansions). */
  const shellWords = (line: string) =>
    [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  const examples = ['alb', 'apigw-v1', 'apigw-v2', 'function-url'].flatMap(
    (name) =>
      sources.find((s) => s.name === name)?.examples.map(([command]) => [name, command] as const) ?? [],
  );

  test.each(examples)('%s example runs and makes a valid event: %s', async (name, command) => {
    const [program, ...args] = shellWords(command);
    expect(program).toBe('gen-event');
    const { status, stdout, stderr } = spawnCli(args, { cwd: exampleFiles() });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const { kind, problems } = await checkEvent(JSON.parse(stdout));
    expect(kind.startsWith(name === 'alb' ? 'alb' : name)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('a body file that is not UTF-8 is binary: base64 where the service encodes it', async () => {
    const photo = join(exampleFiles(), 'photo.png');
    const { status, stdout } = await runCli(['http-api', '--body', `@${photo}`, '--seed', '1']);
    expect(status).toBe(0);
    const event = JSON.parse(stdout);
    expect(event).toMatchObject({ body: 'iVBOR/8A', isBase64Encoded: true });
    expect(event.headers['content-type']).toBe('application/octet-stream');
    expect(event.requestContext.http.method).toBe('POST');
  });

  test('a body from standard input, and --form fields', async () => {
    const stdin = await runCli(
      ['rest', '--body', '-', '--content-type', 'text/csv', '--seed', '1'],
      'a,b\n1,2\n',
    );
    expect(JSON.parse(stdin.stdout)).toMatchObject({ body: 'a,b\n1,2\n', isBase64Encoded: false });
    const form = await runCli(['alb', '--form', 'name=Jane Doe', '--form', 'tag=a&b', '--seed', '1']);
    const event = JSON.parse(form.stdout);
    expect(Buffer.from(event.body, 'base64').toString()).toBe('name=Jane+Doe&tag=a%26b');
    expect(event.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  test('--json keeps the bytes given and sets the content type', async () => {
    const { stdout } = await runCli(['url', '--json', '{ "a": [1, 2] }', '--seed', '1']);
    const event = JSON.parse(stdout);
    expect(event.body).toBe('{ "a": [1, 2] }');
    expect(event.headers['content-type']).toBe('application/json');
  });

  test.each([
    [
      ['url', '--json', '{"a":'],
      1,
      'gen-event: --json is not valid JSON: it ends too early (fix the JSON)\n',
    ],
    [
      ['alb', '--json', '{}', '--body', 'x'],
      2,
      'gen-event: more than one of --body, --json and --form is given (give the body one way)\n',
    ],
    [
      ['rest', '--resource', '/users/{id}', '--path', '/orders'],
      2,
      'gen-event: --path /orders does not match --resource /users/{id} (give a path the resource matches, or another --resource)\n',
    ],
    [
      ['rest', '--endpoint', 'private'],
      2,
      'gen-event: --endpoint "private" is not allowed (choose one of "edge", "regional")\n',
    ],
    [
      ['http-api', '--query', 'novalue'],
      2,
      "gen-event: --query 'novalue' is not <k>=<v> (write --query '<k>=<v>')\n",
    ],
    [
      ['alb', '--header', 'X-Forwarded-Proto: http'],
      2,
      'gen-event: --header X-Forwarded-Proto cannot be given: the service sets it (use --set to edit it in the event)\n',
    ],
  ])('%j exits %i with one line', async (args, status, stderr) => {
    const result = await runCli(args);
    expect(result).toEqual({ status, stdout: '', stderr });
  });
});
