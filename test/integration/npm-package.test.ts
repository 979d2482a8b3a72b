import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { projectRoot, run } from '../helpers/cli-process.js';

// npm run by `npm test` passes its own settings down as npm_* variables; the nested npm gets none of them.
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const jest = join(projectRoot, 'node_modules', 'jest', 'bin', 'jest.js');
const vitest = join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');

/**
 * A consumer's handlers and their tests, as people write them: an SQS handler that reports a partial
 * batch failure, an HTTP API route, each called with a generated event and `lambdaContext()`.
 * `cjs/` is a CommonJS project (Jest's default mode, plain `require`); the top folder is ESM (vitest).
 */
const consumerFiles: Record<string, string> = {
  'cjs/package.json': JSON.stringify({ name: 'cjs-consumer', private: true, type: 'commonjs' }),
  'cjs/handlers.js': [
    'exports.orders = async (event, context) => ({',
    '  batchItemFailures: event.Records.filter((r) => !r.body.startsWith("{")).map((r) => ({ itemIdentifier: r.messageId })),',
    '  worker: context.functionName,',
    '});',
    'exports.item = (event, context, callback) =>',
    '  callback(null, { statusCode: 200, body: JSON.stringify({ id: event.pathParameters.id, left: context.getRemainingTimeInMillis() > 0 }) });',
  ].join('\n'),
  'cjs/handlers.test.js': [
    "const { apigwV2Event, invoke, lambdaContext, sqsEvent } = require('gen-event');",
    "const { item, orders } = require('./handlers.js');",
    "test('an SQS batch with a bad record reports it', async () => {",
    "  const event = await sqsEvent({ bodies: ['{\"orderId\":1}', 'oops'], seed: 1 });",
    "  const result = await orders(event, lambdaContext(event, { functionName: 'orders-worker', seed: 1 }));",
    "  expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1].messageId }], worker: 'orders-worker' });",
    '});',
    "test('an HTTP API route, through a callback handler', async () => {",
    "  const event = await apigwV2Event({ route: 'GET /items/{id}', path: '/items/42', seed: 1 });",
    '  const response = await invoke(item, event, lambdaContext(event, { timeout: 10 }));',
    '  expect(response).toEqual({ statusCode: 200, body: \'{"id":"42","left":true}\' });',
    '});',
  ].join('\n'),
  'handlers.test.mjs': [
    "import { apigwV2Event, invoke, lambdaContext, sqsEvent } from 'gen-event';",
    "test('an SQS batch and an HTTP API route, from ESM', async () => {",
    "  const event = await sqsEvent({ bodies: ['a'], seed: 1 });",
    '  const context = lambdaContext(event, { seed: 1 });',
    '  const [, , , region, account] = event.Records[0].eventSourceARN.split(":");',
    '  expect(context.invokedFunctionArn).toBe(["arn:aws:lambda", region, account, "function", context.functionName].join(":"));',
    "  const request = await apigwV2Event({ route: 'GET /items/{id}', path: '/items/42' });",
    '  expect(await invoke(async (e) => e.pathParameters.id, request)).toBe("42");',
    '});',
  ].join('\n'),
  // TypeScript handlers typed as the AWS types say, the context passed without a cast, in both module systems.
  'typed.ts': typedHandlerTest('esm'),
  'cjs/typed.ts': typedHandlerTest('cjs'),
};

function typedHandlerTest(system: 'esm' | 'cjs'): string {
  const body = [
    "  const event = await sqsEvent({ bodies: ['x'], seed: 1 });",
    '  const context: Context = lambdaContext(event, { timeout: 30, seed: 1 });',
    '  const result = await orders(event, context, () => {});',
    "  const response = await invoke(route, await apigwV2Event({ path: '/' }), lambdaContext());",
    '  return [result, response, context.getRemainingTimeInMillis()] as const;',
  ];
  return [
    "import type { APIGatewayProxyHandlerV2, Context, SQSHandler } from 'aws-lambda';",
    "import { apigwV2Event, invoke, lambdaContext, sqsEvent } from 'gen-event';",
    'const orders: SQSHandler = async (event, context) => {',
    '  if (context.getRemainingTimeInMillis() < 1000) throw new Error(context.awsRequestId);',
    '  return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };',
    '};',
    'const route: APIGatewayProxyHandlerV2 = async (event) => ({ statusCode: 200, body: event.rawPath });',
    ...(system === 'esm'
      ? ['export const checked = await (async () => {', ...body, '})();']
      : ['export async function checked() {', ...body, '}']),
    '// @ts-expect-error a misspelt option',
    'lambdaContext(undefined, { functionNme: "x" });',
  ].join('\n');
}

