import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PARALLEL_MIN_EVENTS } from '../../src/cli/parallel-ndjson.js';
import { createEventStream, serializeEvent } from '../../src/core/engine.js';
import { ArgumentReader } from '../../src/core/inputs.js';
import type { Source } from '../../src/sources/source.js';
import { sqs } from '../../src/sources/sqs/index.js';
import { binPath, spawnCli } from '../helpers/cli.js';
import { sources } from '../helpers/sources.js';

// Long enough for worker threads, several blocks each, and a last block that is not full.
const COUNT = PARALLEL_MIN_EVENTS + 1234;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const tempDir = () => mkdtempSync(join(tmpdir(), 'gen-event-parallel-'));

/** The run as one thread builds it, through the engine directly. */
async function oneThreadDigest(source: Source<unknown>, options: object): Promise<string> {
  const stream = await createEventStream(source, options);
  const hash = createHash('sha256');
  for (let i = 0; i < COUNT; i++) hash.update(serializeEvent(stream.next(), true));
  return hash.digest('hex');
}

describe('a long --ndjson run is built by several threads and is byte for byte the one-thread run', () => {
  it.skipIf(availableParallelism() < 2)('worker threads do take part', () => {
    const dir = tempDir();
    const result = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        binPath,
        'sqs',
        '--body',
        'x',
        '--count',
        String(COUNT),
        '--ndjson',
      ],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
    );
    expect(result.status).toBe(0);
    // One CPU profile per thread: the main thread and each worker.
    const threads = readdirSync(dir).filter((name) => name.endsWith('.cpuprofile')).length;
    expect(threads).toBe(1 + Math.min(availableParallelism() - 1, 3));
  });

  it.each(sources.map((source) => [source.name, source] as const))('%s with a seed', async (name, source) => {
    const result = spawnCli([name, '--seed', 'parallel', '--count', String(COUNT), '--ndjson']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toHaveLength(COUNT + 1);
    // The library options the CLI reads from these arguments (a WebSocket run of several events is one connection).
    const options = (await source.fromRaw({ count: COUNT }, new ArgumentReader())) as object;
    expect(sha256(result.stdout)).toBe(await oneThreadDigest(source, { ...options, seed: 'parallel' }));
  });

  it('big events make short blocks, and the bytes are still those of one thread', async () => {
    const args = [
      'sqs',
      '--records',
      '20',
      '--body',
      'x',
      '--seed',
      'big',
      '--count',
      String(COUNT),
      '--ndjson',
    ];
    const result = spawnCli(args);
    expect(result.status).toBe(0);
    const one = await oneThreadDigest(sqs, { records: 20, bodies: ['x'], seed: 'big' });
    expect(sha256(result.stdout)).toBe(one);
  });

  it('without a seed every thread shares the run: one queue and account, a clock that only moves forward', () => {
    const result = spawnCli(['sqs', '--count', String(COUNT), '--ndjson']);
    expect(result.status).toBe(0);
    const records = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).Records[0]);
    expect(new Set(records.map((record) => record.eventSourceARN)).size).toBe(1);
    expect(new Set(records.map((record) => record.messageId)).size).toBe(COUNT);
    const received = records.map((record) => Number(record.attributes.ApproximateFirstReceiveTimestamp));
    for (let i = 1; i < received.length; i++) {
      expect(received[i] as number).toBeGreaterThan(received[i - 1] as number);
    }
  });

  it('--out FILE gets the same bytes as standard output', () => {
    const file = join(tempDir(), 'events.ndjson');
    const args = ['sqs', '--body', 'x', '--seed', '4', '--count', String(COUNT), '--ndjson'];
    expect(spawnCli([...args, '--out', file]).status).toBe(0);
    expect(sha256(readFileSync(file, 'utf8'))).toBe(sha256(spawnCli(args).stdout));
  });

  it('a warning of every event is said once, as in a short run', () => {
    const args = ['sqs', '--fifo', '--body', 'a', '--body', 'a', '--seed', '1', '--ndjson', '--count'];
    const long = spawnCli([...args, String(COUNT)]);
    expect(long.status).toBe(0);
    expect(long.stderr).toBe(spawnCli([...args, '2']).stderr);
    expect(long.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an error stops the run with the one-line message and status of a short run', () => {
    const args = ['direct', '--payload', '1', '--set', 'a=1', '--ndjson', '--count'];
    const short = spawnCli([...args, '2']);
    expect(short.status).toBe(2);
    expect(spawnCli([...args, String(COUNT)])).toEqual(short);
  });
});
