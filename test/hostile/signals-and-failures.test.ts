import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { STOP_SIGNALS, type StopSignal } from '../../src/core/errors.js';
import { binPath } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gen-event-signals-'));
let folders = 0;
const folder = () => {
  const dir = join(scratch, `run-${++folders}`);
  mkdirSync(dir);
  return dir;
};

interface Ended {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: readonly string[], cwd: string): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [binPath, ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const ended = new Promise<Ended>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, ended };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 30_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Every entry under a folder, with the names of temporary files (dot files) among them. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

const stopped = (signal: StopSignal) => (signal === 'SIGINT' ? 'interrupted' : `stopped by ${signal}`);

describe('a signal during a write stops between whole files', () => {
  for (const signal of Object.keys(STOP_SIGNALS) as StopSignal[]) {
    it(`${signal} during --out <dir>/: exit ${STOP_SIGNALS[signal]}, only whole files, no temporary file`, async () => {
      const dir = folder();
      const { child, ended } = start(['sqs', '--count', '50000', '--out', 'events/', '--records', '20'], dir);
      await until(
        () => readdirSync(dir).includes('events') && readdirSync(join(dir, 'events')).length >= 10,
        'files',
      );
      child.kill(signal);
      const result = await ended;
      expect(result.status).toBe(STOP_SIGNALS[signal]);
      const match = new RegExp(
        `^gen-event: ${stopped(signal)} after (\\d+) of 50000 files \\(each written file is whole\\)\\n$`,
      ).exec(result.stderr);
      expect(match, result.stderr).not.toBeNull();
      const names = entries(join(dir, 'events'));
      expect(names.length).toBe(Number(match?.[1]));
      expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
      for (const name of names)
        expect(() => JSON.parse(readFileSync(join(dir, 'events', name), 'utf8'))).not.toThrow();
    });

    it(`${signal} during --ndjson --out <file>: exit ${STOP_SIGNALS[signal]}, no file and no temporary file`, async () => {
      const dir = folder();
      const { child, ended } = start(['sqs', '--count', '5000000', '--ndjson', '--out', 'load.ndjson'], dir);
      await until(() => readdirSync(dir).some((name) => name.endsWith('.tmp')), 'the temporary file');
      child.kill(signal);
      const result = await ended;
      expect(result.status).toBe(STOP_SIGNALS[signal]);
      expect(result.stderr).toMatch(
        new RegExp(`^gen-event: ${stopped(signal)} after \\d+ events; load.ndjson was not written\\n$`),
      );
      expect(readdirSync(dir)).toEqual([]);
    });

    it(`${signal} during seed: exit ${STOP_SIGNALS[signal]}, whole fixtures only`, async () => {
      const dir = folder();
      const fixtures = Object.fromEntries(
        Array.from({ length: 2000 }, (_, i) => [
          `f${i}`,
          { source: 'sqs', options: { body: 'x', compact: true } },
        ]),
      );
      writeFileSync(join(dir, 'recipe.json'), JSON.stringify({ out: 'fixtures', fixtures }));
      const { child, ended } = start(['seed', 'recipe.json'], dir);
      await until(() => readdirSync(dir).includes('fixtures'), 'the first fixture');
      child.kill(signal);
      const result = await ended;
      expect(result.status).toBe(STOP_SIGNALS[signal]);
      const match = new RegExp(
        `^gen-event: ${stopped(signal)} after (\\d+) of 2000 files \\(each written file is whole\\)\\n$`,
      ).exec(result.stderr);
      expect(match, result.stderr).not.toBeNull();
      const names = entries(join(dir, 'fixtures'));
      expect(names.length).toBe(Number(match?.[1]));
      expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
      expect(result.stdout).toBe('');
    });
  }

  it('Ctrl-C during a long single build ends the run at once, writing nothing', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'slow.schema.json'),
      '{"type":"array","minItems":300000,"maxItems":300000,"items":{"type":"integer"}}',
    );
    const { child, ended } = start(['direct', '--schema', 'slow.schema.json', '--out', 'event.json'], dir);
    await new Promise((resolve) => setTimeout(resolve, 800));
    const sent = Date.now();
    child.kill('SIGINT');
    const result = await ended;
    expect(Date.now() - sent).toBeLessThan(3000);
    // Nothing is being written, so no handler holds the signal: the process ends by it, as a shell expects.
    expect(result.signal).toBe('SIGINT');
    expect(readdirSync(dir)).toEqual(['slow.schema.json']);
  });
});

/** A small tmpfs, so a write runs out of space part-way; mounting needs root, else these tests skip. */
const mountPoint = join(scratch, 'small-disk');
const mounted = (() => {
  if (process.getuid?.() !== 0) return false;
  mkdirSync(mountPoint);
  return spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint]).status === 0;
})();
afterAll(() => {
  if (mounted) spawnSync('umount', [mountPoint]);
  rmSync(scratch, { recursive: true, force: true });
});

