import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_INPUT, MAX_INPUT_LIMIT } from '../../src/core/inputs.js';
import { MAX_NESTING } from '../../src/core/nesting.js';
import { binPath } from '../helpers/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'gen-event-bounds-'));
const tooLarge = (origin: string, limit = DEFAULT_MAX_INPUT) =>
  `gen-event: ${origin} is larger than the input limit of ${limit} bytes (give a smaller input, or raise the limit with --max-input <bytes>, up to ${MAX_INPUT_LIMIT})\n`;

/** Runs a shell line with the built CLI as `gen` in the scratch folder; a run that never ends fails the test. */
function sh(line: string) {
  const result = spawnSync(
    'bash',
    ['-c', `set -o pipefail; gen() { "${process.execPath}" "${binPath}" "$@"; }; ${line}`],
    {
      cwd: scratch,
      encoding: 'utf8',
      timeout: 50_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  writeFileSync(join(scratch, name), text);
  return name;
}

describe('every input is read with a limit, and the limit is an error', () => {
  const endless: [string, string, string][] = [
    ['--body @/dev/zero', 'gen sqs --body @/dev/zero', '/dev/zero'],
    ['--body - from an endless pipe', 'yes | gen sqs --body -', 'standard input'],
    ['--payload - from an endless pipe', 'yes | gen direct --payload -', 'standard input'],
    ['--json @/dev/zero', 'gen apigw-v2 --json @/dev/zero', '/dev/zero'],
    ['--merge /dev/zero', 'gen sqs --merge /dev/zero', '/dev/zero'],
    ['--schema /dev/zero', 'gen direct --schema /dev/zero', '/dev/zero'],
    ['--body-schema - endless', 'yes | gen sqs --body-schema -', 'standard input'],
    ['a recipe that never ends', 'gen seed /dev/zero', '/dev/zero'],
    ['check /dev/zero (no newline ever)', 'gen check /dev/zero', '/dev/zero'],
    ['check - of endless text that is not JSON', 'yes | gen check -', 'standard input'],
  ];
  for (const [what, line, origin] of endless) {
    it(`${what}: one line, exit 1, within seconds`, () => {
      const result = sh(line);
      expect(result.signal).toBeNull();
      expect(result.stderr).toBe(tooLarge(origin));
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    });
  }

  it('a recipe file read through @ in a fixture is bounded too', () => {
    file(
      'endless-recipe.json',
      JSON.stringify({ out: 'r', fixtures: { a: { source: 'sqs', options: { body: '@/dev/zero' } } } }),
    );
    const result = sh('gen seed endless-recipe.json');
    expect(result.stderr).toBe(tooLarge('/dev/zero'));
    expect(result.status).toBe(1);
    expect(readdirSync(scratch)).not.toContain('r');
  });

  it('--max-input lowers and raises the limit; out of range is a usage error', () => {
    file('kilobyte.txt', 'x'.repeat(1024));
    expect(sh('gen sqs --body @kilobyte.txt --max-input 1000').stderr).toBe(tooLarge('kilobyte.txt', 1000));
    const over = `head -c ${DEFAULT_MAX_INPUT + 10} /dev/zero | tr '\\0' x | gen sqs --body - --compact`;
    expect(sh(over).stderr).toBe(tooLarge('standard input'));
    const raised = sh(`${over} --max-input ${DEFAULT_MAX_INPUT + 100} | wc -c`);
    expect(raised.stderr).toMatch(
      new RegExp(
        `^gen-event: warning: an SQS message is ${DEFAULT_MAX_INPUT + 10} bytes, over the SQS limit of 1048576 bytes\n` +
          'gen-event: warning: the event is \\d+ bytes, over the synchronous invoke payload limit of 6291456 bytes\n$',
      ),
    );
    expect(raised.status).toBe(0);
    expect(Number(raised.stdout.trim())).toBeGreaterThan(DEFAULT_MAX_INPUT + 10);
    expect(sh('gen sqs --max-input 0').stderr).toBe(
      `gen-event: --max-input 0 is out of range (give a number from 1 to ${MAX_INPUT_LIMIT})\n`,
    );
    expect(sh(`gen check kilobyte.txt --max-input 100`).stderr).toBe(tooLarge('kilobyte.txt', 100));
    expect(sh(`gen seed kilobyte.txt --max-input 100`).stderr).toBe(tooLarge('kilobyte.txt', 100));
  });

  it('the largest --max-input is the longest string V8 holds', () => {
    expect(sh(`gen sqs --max-input ${MAX_INPUT_LIMIT + 1}`).stderr).toBe(
      `gen-event: --max-input ${MAX_INPUT_LIMIT + 1} is out of range (give a number from 1 to ${MAX_INPUT_LIMIT})\n`,
    );
  });
});

describe('work known to be impossible is refused before it starts', () => {
  it('an event longer than a string can hold', () => {
    const result = sh(`head -c 8000000 /dev/zero | tr '\\0' x | gen sqs --body - --records 1000`);
    expect(result.stderr.split('\n').at(-2)).toBe(
      `gen-event: the event would be longer than the ${MAX_INPUT_LIMIT} characters one string can hold (make fewer records, or smaller bodies)`,
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });

  it('the same in a folder writes no file', () => {
    const result = sh(
      `head -c 8000000 /dev/zero | tr '\\0' x | gen sqs --body - --records 1000 --count 3 --out huge/`,
    );
    expect(result.status).toBe(2);
    expect(readdirSync(scratch)).not.toContain('huge');
  });

  it('schema lower bounds over a million items, also through nesting', () => {
    expect(sh(`echo '{"type":"array","minItems":100000000}' | gen direct --schema -`).stderr).toBe(
      'gen-event: --schema asks for at least 100000000 items at / (minItems 100000000) (lower minItems; a schema may ask for up to 1000000)\n',
    );
    const nested = sh(
      `echo '{"type":"object","properties":{"a":{"type":"array","minItems":2000,"items":{"type":"string","minLength":1000}}}}' | gen sqs --body-schema -`,
    );
    expect(nested.stderr).toBe(
      'gen-event: --body-schema asks for at least 2000000 characters at /properties/a/items (minLength 1000, 2000 times over) (lower minLength; a schema may ask for up to 1000000)\n',
    );
    expect(nested.status).toBe(2);
  });

  it('a count of 100,000,000 into a folder starts writing at once', () => {
    const result = sh(
      `("${process.execPath}" "${binPath}" sqs --body x --count 100000000 --out many/ & pid=$!; for i in $(seq 100); do [ "$(ls many 2>/dev/null | wc -l)" -ge 100 ] && break; sleep 0.05; done; kill -INT $pid; wait $pid; echo "status $?")`,
    );
    expect(result.stdout).toBe('status 130\n');
    expect(result.stderr).toMatch(
      /^gen-event: interrupted after \d+ of 100000000 files \(each written file is whole\)\n$/,
    );
    expect(readdirSync(join(scratch, 'many')).length).toBeGreaterThanOrEqual(100);
  });
});

describe('deep input is an input error, never a crash', () => {
  const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
  const deepObject = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
  const tooDeep = (origin: string) =>
    `gen-event: ${origin} nests arrays and objects more than ${MAX_NESTING} levels deep (flatten it; no AWS event nests that deep)\n`;

  it('100,000 levels in --payload, --merge, --schema, --json and a recipe, 60,000 in a --set value', () => {
    file('deep-array.json', deepArray(100_000));
    file('deep-object.json', deepObject(100_000));
    file('deep-set.txt', deepArray(60_000)); // one argument holds at most 128 kB
    const cases: [string, string][] = [
      ['gen direct --payload @deep-array.json', 'deep-array.json'],
      ['gen sqs --merge deep-object.json', 'deep-object.json'],
      ['gen direct --schema deep-object.json', 'deep-object.json'],
      ['gen sqs --body-schema deep-object.json', 'deep-object.json'],
      ['gen apigw-v2 --json @deep-array.json', '--json'],
      ['gen seed deep-object.json', 'deep-object.json'],
      ['gen sqs --set "a=$(cat deep-set.txt)"', "the --set value for 'a'"],
    ];
    for (const [line, origin] of cases) {
      const result = sh(line);
      expect(result.stderr, line).toBe(tooDeep(origin));
      expect(result.status, line).toBe(1);
    }
  });

  it('a --set path of 60,000 segments is a usage error', () => {
    const result = sh(`gen sqs --set "$(printf 'a.%.0s' $(seq 59999))a=1"`);
    expect(result.stderr).toBe(
      `gen-event: --set path '${'a.'.repeat(20)}…' has 60000 segments (a path may have up to ${MAX_NESTING}, as deep as an event may nest)\n`,
    );
    expect(result.status).toBe(2);
  });

  it('1,000 levels work, in a payload edited 1,000 levels deep', () => {
    file('deep-1000.json', deepObject(1000));
    const path = Array.from({ length: 999 }, () => 'a').join('.');
    const result = sh(
      `gen direct --payload @deep-1000.json --set '${path}.x=${deepArray(999)}' --compact | wc -c`,
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(Number(result.stdout.trim())).toBeGreaterThan(6000);
  });

  it('check reports a deeply nested document as an event of unknown kind', () => {
    const result = sh('gen check deep-array.json');
    expect(result.stdout).toBe(
      'deep-array.json: not a known event kind, not checked\n1 event(s) checked: 0 ok, 0 with 0 problem(s), 1 unknown\n',
    );
    expect(result.status).toBe(0);
  });
});

describe('check reads NDJSON of any length in flat memory', () => {
  it('600,000 lines through a pipe: every line counted, peak memory under 150 MB', () => {
    const result = sh(
      `yes '{"Records":[]}' | head -n 600000 | /usr/bin/time -f 'peak %M' "${process.execPath}" "${binPath}" check - | tail -n 1`,
    );
    expect(result.stdout).toMatch(/^600000 event\(s\) checked: /);
    const peak = Number(/peak (\d+)/.exec(result.stderr)?.[1]);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(150 * 1024);
  }, 60_000);
});
