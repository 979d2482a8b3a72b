import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, run } from '../helpers/cli-process.js';

// npm run by `npm test` passes its own settings down as npm_* variables; the nested npm gets none of them.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');

/** What a command wrote to stderr, less the warnings npm itself prints about this machine's settings. */
function ownStderr(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn'));
}

async function npm(args: string[], cwd: string): Promise<string> {
  const result = await run('npm', args, { cwd, env: npmEnv });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.toString('utf8');
}

describe('the published package', () => {
  const work = mkdtempSync(join(tmpdir(), 'gen-event-pack-'));
  const consumer = join(work, 'consumer');
  let packed: string[];

  beforeAll(async () => {
    // `npm test` has just built dist/, so packing skips the prepare script's second build.
    const [info] = JSON.parse(
      await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', work], projectRoot),
    );
    packed = info.files.map((file: { path: string }) => file.path);
    mkdirSync(consumer);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    await npm(
      ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, info.filename)],
      consumer,
    );
  }, 60_000);

  test('holds the build, the command, the templates, README and LICENSE, and nothing else', () => {
    for (const path of packed) {
      expect(path).toMatch(
        /^(dist\/[^/]+\.c?js|dist\/faker-en\.json|dist\/help\/_?[a-z0-9-]+\.txt|dist\/types\/.+\.d\.ts|bin\/gen-event\.js|bin\/package\.json|templates\/[^/]+\.json)$|^(package\.json|README\.md|LICENSE)$/,
      );
    }
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'bin/gen-event.js',
        'bin/package.json',
        'dist/cli.cjs',
        'dist/help/sqs.txt',
        'dist/faker-en.json',
        'dist/cli.js',
        'dist/index.js',
        'dist/types/index.d.ts',
        'templates/sqs.json',
      ]),
    );
  });

  test('npx gen-event runs in a project that installed it', async () => {
    const result = await run('npx', ['--no', 'gen-event', 'sqs', '--body', 'x', '--seed', '1'], {
      cwd: consumer,
      env: npmEnv,
    });
    expect(ownStderr(result.stderr)).toEqual([]);
    expect(result.status).toBe(0);
    const [record] = JSON.parse(result.stdout.toString('utf8')).Records;
    expect(record.body).toBe('x');
    expect(record.md5OfBody).toBe(createHash('md5').update('x').digest('hex'));
    expect(record.md5OfBody).toBe('9dd4e461268c8034f5c8564e155c67a6');
  });

  test("import { generate } from 'gen-event' works from an .mjs file and agrees with the command", async () => {
    writeFileSync(
      join(consumer, 'use.mjs'),
      [
        "import { generate } from 'gen-event';",
        "const event = await generate('sqs', { bodies: ['x'], seed: '1' });",
        'process.stdout.write(JSON.stringify(event));',
      ].join('\n'),
    );
    const library = await run(process.execPath, ['use.mjs'], { cwd: consumer, env: npmEnv });
    expect(library.stderr).toBe('');
    expect(library.status).toBe(0);
    const command = await run(
      'npx',
      ['--no', 'gen-event', 'sqs', '--body', 'x', '--seed', '1', '--compact'],
      {
        cwd: consumer,
        env: npmEnv,
      },
    );
    expect(`${library.stdout.toString('utf8')}\n`).toBe(command.stdout.toString('utf8'));
  });

  test("the installed types check a consumer's TypeScript, and reject a misspelt field", async () => {
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          // Node's types, which a consumer's project has, come from here; everything else from the install.
          typeRoots: [join(projectRoot, 'node_modules', '@types')],
          types: ['node'],
        },
        files: ['check.ts'],
      }),
    );
    writeFileSync(
      join(consumer, 'check.ts'),
      [
        "import { sqsEvent, type SqsOptions } from 'gen-event';",
        "import type { SQSEvent } from 'aws-lambda';",
        "const options: SqsOptions = { bodies: ['x'], fifo: true };",
        "const event: SQSEvent = await sqsEvent({ ...options, override: { Records: [{ attributes: { ApproximateReceiveCount: '3' } }] } });",
        'export const id: string | undefined = event.Records[0]?.messageId;',
        '// @ts-expect-error a misspelt field of the event',
        'await sqsEvent({ override: { Records: [{ atributes: {} }] } });',
      ].join('\n'),
    );
    const result = await run(process.execPath, [tsc, '-p', consumer], { cwd: consumer, env: npmEnv });
    expect(result.stdout.toString('utf8')).toBe('');
    expect(result.status).toBe(0);
  });
});
