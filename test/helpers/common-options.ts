import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { checkEvent } from '../../src/check/registry.js';
import { runCli } from './cli.js';
import { cliOutput } from './matrix.js';

/**
 * The options every source takes, run through the real CLI for one source: the same seed gives the
 * same bytes, `--set` and `--merge` edit the event, `--count --out <dir>/` writes checked files, and a
 * recipe fixture of the source is written and then found unchanged.
 */
export function testCommonOptions(
  source: string,
  kind: string,
  args: readonly string[],
  setPath: string,
): void {
  it(`${source}: --seed gives the same bytes, another seed others`, async () => {
    const first = await cliOutput([source, ...args, '--seed', '9']);
    expect(await cliOutput([source, ...args, '--seed', '9'])).toBe(first);
    expect(await cliOutput([source, ...args, '--seed', '10'])).not.toBe(first);
  });

  it(`${source}: --set and --merge edit the final event`, async () => {
    const set = JSON.parse(await cliOutput([source, ...args, '--seed', '1', '--set', `${setPath}="edited"`]));
    // `Records[0].cf` is read as `Records.0.cf`: --set's index form, walked one key at a time.
    const value = setPath
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .reduce((node, key) => node[key], set);
    expect(value).toBe('edited');
    const merged = JSON.parse(
      await cliOutput([source, ...args, '--seed', '1', '--merge', '-'], '{"extra":1}'),
    );
    expect(merged.extra).toBe(1);
  });

  it(`${source}: --count --out <dir>/ writes one checked file per event`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `gen-event-${source}-`));
    await cliOutput([source, ...args, '--seed', '2', '--count', '3', '--out', `${dir}/`]);
    const files = readdirSync(dir).sort();
    expect(files).toEqual([`${source}-1.json`, `${source}-2.json`, `${source}-3.json`]);
    const events = files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')));
    for (const event of events) expect(await checkEvent(event)).toEqual({ kind, problems: [] });
    expect(new Set(events.map((event) => JSON.stringify(event))).size).toBe(3);
  });

  it(`${source}: a recipe fixture is written, then found unchanged`, async () => {
    const dir = mkdtempSync(join(tmpdir(), `gen-event-${source}-recipe-`));
    const recipe = join(dir, 'recipe.json');
    writeFileSync(recipe, JSON.stringify({ fixtures: { [`${source}/one`]: { source, options: {} } } }));
    expect((await runCli(['seed', recipe])).status).toBe(0);
    const event = JSON.parse(readFileSync(join(dir, source, 'one.json'), 'utf8'));
    expect(await checkEvent(event)).toEqual({ kind, problems: [] });
    expect(await runCli(['seed', recipe, '--check'])).toMatchObject({ status: 0, stderr: '' });
  });
}
