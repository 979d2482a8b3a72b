import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, runCli, spawnCli } from '../helpers/cli.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'gen-event-many-'));

/** Every file of a folder with its bytes and modification time. */
function snapshot(dir: string): Record<string, { text: string; mtime: number }> {
  const out: Record<string, { text: string; mtime: number }> = {};
  for (const name of readdirSync(dir).sort()) {
    out[name] = { text: readFileSync(join(dir, name), 'utf8'), mtime: statSync(join(dir, name)).mtimeMs };
  }
  return out;
}

describe('--count --out DIR/', () => {
  it('a seeded folder of 50 events is identical across two runs', async () => {
    const [a, b] = [tempDir(), tempDir()];
    expect((await runCli(['sqs', '--count', '50', '--out', `${a}/`, '--seed', '3'])).status).toBe(0);
    expect((await runCli(['sqs', '--count', '50', '--out', `${b}/`, '--seed', '3'])).status).toBe(0);
    const first = snapshot(a);
    expect(Object.keys(first)).toHaveLength(50);
    expect(Object.keys(first)[0]).toBe('sqs-01.json');
    expect(Object.keys(first)[49]).toBe('sqs-50.json');
    const second = snapshot(b);
    for (const name of Object.keys(first)) expect(second[name]?.text).toBe(first[name]?.text);
  });

  it('events are independent and move forward in time', async () => {
    const dir = tempDir();
    await runCli(['sqs', '--count', '20', '--out', dir, '--body', 'x', '--seed', '1']);
    const events = readdirSync(dir)
      .sort()
      .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
    const ids = events.map((e) => e.Records[0].messageId);
    expect(new Set(ids).size).toBe(20);
    const times = events.map((e) => Number(e.Records[0].attributes.ApproximateFirstReceiveTimestamp));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1] as number);
  });

  it('--force is needed to overwrite, and a refused run changes no byte', async () => {
    const dir = tempDir();
    await runCli(['sqs', '--count', '5', '--out', `${dir}/`, '--seed', '1']);
    writeFileSync(join(dir, 'sqs-3.json'), 'my edits');
    const before = snapshot(dir);
    const refused = await runCli(['sqs', '--count', '7', '--out', `${dir}/`, '--seed', '2']);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `gen-event: 5 file(s) in ${dir}/ already exist: sqs-1.json, sqs-2.json, sqs-3.json and 2 more (add --force to replace them)\n`,
    );
    expect(snapshot(dir)).toEqual(before); // not even sqs-6.json was written
    const forced = await runCli(['sqs', '--count', '5', '--out', `${dir}/`, '--seed', '2', '--force']);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'sqs-3.json'), 'utf8')).not.toBe('my edits');
  });

  it('--name sets file names; patterns cannot leave the folder', async () => {
    const dir = tempDir();
    await runCli(['sqs', '--count', '3', '--out', `${dir}/`, '--name', 'order-{n}.json']);
    expect(readdirSync(dir).sort()).toEqual(['order-1.json', 'order-2.json', 'order-3.json']);
    for (const [pattern, message] of [
      ['../x-{n}.json', /not a plain file name/],
      ['/etc/x-{n}.json', /not a plain file name/],
      ['same.json', /has no \{n\}/],
      ['x-{i}.json', /uses \{i\}/],
    ] as const) {
      const result = await runCli(['sqs', '--count', '2', '--out', `${dir}/`, '--name', pattern]);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });

  it('a missing folder is created; a file where a folder is expected is refused', async () => {
    const dir = join(tempDir(), 'new', 'deeper');
    expect((await runCli(['direct', '--count', '2', '--out', `${dir}/`])).status).toBe(0);
    expect(readdirSync(dir)).toEqual(['direct-1.json', 'direct-2.json']);
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const result = await runCli(['sqs', '--count', '2', '--out', `${file}/`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`gen-event: ${file}/ is a file, not a folder (choose a folder for --out)\n`);
  });

  it('a read-only folder is an input error and leaves nothing behind', async () => {
    if (process.getuid?.() === 0) {
      // root writes anyway: check the refusal through a path under a file instead.
      const file = join(tempDir(), 'plain');
      writeFileSync(file, 'x');
      const result = await runCli(['sqs', '--out', join(file, 'event.json')]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/lies under a file, not a folder/);
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const result = await runCli(['sqs', '--out', join(dir, 'event.json')]);
    expect(result.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--count without --ndjson or a folder is refused with what to do', async () => {
    expect(await runCli(['sqs', '--count', '3'])).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'gen-event: --count 3 makes many events (add --ndjson for one event per line, --array for one JSON array, or --out <dir>/ for one file each)\n',
    });
  });
});

