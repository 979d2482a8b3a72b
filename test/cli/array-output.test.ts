import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

const ndjsonEvents = async (args: string[]) =>
  (await runCli([...args, '--ndjson'])).stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line));

describe('--count N --array', () => {
  test('is one JSON array of the events --ndjson gives for the same seed, indented as JSON.stringify does', async () => {
    const args = ['apigw-v2', '--count', '3', '--seed', '5'];
    const result = await runCli([...args, '--array']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const events = await ndjsonEvents(args);
    expect(events).toHaveLength(3);
    expect(result.stdout).toBe(`${JSON.stringify(events, null, 2)}\n`);
  });

  test('--compact makes it one line; one event is an array of one', async () => {
    const args = ['sqs', '--count', '2', '--seed', '5', '--body', 'x'];
    const compact = await runCli([...args, '--array', '--compact']);
    expect(compact.stdout).toBe(`${JSON.stringify(await ndjsonEvents(args))}\n`);
    const one = JSON.parse((await runCli(['sqs', '--array', '--seed', '5'])).stdout);
    expect(one).toHaveLength(1);
    expect(one[0].Records).toHaveLength(1);
  });

  test('--out writes the array to a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gen-event-array-')), 'events.json');
    const written = await runCli(['direct', '--count', '4', '--array', '--seed', '1', '--out', file]);
    expect(written.stdout).toBe('');
    expect(written.status).toBe(0);
    const printed = await runCli(['direct', '--count', '4', '--array', '--seed', '1']);
    expect(readFileSync(file, 'utf8')).toBe(printed.stdout);
  });

  test.each([
    [['--array', '--ndjson'], 'gen-event: --array and --ndjson are two formats (give one of them)'],
    [
      ['--array', '--out', 'dir/'],
      'gen-event: --array writes one file, but --out dir/ is a folder (name a file such as events.json)',
    ],
    [
      ['--array', '--name', 'e-{n}.json'],
      'gen-event: --name names files in a folder (drop --name with --array)',
    ],
    [
      [],
      'gen-event: --count 2 makes many events (add --ndjson for one event per line, --array for one JSON array, or --out <dir>/ for one file each)',
    ],
  ])('refuses %j', async (args, stderr) => {
    const result = await runCli(['sqs', '--count', '2', ...args]);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${stderr}\n`);
    expect(result.status).toBe(2);
  });
});
