import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, test } from 'vitest';
import { projectRoot, run } from '../helpers/cli-process.js';
import { sources } from '../helpers/sources.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** Every ```sh block of the README, in order, but the first: the newcomer's two commands, run in a clone. */
const [newcomerBlock, ...shellBlocks] = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map(
  (match) => match[1] as string,
);

// CI runs the same two steps on a clean clone (`npm ci`, then `npm test`); the Install blocks below run
// the first one's command from a packed tarball.
it("the README opens with a newcomer's two commands: install and run, then the tests", () => {
  expect(readme.startsWith('# gen-event\n\n```sh\n')).toBe(true);
  expect(newcomerBlock).toBe(`npm install && npx gen-event sqs --body '{"orderId":42}'\nnpm test\n`);
});

/** What a block prints, when the README shows it in a ```json block right after it. */
const printed = new Map(
  [...readme.matchAll(/```sh\n((?:(?!```)[\s\S])*)```\n\n```json\n((?:(?!```)[\s\S])*)```/g)].map(
    (match) => [match[1] as string, match[2] as string] as const,
  ),
);

// A block the test cannot run says so on its first line, with the reason.
const SKIP = '# not run by the README test';
const skipped = shellBlocks.filter((block) => block.startsWith(SKIP));

it('the README examples are the ones --help shows', () => {
  const block = /## Examples\n[\s\S]*?```sh\n(npx gen-event [\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = block
    .split('\n')
    .filter((line) => line.startsWith('npx gen-event '))
    .map((line) =>
      line
        .replace(/^npx /, '')
        .replace(/\s+#.*$/, '')
        .trim(),
    );
  const helpExamples = sources.flatMap((source) => source.examples.map(([command]) => command));
  expect(commands.length).toBeGreaterThanOrEqual(sources.length);
  for (const command of commands) expect(helpExamples).toContain(command);
  for (const source of sources) {
    const names = [source.name, ...source.aliases];
    expect(commands.some((command) => names.includes(command.split(' ')[1] ?? ''))).toBe(true);
  }
});

it('the one block whose output the README shows is the context', () => {
  expect([...printed.keys()].map((block) => block.split('\n')[1])).toEqual([
    'npx gen-event context --event sqs-event.json --function-name orders-worker --timeout 30 --seed 1',
  ]);
});

it('only blocks that need GitHub, an AWS account, Docker or a Serverless service, or are npm test itself, are skipped', () => {
  expect(skipped.map((block) => block.split('\n')[0])).toEqual([
    '# not run by the README test (it needs GitHub): the test packs its own checkout into gen-event/ instead',
    '# not run by the README test: it is part of what npm test runs',
    '# not run by the README test: it needs an AWS account with the function (test/integration/aws-cli.test.ts runs it locally)',
    '# not run by the README test: sam local invoke needs Docker and a SAM application',
    '# not run by the README test: it needs the Serverless Framework and a service',
  ]);
  // Where the README runs gen-event, it runs it as a project that installed it can: through npx.
  for (const block of shellBlocks) {
    for (const line of block.split('\n')) {
      if (/(^|[|&;(] *|\$\()gen-event /.test(line) && !line.includes('export PATH')) {
        expect(line, 'a bare gen-event needs it on the PATH').toMatch(
          /npx gen-event|^(SHELL=zsh )?gen-event completion/,
        );
      }
    }
  }
});

// npm run by `npm test` passes its own settings down as npm_* variables; the nested npm gets none of them.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));

describe('the README, top to bottom, in a scratch folder', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'gen-event-readme-'));
  // Its own home, so `~/.bashrc` is written there. npm keeps this machine's cache, and prefers it to the
  // registry: settings of the machine, not of the commands, which run as printed.
  const env = {
    ...npmEnv,
    HOME: scratch,
    npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
  };
  let cwd = scratch;

  beforeAll(async () => {
    // In place of the clone the first (skipped) block makes: this checkout, packed where that block packs it.
    // `npm test` has just built dist/, so packing skips the prepare script's second build.
    mkdirSync(join(scratch, 'gen-event'));
    const packed = await run(
      'npm',
      ['pack', '--ignore-scripts', '--pack-destination', join(scratch, 'gen-event'), projectRoot],
      { cwd: scratch, env },
    );
    expect(packed.status, packed.stderr).toBe(0);
  }, 60_000);

  for (const [index, block] of shellBlocks.entries()) {
    if (block.startsWith(SKIP)) continue;
    test(`block ${index + 1}: ${block.split('\n')[0]}`, async () => {
      // One shell per block; its last directory is where the next block starts, as in a terminal.
      const where = join(scratch, `.cwd-${index}`);
      const result = await run('bash', ['-e', '-o', 'pipefail', '-c', `${block}\npwd > '${where}'`], {
        cwd,
        env,
      });
      expect(result.stderr.split('\n').filter((line) => line.startsWith('gen-event:'))).toEqual([]);
      expect(result.status, result.stderr).toBe(0);
      const shown = printed.get(block);
      if (shown !== undefined) expect(result.stdout.toString('utf8')).toBe(shown);
      cwd = readFileSync(where, 'utf8').trim();
    }, 120_000);
  }
});
