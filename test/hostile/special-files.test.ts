import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../helpers/cli.js';

/**
 * Everything here happens in a scratch folder: FIFOs and a socket are made in it, and the character
 * device is a copy of /dev/null made there with mknod (as root), so no real device is ever touched.
 */
const scratch = mkdtempSync(join(tmpdir(), 'gen-event-special-'));
const outside = mkdtempSync(join(tmpdir(), 'gen-event-outside-'));
const asRoot = process.getuid?.() === 0;
let server: Server;

beforeAll(async () => {
  spawnSync('mkfifo', [join(scratch, 'fifo')]);
  if (asRoot) spawnSync('mknod', [join(scratch, 'null-device'), 'c', '1', '3']);
  server = createServer();
  await new Promise<void>((resolve) => server.listen(join(scratch, 'socket'), resolve));
  symlinkSync('nowhere.json', join(scratch, 'dangling.json'));
  writeFileSync(join(outside, 'secret.json'), '{"keep":true}\n');
});
afterAll(() => {
  server.close();
  rmSync(scratch, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function gen(args: readonly string[], cwd = scratch) {
  const result = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', timeout: 20_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const kind = (path: string) => {
  const info = lstatSync(path);
  return info.isFIFO()
    ? 'fifo'
    : info.isCharacterDevice()
      ? 'char'
      : info.isSocket()
        ? 'socket'
        : info.isSymbolicLink()
          ? 'link'
          : info.isFile()
            ? 'file'
            : 'other';
};

describe('--out never replaces what is not a regular file', () => {
  for (const force of [[], ['--force']]) {
    it.runIf(asRoot)(`a character device ${force.join('')}: written into, still a device`, () => {
      const single = gen(['sqs', '--out', 'null-device', ...force]);
      expect(single.stderr).toBe('');
      expect(single.status).toBe(0);
      const ndjson = gen(['sqs', '--count', '3', '--ndjson', '--out', 'null-device', ...force]);
      expect(ndjson.status).toBe(0);
      expect(kind(join(scratch, 'null-device'))).toBe('char');
      expect(readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    });

    it(`a FIFO ${force.join('')}: its reader gets the event, it stays a FIFO`, async () => {
      const reader = spawn('cat', [join(scratch, 'fifo')]);
      let read = '';
      reader.stdout.on('data', (chunk) => {
        read += chunk;
      });
      const done = new Promise((resolve) => reader.on('close', resolve));
      const result = await new Promise<number | null>((resolve) =>
        spawn(process.execPath, [binPath, 'sqs', '--seed', '1', '--out', 'fifo', ...force], {
          cwd: scratch,
        }).on('close', resolve),
      );
      await done;
      expect(result).toBe(0);
      expect(read).toBe(gen(['sqs', '--seed', '1']).stdout);
      expect(kind(join(scratch, 'fifo'))).toBe('fifo');
    });

    it(`a socket ${force.join('')}: refused, left as it is`, () => {
      const result = gen(['sqs', '--out', 'socket', ...force]);
      expect(result.stderr).toBe(
        'gen-event: socket is a socket, not a file (name a regular file, a FIFO or a device)\n',
      );
      expect(result.status).toBe(2);
      expect(kind(join(scratch, 'socket'))).toBe('socket');
    });

    it(`a dangling symbolic link ${force.join('')}: a message about the link`, () => {
      const result = gen(['sqs', '--out', 'dangling.json', ...force]);
      expect(result.stderr).toBe(
        'gen-event: dangling.json is a symbolic link to nowhere.json, which does not exist (remove the link, or name another file)\n',
      );
      expect(result.status).toBe(2);
      expect(readlinkSync(join(scratch, 'dangling.json'))).toBe('nowhere.json');
      expect(existsSync(join(scratch, 'nowhere.json'))).toBe(false);
    });
  }

  it('a symbolic link to a file: refused without --force; with it the file it names is replaced, the link stays', () => {
    const dir = mkdtempSync(join(scratch, 'link-'));
    writeFileSync(join(dir, 'v1.json'), '{}\n');
    symlinkSync('v1.json', join(dir, 'current.json'));
    expect(gen(['sqs', '--out', 'current.json'], dir).status).toBe(2);
    expect(gen(['sqs', '--seed', '1', '--out', 'current.json', '--force'], dir).status).toBe(0);
    expect(kind(join(dir, 'current.json'))).toBe('link');
    expect(readFileSync(join(dir, 'v1.json'), 'utf8')).toBe(gen(['sqs', '--seed', '1']).stdout);
    expect(readdirSync(dir).sort()).toEqual(['current.json', 'v1.json']);
  });
});

describe('output never leaves the named folder through a symbolic link inside it', () => {
  it('a link where an event file goes, or where a folder of the name pattern goes: refused even with --force', () => {
    const dir = mkdtempSync(join(scratch, 'folder-'));
    mkdirSync(join(dir, 'events'));
    symlinkSync(join(outside, 'secret.json'), join(dir, 'events', 'sqs-2.json'));
    symlinkSync(outside, join(dir, 'events', 'sub'));
    for (const force of [[], ['--force']]) {
      expect(gen(['sqs', '--count', '3', '--out', 'events/', ...force], dir).stderr).toBe(
        'gen-event: events/sqs-2.json is a symbolic link, where this run writes a file (output stays inside the folder and replaces only files; remove it or choose other names)\n',
      );
      expect(
        gen(['sqs', '--count', '3', '--out', 'events/', '--name', 'sub/{n}.json', ...force], dir).stderr,
      ).toBe(
        'gen-event: events/sub is a symbolic link, where this run writes a folder (output stays inside the folder and replaces only files; remove it or choose other names)\n',
      );
    }
    expect(readdirSync(join(dir, 'events')).sort()).toEqual(['sqs-2.json', 'sub']);
    expect(readdirSync(outside)).toEqual(['secret.json']);
    expect(readFileSync(join(outside, 'secret.json'), 'utf8')).toBe('{"keep":true}\n');
  });

  it('a FIFO or a folder where an event file goes: refused; names the pattern never makes are ignored', () => {
    const dir = mkdtempSync(join(scratch, 'folder-'));
    mkdirSync(join(dir, 'events', 'sqs-1.json'), { recursive: true });
    spawnSync('mkfifo', [join(dir, 'events', 'sqs-3.json')]);
    writeFileSync(join(dir, 'events', 'sqs-9.json'), 'not ours\n'); // beyond --count 3: never written
    expect(gen(['sqs', '--count', '3', '--out', 'events/', '--force'], dir).stderr).toMatch(
      /^gen-event: events\/sqs-(1\.json is a folder|3\.json is a FIFO), where this run writes a file /,
    );
    rmSync(join(dir, 'events', 'sqs-1.json'), { recursive: true });
    rmSync(join(dir, 'events', 'sqs-3.json'));
    expect(gen(['sqs', '--count', '3', '--out', 'events/'], dir).status).toBe(0);
    expect(readdirSync(join(dir, 'events')).sort()).toEqual([
      'sqs-1.json',
      'sqs-2.json',
      'sqs-3.json',
      'sqs-9.json',
    ]);
    expect(readFileSync(join(dir, 'events', 'sqs-9.json'), 'utf8')).toBe('not ours\n');
  });

  it('existing files among the targets are found without listing every name, and only real clashes count', () => {
    const dir = mkdtempSync(join(scratch, 'folder-'));
    mkdirSync(join(dir, 'events'));
    for (const name of ['order-007.json', 'order-120.json', 'order-121.json', 'order-07.json', 'other.json'])
      writeFileSync(join(dir, 'events', name), '{}\n');
    expect(gen(['sqs', '--count', '120', '--out', 'events/', '--name', 'order-{n}.json'], dir).stderr).toBe(
      'gen-event: 2 file(s) in events/ already exist: order-007.json, order-120.json (add --force to replace them)\n',
    );
  });
});

describe('recipes stay in their folder and never overwrite what they read', () => {
  const recipe = (dir: string, body: unknown) =>
    writeFileSync(join(dir, 'recipe.json'), JSON.stringify(body));

  it('a fixture named like the recipe or a file the recipe reads is refused, even with --force', () => {
    const dir = mkdtempSync(join(scratch, 'recipe-'));
    mkdirSync(join(dir, 'payloads'));
    writeFileSync(join(dir, 'payloads', 'refund.json'), '{"a":1}');
    recipe(dir, { fixtures: { recipe: { source: 'sqs' } } });
    expect(gen(['seed', 'recipe.json', '--force'], dir).stderr).toBe(
      `gen-event: the fixture recipe.json would replace a file the recipe reads (rename the fixture, or move the file it would replace)\n`,
    );
    recipe(dir, {
      fixtures: { 'payloads/refund': { source: 'direct', options: { payload: '@payloads/refund.json' } } },
    });
    expect(gen(['seed', 'recipe.json', '--force'], dir).status).toBe(2);
    expect(readFileSync(join(dir, 'payloads', 'refund.json'), 'utf8')).toBe('{"a":1}');
  });

  it('an out outside the recipe folder, absolute, or through a link is refused unless --allow-outside', () => {
    const dir = mkdtempSync(join(scratch, 'recipe-'));
    symlinkSync(outside, join(dir, 'linked'));
    const cases: [string, string][] = [
      ['../elsewhere', `out "../elsewhere" is outside the recipe's folder`],
      [join(dir, 'abs'), `out "${join(dir, 'abs')}" is an absolute path`],
      ['linked/fixtures', `out "linked/fixtures" is outside the recipe's folder`],
    ];
    for (const [out, what] of cases) {
      recipe(dir, { out, fixtures: { a: { source: 'sqs' } } });
      const result = gen(['seed', 'recipe.json'], dir);
      expect(result.stderr).toBe(
        `gen-event: recipe.json: ${what} (name a folder inside the recipe's folder, or run with --allow-outside to allow it)\n`,
      );
      expect(result.status).toBe(2);
    }
    expect(readdirSync(outside)).toEqual(['secret.json']);
    recipe(dir, { out: join(dir, 'abs'), fixtures: { a: { source: 'sqs' } } });
    expect(gen(['seed', 'recipe.json', '--allow-outside'], dir).stdout).toBe(
      '1 written, 0 unchanged in abs\n',
    );
  });

  it('seed and seed --check never follow a link inside the output folder', () => {
    const dir = mkdtempSync(join(scratch, 'recipe-'));
    mkdirSync(join(dir, 'fixtures'));
    symlinkSync(join(outside, 'secret.json'), join(dir, 'fixtures', 'a.json'));
    symlinkSync(outside, join(dir, 'fixtures', 'sub'));
    recipe(dir, { out: 'fixtures', fixtures: { a: { source: 'sqs' } } });
    for (const mode of [[], ['--check'], ['--force']]) {
      expect(gen(['seed', 'recipe.json', ...mode], dir).stderr).toBe(
        `gen-event: ${join(dir, 'fixtures', 'a.json')} is a symbolic link, where the recipe writes a fixture file (fixtures stay inside the output folder and replace only files; remove it or rename the fixture)\n`,
      );
    }
    recipe(dir, { out: 'fixtures', fixtures: { 'sub/b': { source: 'sqs' } } });
    expect(gen(['seed', 'recipe.json', '--check'], dir).status).toBe(2);
    // A link the recipe does not name is neither followed nor reported as an extra fixture.
    recipe(dir, { out: 'fixtures', fixtures: { c: { source: 'sqs' } } });
    expect(gen(['seed', 'recipe.json'], dir).stdout).toBe('1 written, 0 unchanged in fixtures\n');
    expect(gen(['seed', 'recipe.json', '--check'], dir).stdout).toBe('1 fixture(s) match recipe.json\n');
    expect(readFileSync(join(outside, 'secret.json'), 'utf8')).toBe('{"keep":true}\n');
    expect(readdirSync(outside)).toEqual(['secret.json']);
  });
});