describe('--ndjson', () => {
  it('prints one compact event per line, reproducibly', async () => {
    const first = await runCli(['sqs', '--count', '25', '--ndjson', '--seed', '8']);
    const second = await runCli(['sqs', '--count', '25', '--ndjson', '--seed', '8']);
    expect(first.stdout).toBe(second.stdout);
    const lines = first.stdout.split('\n');
    expect(lines).toHaveLength(26);
    expect(lines[25]).toBe('');
    for (const line of lines.slice(0, 25)) expect(JSON.parse(line).Records).toHaveLength(1);
  });

  it('--out FILE gets the same lines, written whole', async () => {
    const path = join(tempDir(), 'events.ndjson');
    await runCli(['sqs', '--count', '25', '--ndjson', '--seed', '8', '--out', path]);
    const stdout = (await runCli(['sqs', '--count', '25', '--ndjson', '--seed', '8'])).stdout;
    expect(readFileSync(path, 'utf8')).toBe(stdout);
    expect((await runCli(['sqs', '--count', '2', '--ndjson', '--out', path])).status).toBe(2);
  });

  it('a large count runs in flat memory (peak RSS does not grow with the count)', () => {
    const peak = (count: number) => {
      const result = spawnSync(
        process.execPath,
        [
          '--import',
          'data:text/javascript,process.on("exit",()=>process.stderr.write("maxRSS="+process.resourceUsage().maxRSS))',
          binPath,
          'sqs',
          '--count',
          String(count),
          '--ndjson',
          '--body',
          'x',
        ],
        { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
      );
      expect(result.status).toBe(0);
      return Number(/maxRSS=(\d+)/.exec(result.stderr)?.[1]) / 1024;
    };
    // Both long enough to be built by worker threads too, whose memory is the same for any count.
    const small = peak(20_000);
    const large = peak(150_000);
    expect(large - small).toBeLessThan(40); // MB: a buffered run would hold ~150 MB of text
    expect(large).toBeLessThan(150);
  });

  it('stops cleanly when the reader goes away (| head -n 3)', () => {
    const result = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" "${binPath}" sqs --count 1000000 --ndjson | head -n 3`],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('a reader that cuts the output short (| head -c 10) gets no EPIPE trace', () => {
    const result = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${binPath}" sqs --records 500 | head -c 10`],
      {
        encoding: 'utf8',
      },
    );
    expect(result.stdout).toBe('{\n  "Recor');
    expect(result.stderr).toBe('');
  });
});

describe('interrupting a folder write', () => {
  it('Ctrl-C leaves only whole files and no temporary ones', async () => {
    const dir = tempDir();
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [
      binPath,
      'sqs',
      '--count',
      '50000',
      '--out',
      `${dir}/`,
      '--records',
      '50',
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    // Interrupt once writing has begun (before it, a Ctrl-C simply ends the run: nothing was written).
    for (let waited = 0; readdirSync(dir).length < 10 && waited < 20_000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(status).toBe(130);
    expect(stderr).toMatch(
      /^gen-event: interrupted after \d+ of 50000 files \(each written file is whole\)\n$/,
    );
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('.'))).toEqual([]);
    for (const name of names) expect(() => JSON.parse(readFileSync(join(dir, name), 'utf8'))).not.toThrow();
  });
});

describe('progress', () => {
  it('is shown on a terminal, one line redrawn in place, ending at the total', () => {
    const dir = tempDir();
    // `script` gives the run a terminal, as a person typing the command would.
    const result = spawnSync(
      'script',
      ['-qc', `"${process.execPath}" "${binPath}" sqs --count 3000 --out ${dir}/`, '/dev/null'],
      {
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\rgen-event: 3000\/3000 files\r?\n$/);
    expect(result.stdout.startsWith('\rgen-event: ')).toBe(true);
    expect(readdirSync(dir)).toHaveLength(3000);
  });

  it('is silent when stderr is not a terminal', () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const result = spawnCli(['sqs', '--count', '300', '--out', `${dir}/`]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('');
  });
});
