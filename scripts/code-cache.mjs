/**
 * Writes the V8 code cache of each file of the command (dist/cli-*.cjs, loaded by bin/gen-event.js) by
 * running the built command on its start-up paths with scripts/code-cache-hook.cjs preloaded: every
 * source with realistic values (the paths that load the most code run first, so the cache of a shared
 * file holds what they compile), every source's --help, --help, list, completion, check and an NDJSON
 * run. A file none of them loads (a checker only `check` of its source reaches, check-response…) gets
 * the cache of its compiled top level. The cache belongs to the Node that ran the build; another Node rejects it and compiles the text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bin = fileURLToPath(new URL('../bin/gen-event.js', import.meta.url));
const hook = fileURLToPath(new URL('./code-cache-hook.cjs', import.meta.url));
const run = (args) =>
  execFileSync(process.execPath, ['--require', hook, bin, ...args], { encoding: 'utf8', stdio: 'pipe' });

const sources = run(['list'])
  .trim()
  .split('\n')
  .map((line) => line.split(' ')[0]);
const dir = mkdtempSync(join(tmpdir(), 'gen-event-code-cache-'));
try {
  const event = join(dir, 'event.json');
  writeFileSync(event, run(['sqs', '--seed', '1']));
  for (const source of sources) run([source, '--seed', '1']);
  run(['sqs', '--count', '3', '--ndjson', '--seed', '1']);
  run(['check', event]);
  for (const source of sources) run([source, '--help']);
  run(['--help']);
  run(['completion']);
  run(['--get-yargs-completions', 'gen-event', 'sqs', '--']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// The files no run above loaded, compiled as bin/gen-event.js compiles them (the same text and name, which
// the cache is checked against), not run.
const dist = new URL('../dist/', import.meta.url);
for (const file of readdirSync(dist).filter((name) => /^cli-[\w-]+\.cjs$/.test(name))) {
  const filename = fileURLToPath(new URL(file, dist));
  if (existsSync(`${filename}.cache`)) continue;
  writeFileSync(
    `${filename}.cache`,
    new Script(readFileSync(filename, 'utf8'), { filename }).createCachedData(),
  );
}
