import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';

// Node 20 reserves about 730 MB of address space before it runs any code; under `ulimit -v 1048576`
// inputs of a few megabytes used to abort the process inside V8 or a native realloc.
const ONE_GIB_KB = 1_048_576;
const dir = mkdtempSync(join(tmpdir(), 'gen-event-ulimit-'));
const text8mb = join(dir, 'body-8mb.txt');
const binary4mb = join(dir, 'body-4mib.bin');
writeFileSync(text8mb, 'a'.repeat(8_000_000));
writeFileSync(binary4mb, Buffer.alloc(4 * 1024 * 1024, 0xff));

function underOneGiB(args: readonly string[]) {
  const quoted = args.map((arg) => `'${arg}'`).join(' ');
  return spawnSync('bash', ['-c', `ulimit -v ${ONE_GIB_KB}; exec node '${binPath}' ${quoted} > /dev/null`], {
    encoding: 'utf8',
  });
}

describe('under ulimit -v of 1 GiB', () => {
  it.each([
    ['an 8 MB SQS body', ['sqs', '--body', `@${text8mb}`]],
    ['a 4 MiB binary HTTP API body', ['apigw-v2', '--body', `@${binary4mb}`]],
    ['a 4 MiB binary REST body', ['rest', '--body', `@${binary4mb}`, '--binary-media-type', '*/*']],
  ])('%s makes its event', (_, args) => {
    const result = underOneGiB(args);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line !== '' && !line.includes('warning:'))).toEqual([]);
  });

  it('an endless input is still the one-line limit error', () => {
    const result = underOneGiB(['sqs', '--body', '@/dev/zero']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'gen-event: /dev/zero is larger than the input limit of 8388608 bytes (give a smaller input, or raise the limit with --max-input <bytes>, up to 536870888)\n',
    );
  });

  it('SIGTERM still stops a folder write between whole files, with status 143', async () => {
    const out = join(dir, 'many');
    const child = spawn('bash', [
      '-c',
      `ulimit -v ${ONE_GIB_KB}; exec node '${binPath}' sqs --count 100000000 --out '${out}/'`,
    ]);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Stop it once it has written files.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        try {
          if (readdirSync(out).length > 0) {
            clearInterval(poll);
            resolve();
          }
        } catch {
          // not created yet
        }
      }, 50);
    });
    child.kill('SIGTERM');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(status).toBe(143);
    expect(stderr).toMatch(
      /^gen-event: stopped by SIGTERM after \d+ of 100000000 files \(each written file is whole\)\n$/,
    );
    expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