/** What a command wrote to stderr, less the warnings npm itself prints about this machine's settings. */
function ownStderr(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn'));
}

async function npm(args: string[], cwd: string): Promise<string> {
  const result = await run('npm', args, { cwd, env: npmEnv });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.toString('utf8');
}

// tsc, Jest and vitest start cold in the consumer: on a loaded 2-core machine one can take over 30 s.
const SLOW_TOOL_MS = 120_000;

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
    mkdirSync(join(consumer, 'cjs'));
    for (const [name, text] of Object.entries(consumerFiles)) writeFileSync(join(consumer, name), text);
  }, 60_000);

  test('holds the build, the command, the templates, README and LICENSE, and nothing else', () => {
    for (const path of packed) {
      expect(path).toMatch(
        /^(dist\/[^/]+\.c?js|dist\/cli(-[\w-]+)?\.cjs\.cache|dist\/cli-files\.json|dist\/realistic-words\.json|dist\/help\/_?[a-z0-9-]+\.txt|dist\/types\/.+\.d\.c?ts|bin\/gen-event\.js|bin\/package\.json|templates\/[^/]+\.json)$|^(package\.json|README\.md|LICENSE)$/,
      );
    }
    expect(packed).toEqual(
      expect.arrayContaining([
        'package.json',
        'README.md',
        'LICENSE',
        'bin/gen-event.js',
        'bin/package.json',
        'dist/cli-files.json',
        'dist/cli-start.cjs',
        'dist/cli-start.cjs.cache',
        'dist/help/sqs.txt',
        'dist/realistic-words.json',
        'dist/cli.js',
        'dist/index.js',
        'dist/index.cjs',
        'dist/types/index.d.ts',
        'dist/types/index.d.cts',
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

  test(
    "the installed types check a consumer's TypeScript (typed handlers given lambdaContext() without a cast, ESM and CommonJS), and reject a misspelt field",
    async () => {
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
          // typed.ts is ESM (the folder's package.json says module) and resolves the import condition;
          // cjs/typed.ts is CommonJS, as ts-jest compiles it, and resolves require (the .d.cts types).
          files: ['check.ts', 'typed.ts', 'cjs/typed.ts'],
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
    },
    SLOW_TOOL_MS,
  );

  test("require('gen-event') works from plain CommonJS and gives the bytes the command prints", async () => {
    const script = [
      "const { generate, UsageError } = require('gen-event');",
      "generate('sqs', { bodies: ['x'], seed: '1' }).then((event) => process.stdout.write(JSON.stringify(event)));",
      "generate('sqs', { records: 0 }).catch((error) => process.stderr.write(String(error instanceof UsageError)));",
    ].join('\n');
    const library = await run(process.execPath, ['-e', script], { cwd: join(consumer, 'cjs'), env: npmEnv });
    expect(library.stderr).toBe('true');
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

  test(
    'a Jest suite in its default CommonJS mode calls handlers with events and lambdaContext()',
    async () => {
      const result = await run(
        process.execPath,
        [jest, '--ci', '--no-watchman', '--rootDir', join(consumer, 'cjs')],
        {
          cwd: join(consumer, 'cjs'),
          env: npmEnv,
        },
      );
      expect(result.stderr).toMatch(/Tests: {7}2 passed, 2 total/);
      expect(result.status).toBe(0);
    },
    SLOW_TOOL_MS,
  );

  test(
    'a vitest suite (ESM) does the same',
    async () => {
      const result = await run(
        process.execPath,
        [vitest, 'run', '--globals', '--root', consumer, '--dir', consumer, 'handlers.test.mjs'],
        { cwd: consumer, env: { ...npmEnv, NO_COLOR: '1' } },
      );
      expect(result.stdout.toString('utf8')).toMatch(/Tests {2}1 passed \(1\)/);
      expect(result.status).toBe(0);
    },
    SLOW_TOOL_MS,
  );
});
