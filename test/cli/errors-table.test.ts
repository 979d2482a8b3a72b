import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandFolder } from '../helpers/cli-process.js';

/** The rows of the README's error table: what goes wrong, the command, its exit status and its stderr. */
function readmeRows(): { what: string; command: string; status: number; stderr: string }[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('| bad input | command | exit | stderr |'));
  const lines = section.split('\n').slice(2);
  const end = lines.findIndex((line) => !line.startsWith('| ')); // the table ends at its first other line
  return lines.slice(0, end < 0 ? undefined : end).map((line) => {
    const cells = line
      .slice(2, -2)
      .split(/ \| (?=`|\(|\d)/)
      .map((cell) => cell.trim());
    const [what = '', command = '', status = '', stderr = ''] = cells;
    const code = (cell: string) => (cell.startsWith('`') ? cell.slice(1, -1).replaceAll('\\|', '|') : '');
    return { what, command: code(command), status: Number(status), stderr: code(stderr) };
  });
}

/** A working folder like the one the table describes, and a `gen-event` on the PATH. */
function workplace(): { cwd: string; path: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'gen-event-errors-'));
  mkdirSync(join(cwd, 'fixtures'));
  writeFileSync(join(cwd, 'existing.json'), '{}\n');
  writeFileSync(join(cwd, 'README.md'), '# notes\n');
  const bin = commandFolder();
  for (const dir of [cwd, bin]) chmodSync(dir, 0o755);
  return { cwd, path: `${bin}:${process.env.PATH}` };
}

const rows = readmeRows();
const asRoot = process.getuid?.() === 0;

describe('every row of the README error table', () => {
  it('the table is there and only the signal and small-disk rows are tested elsewhere', () => {
    expect(rows.length).toBeGreaterThan(35);
    expect(rows.filter((r) => r.command === '').map((r) => r.what)).toEqual([
      'Ctrl-C during a folder write',
      'SIGTERM during a folder write',
      'SIGHUP during --ndjson --out',
      'a full disk part-way through a folder',
    ]);
  });

  for (const row of rows.filter((r) => r.command !== '')) {
    it(`${row.what}: ${row.command.slice(0, 70)}`, () => {
      const { cwd, path } = workplace();
      // Root reads every file: the unreadable-file row runs as an unprivileged user.
      const unprivileged = asRoot && row.command.includes('/etc/shadow');
      const shell = unprivileged
        ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'bash']
        : ['bash'];
      const [program = 'bash', ...args] = shell;
      const result = spawnSync(program, [...args, '-c', `set -o pipefail; ${row.command}`], {
        cwd,
        env: { ...process.env, PATH: path },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(result.stderr).toBe(row.stderr === '' ? '' : `${row.stderr}\n`);
      expect(result.status).toBe(row.status);
      if (row.status !== 0) {
        expect(result.stdout).toBe('');
        expect(readdirSync(cwd).sort()).toEqual(['README.md', 'existing.json', 'fixtures']);
        expect(readdirSync(join(cwd, 'fixtures'))).toEqual([]);
      }
      expect(readFileSync(join(cwd, 'existing.json'), 'utf8')).toBe('{}\n');
      expect(readFileSync(join(cwd, 'README.md'), 'utf8')).toBe('# notes\n');
    });
  }
});
