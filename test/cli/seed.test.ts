import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const examples = new URL('../../examples/', import.meta.url);

/** A copy of the shipped examples folder, so tests never write into the project. */
function examplesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gen-event-seed-'));
  cpSync(examples, dir, { recursive: true });
  rmSync(join(dir, 'fixtures'), { recursive: true, force: true });
  return dir;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

describe('gen-event seed', () => {
  it('writes the example recipe, covering every source, with events that pass check', async () => {
    const dir = examplesCopy();
    const recipe = join(dir, 'recipe.json');
    const first = await runCli(['seed', recipe]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const fixtures = join(dir, 'fixtures');
    const { sources } = await import('../helpers/sources.js');
    const recipeSources = Object.values(JSON.parse(readFileSync(recipe, 'utf8')).fixtures).map(
      (f) => (f as { source: string }).source,
    );
    for (const source of sources) {
      expect(recipeSources.some((name) => name === source.name || source.aliases.includes(name))).toBe(true);
    }
    const check = await runCli(['check', fixtures]);
    expect(check.status).toBe(0);
    expect(JSON.parse(readFileSync(join(fixtures, 'direct/refund.json'), 'utf8'))).toEqual({
      action: 'refund',
      orderId: 'ord_7f3k2m9q1x0a',
      amount: 42.5,
      currency: 'EUR',
    });
  });

  it('running it twice changes nothing, not even modification times', async () => {
    const dir = examplesCopy();
    const recipe = join(dir, 'recipe.json');
    await runCli(['seed', recipe]);
    const files = listFiles(join(dir, 'fixtures'));
    const before = files.map((f) => [
      readFileSync(join(dir, 'fixtures', f), 'utf8'),
      statSync(join(dir, 'fixtures', f)).mtimeMs,
    ]);
    const again = await runCli(['seed', recipe]);
    expect(again.stdout).toMatch(/^0 written, 10 unchanged in /);
    const after = files.map((f) => [
      readFileSync(join(dir, 'fixtures', f), 'utf8'),
      statSync(join(dir, 'fixtures', f)).mtimeMs,
    ]);
    expect(after).toEqual(before);
  });

  it('the same recipe gives the same bytes in another folder; adding a fixture leaves the others alone', async () => {
    const [a, b] = [examplesCopy(), examplesCopy()];
    await runCli(['seed', join(a, 'recipe.json')]);
    const recipeB = JSON.parse(readFileSync(join(b, 'recipe.json'), 'utf8'));
    recipeB.fixtures['sqs/added'] = { source: 'sqs', options: { body: 'new' } };
    writeFileSync(join(b, 'recipe.json'), JSON.stringify(recipeB));
    await runCli(['seed', join(b, 'recipe.json')]);
    for (const file of listFiles(join(a, 'fixtures'))) {
      expect(readFileSync(join(b, 'fixtures', file), 'utf8')).toBe(
        readFileSync(join(a, 'fixtures', file), 'utf8'),
      );
    }
    expect(listFiles(join(b, 'fixtures'))).toContain('sqs/added.json');
  });

  it('--check passes on a fresh folder and writes nothing', async () => {
    const dir = examplesCopy();
    await runCli(['seed', join(dir, 'recipe.json')]);
    const check = await runCli(['seed', join(dir, 'recipe.json'), '--check']);
    expect(check).toEqual({
      status: 0,
      stdout: `10 fixture(s) match ${join(dir, 'recipe.json')}\n`,
      stderr: '',
    });
    const empty = examplesCopy();
    expect((await runCli(['seed', join(empty, 'recipe.json'), '--check'])).status).toBe(1);
    expect(readdirSync(empty).includes('fixtures')).toBe(false);
  });

  it('--check catches an edited, a deleted and an extra file, and exits 1', async () => {
    const dir = examplesCopy();
    const recipe = join(dir, 'recipe.json');
    await runCli(['seed', recipe]);
    const fixtures = join(dir, 'fixtures');
    const orderPath = join(fixtures, 'sqs/order-created.json');
    writeFileSync(
      orderPath,
      readFileSync(orderPath, 'utf8').replace('"status\\":\\"created', '"status\\":\\"shipped'),
    );
    const batchPath = join(fixtures, 'sqs/fifo-batch.json');
    writeFileSync(batchPath, readFileSync(batchPath, 'utf8').replace('"customer-7"', '"customer-8"'));
    rmSync(join(fixtures, 'direct/refund.json'));
    writeFileSync(join(fixtures, 'stray.json'), '{}');
    const check = await runCli(['seed', recipe, '--check']);
    expect(check.status).toBe(1);
    const lines = check.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      `${orderPath}: hand-edited: Records[0].md5OfBody: md5OfBody is the MD5 of the body (run gen-event seed --force to rewrite it)`,
      `${batchPath}: stale: differs from what the recipe makes now (run gen-event seed --force to rewrite it)`,
      `${join(fixtures, 'direct/refund.json')}: missing (run gen-event seed to write it)`,
      `${join(fixtures, 'stray.json')}: extra, not in the recipe (delete it or add it to the recipe)`,
      `4 file(s) do not match ${recipe}`,
    ]);
    // seed without --force refuses to replace edited files and writes nothing at all
    const refused = await runCli(['seed', recipe]);
    expect(refused.status).toBe(2);
    expect(listFiles(fixtures)).not.toContain('direct/refund.json');
    expect((await runCli(['seed', recipe, '--force'])).status).toBe(0);
    expect((await runCli(['seed', recipe, '--check'])).stdout).toMatch(/stray\.json: extra/);
  });

  it.each([
    [
      '{"fixtures":{"../escape":{"source":"sqs"}}}',
      2,
      /fixture name '\.\.\/escape\.json' is not a plain file name/,
    ],
    ['{"fixtures":{"/abs":{"source":"sqs"}}}', 2, /not a plain file name/],
    ['{"fixtures":{"a":{"source":"sqss"}}}', 2, /unknown source "sqss" \(did you mean sqs\?\)/],
    [
      '{"fixtures":{"a":{"source":"sqs","options":{"bdy":"x"}}}}',
      2,
      /unknown option 'bdy' for sqs \(did you mean 'body'\?\)/,
    ],
    ['{"fixtures":{"a":{"source":"sqs","options":{"out":"x"}}}}', 2, /unknown option 'out'/],
    ['{"fixtures":{"a":{"source":"sqs","options":{"body":"-"}}}}', 2, /reads standard input/],
    ['{"fixtures":{"a":{"source":"sqs","options":{"merge":{"__proto__":{"x":1}}}}}}', 2, /__proto__/],
    ['{"fixtures":{}}', 2, /fixtures is an object of named fixtures/],
    ['{"fixture":{}}', 2, /unknown key 'fixture'/],
    ['{"fixtures":{"a":{"source":"sqs",}}}', 1, /is not valid JSON at line 1 column 34/],
  ])('refuses the recipe %s', async (text, status, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-event-recipe-'));
    const recipe = join(dir, 'recipe.json');
    writeFileSync(recipe, text);
    const result = await runCli(['seed', recipe]);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual(['recipe.json']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
