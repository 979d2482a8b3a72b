import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';

// Which of Node's own modules a run of the built command loads: read from process.moduleLoadList at
// exit by a preloaded file. The streams stack (node:stream, net, zlib, fs/promises, readline) costs
// milliseconds of every start, so a run loads it only when it uses it.
const dir = mkdtempSync(join(tmpdir(), 'gen-event-builtins-'));
const probe = join(dir, 'probe.cjs');
const eventFile = join(dir, 'event.json');
writeFileSync(
  probe,
  `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(join(dir, 'loaded.json'))}, JSON.stringify(process.moduleLoadList)));\n`,
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function modulesLoaded(args: readonly string[]): Set<string> {
  const result = spawnSync(process.execPath, ['--require', probe, binPath, ...args], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const list = JSON.parse(readFileSync(join(dir, 'loaded.json'), 'utf8')) as string[];
  return new Set(list.filter((entry) => entry.startsWith('NativeModule ')).map((entry) => entry.slice(13)));
}

const STREAMS = ['stream', 'net', 'zlib', 'internal/fs/promises', 'internal/fs/streams', 'readline'];

describe('built-in modules a run loads', () => {
  writeFileSync(eventFile, spawnSync(process.execPath, [binPath, 'sqs', '--seed', '1']).stdout);

  it.each([
    ['sqs'],
    ['sqs --body @<file>'],
    ['check <file>'],
    ['websocket'],
    ['apigw-v2 --source-ip 2001:db8::7'],
    ['cloudfront --event-type origin-request --source-ip 203.0.113.9'],
    ['kafka'],
    ['firehose'],
    ['kinesis'],
  ])('%s: none of the streams stack', (command) => {
    const loaded = modulesLoaded(command.replace('<file>', eventFile).split(' '));
    expect(STREAMS.filter((name) => loaded.has(name))).toStrictEqual([]);
  });

  it('cloudwatch-logs loads zlib, whose gzip its payload is', () => {
    expect(modulesLoaded(['cloudwatch-logs']).has('zlib')).toBe(true);
  });

  it.each([['sqs --body x'], ['function-url'], ['authorizer'], ['kafka'], ['cognito'], ['cloudwatch-logs']])(
    '%s reads each chunk of the command once',
    (command) => {
      const record = join(dir, 'files.json');
      const reads = join(dir, 'reads.cjs');
      writeFileSync(
        reads,
        `const fs = require('node:fs'); const read = fs.readFileSync; const seen = [];
fs.readFileSync = function (path, ...rest) { if (String(path).endsWith('.cjs')) seen.push(String(path)); return read.call(this, path, ...rest); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify(seen)));\n`,
      );
      const result = spawnSync(process.execPath, ['--require', reads, binPath, ...command.split(' ')]);
      expect(result.status).toBe(0);
      const files = JSON.parse(readFileSync(record, 'utf8')) as string[];
      const chunks = files.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/__define\("([\w-]+)"/g)].map(([, chunk]) => chunk),
      );
      expect(files.length).toBeGreaterThanOrEqual(4);
      expect(chunks.length - new Set(chunks).size).toBe(0);
    },
  );
});
