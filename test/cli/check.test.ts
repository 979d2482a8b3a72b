import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'gen-event-check-'));

describe('gen-event check', () => {
  it('prints one line per problem and a summary, exit 1', async () => {
    const event = JSON.parse((await runCli(['sqs', '--body', 'x', '--seed', '1'])).stdout);
    event.Records[0].body = 'y';
    const path = join(dir, 'edited.json');
    writeFileSync(path, JSON.stringify(event));
    const result = await runCli(['check', path]);
    expect(result).toEqual({
      status: 1,
      stdout:
        `${path}: Records[0].md5OfBody: md5OfBody is the MD5 of the body (expected 415290769594460e2e485922904f345d)\n` +
        '1 event(s) checked: 0 ok, 1 with 1 problem(s), 0 unknown\n',
      stderr: '',
    });
  });

  it('--json prints a machine-readable report', async () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, (await runCli(['sqs', '--seed', '2'])).stdout);
    const result = await runCli(['check', '--json', path]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      events: [{ where: path, kind: 'sqs', problems: [] }],
      summary: { events: 1, failing: 0, problems: 0, unknown: 0 },
    });
  });

  it('reads NDJSON from standard input, line by line', async () => {
    const ndjson = (await runCli(['sqs', '--count', '3', '--ndjson', '--seed', '1'])).stdout;
    const broken = ndjson.replace(
      '"eventSource":"aws:sqs","eventSourceARN"',
      '"eventSource":"aws:sqs","eventSourceARN":"nope","x"',
    );
    const result = await runCli(['check', '-'], broken);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      'standard input:1: Records[0].eventSourceARN: eventSourceARN is an SQS queue ARN (expected arn:aws:sqs:<region>:<account>:<queue>)\n' +
        '3 event(s) checked: 2 ok, 1 with 1 problem(s), 0 unknown\n',
    );
  });

  it('an unknown kind is said and not counted as a failure; invalid JSON is', async () => {
    const unknown = join(dir, 'unknown.json');
    writeFileSync(unknown, '{"hello":"world"}');
    expect((await runCli(['check', unknown])).stdout).toBe(
      `${unknown}: not a known event kind, not checked\n1 event(s) checked: 0 ok, 0 with 0 problem(s), 1 unknown\n`,
    );
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, '{"a":');
    const result = await runCli(['check', invalid]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /invalid\.json: \$: .*invalid\.json is not valid JSON: it ends too early \(fix the JSON\)\n/,
    );
  });

  it('needs something to check', async () => {
    expect((await runCli(['check'])).status).toBe(2);
  });
});