describe('a full disk part-way says how many files were written', () => {
  it.runIf(mounted)('a folder: N of M files, the disk is full, exit 1, no temporary file', async () => {
    const { ended } = start(['sqs', '--count', '1000', '--out', 'events/'], mountPoint);
    const result = await ended;
    expect(result.status).toBe(1);
    const match =
      /^gen-event: events\/sqs-(\d{4})\.json cannot be written: the disk is full, after (\d+) of 1000 files were written \(each written file is whole; free some space, or write elsewhere\)\n$/.exec(
        result.stderr,
      );
    expect(match, result.stderr).not.toBeNull();
    expect(Number(match?.[1])).toBe(Number(match?.[2]) + 1);
    const names = entries(join(mountPoint, 'events'));
    expect(names.length).toBe(Number(match?.[2]));
    expect(names.filter((name) => name.startsWith('.'))).toEqual([]);
    for (const name of names)
      expect(() => JSON.parse(readFileSync(join(mountPoint, 'events', name), 'utf8'))).not.toThrow();
    rmSync(join(mountPoint, 'events'), { recursive: true });
  });

  it.runIf(mounted)('--ndjson --out: exit 1, nothing left behind', async () => {
    const { ended } = start(['sqs', '--count', '100000', '--ndjson', '--out', 'load.ndjson'], mountPoint);
    const result = await ended;
    expect(result.stderr).toBe(
      'gen-event: load.ndjson cannot be written: the disk is full (free some space, or write elsewhere)\n',
    );
    expect(result.status).toBe(1);
    expect(readdirSync(mountPoint)).toEqual([]);
  });

  it.runIf(mounted)('seed: N of M fixtures, exit 1', async () => {
    const fixtures = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`f${i}`, { source: 'sqs' }]));
    writeFileSync(join(mountPoint, 'recipe.json'), JSON.stringify({ out: 'fixtures', fixtures }));
    const { ended } = start(['seed', 'recipe.json'], mountPoint);
    const result = await ended;
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^gen-event: \S+ cannot be written: the disk is full, after \d+ of 400 files were written \(each written file is whole; free some space, or write elsewhere\)\n$/,
    );
    expect(entries(join(mountPoint, 'fixtures')).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('--ndjson --out /dev/full: exit 1 with the same message', async () => {
    const { ended } = start(['sqs', '--count', '5', '--ndjson', '--out', '/dev/full'], scratch);
    const result = await ended;
    expect(result.stderr).toBe(
      'gen-event: /dev/full cannot be written: the disk is full (free some space, or write elsewhere)\n',
    );
    expect(result.status).toBe(1);
  });
});

describe('a refused run creates nothing', () => {
  const runs: [string, string[], number][] = [
    [
      'an input that is missing, into a new folder',
      ['sqs', '--body', '@missing', '--out', 'new/deep/event.json'],
      1,
    ],
    [
      'a --strict refusal, into a new folder of events',
      ['sqs', '--records', '4000', '--body', 'x'.repeat(2000), '--strict', '--count', '3', '--out', 'new/'],
      2,
    ],
    [
      'an event too long for a string',
      ['sqs', '--records', '10000', '--body', '@big.txt', '--out', 'new/x.json'],
      2,
    ],
  ];
  for (const [what, args, status] of runs) {
    it(what, async () => {
      const dir = folder();
      writeFileSync(join(dir, 'big.txt'), 'x'.repeat(100_000));
      const result = await start(args, dir).ended;
      expect(result.status, result.stderr).toBe(status);
      expect(readdirSync(dir)).toEqual(['big.txt']);
    });
  }

  it('a recipe whose fixtures clash (x and x.json/y): nothing written', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'recipe.json'),
      JSON.stringify({
        out: 'f',
        fixtures: { a: { source: 'sqs' }, x: { source: 'sqs' }, 'x.json/y': { source: 'sqs' } },
      }),
    );
    const result = await start(['seed', 'recipe.json'], dir).ended;
    expect(result.stderr).toBe(
      'gen-event: the fixtures x.json and x.json/y.json clash: x.json would be both a file and a folder (rename one of the fixtures)\n',
    );
    expect(result.status).toBe(2);
    expect(readdirSync(dir)).toEqual(['recipe.json']);
  });

  it('a recipe whose last fixture is impossible: no earlier fixture written', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'recipe.json'),
      JSON.stringify({
        out: 'f',
        fixtures: { a: { source: 'sqs' }, b: { source: 'sqs', options: { body: '@missing.txt' } } },
      }),
    );
    const result = await start(['seed', 'recipe.json'], dir).ended;
    expect(result.status).toBe(1);
    expect(readdirSync(dir)).toEqual(['recipe.json']);
  });

  it('the temporary name never makes a legal name fail: a 255-byte file name works', async () => {
    const dir = folder();
    const name = `${'a'.repeat(250)}.json`;
    const single = await start(['sqs', '--out', name], dir).ended;
    expect(single.stderr).toBe('');
    const many = await start(
      ['sqs', '--count', '12', '--out', 'f/', '--name', `${'b'.repeat(245)}-{n}.json`],
      dir,
    ).ended;
    expect(many.stderr).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['f', name].sort());
    expect(readdirSync(join(dir, 'f'))).toHaveLength(12);
  });
});
