import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commandFolder, run } from '../helpers/cli-process.js';
import { sources } from '../helpers/sources.js';
import { type LambdaInvokeEndpoint, startLambdaInvokeEndpoint } from './lambda-invoke-endpoint.js';

/** The installed AWS CLI's major version, or why there is none. */
function awsCliVersion(): { major: number; version: string } | { missing: string } {
  const probe = spawnSync('aws', ['--version'], { encoding: 'utf8' });
  if (probe.error) return { missing: `the aws command cannot be run (${probe.error.message})` };
  const version = `${probe.stdout}${probe.stderr}`.trim();
  const major = /aws-cli\/(\d+)\./.exec(version)?.[1];
  if (major === undefined) return { missing: `aws --version printed no aws-cli version: ${version}` };
  return { major: Number(major), version };
}

/**
 * How an event gets from gen-event to `aws lambda invoke`: the shell commands the README shows, with
 * gen-event's output kept in `printed.json` to compare with what the endpoint received.
 */
interface Route {
  name: string;
  /** Writes gen-event's output to `printed.json` and runs the invoke. */
  script(genEvent: string, invoke: (payload: string) => string): string;
  /** `file://` is text to CLI v1 but base64 to CLI v2 unless told otherwise (FORMATS §7.1). */
  textPayload: boolean;
}

const routes: Route[] = [
  {
    name: 'pipe',
    script: (genEvent, invoke) => `${genEvent} | tee printed.json | ${invoke('fileb:///dev/stdin')}`,
    textPayload: false,
  },
  {
    name: 'file',
    script: (genEvent, invoke) => `${genEvent} > printed.json && ${invoke('file://printed.json')}`,
    textPayload: true,
  },
  {
    name: 'out',
    script: (genEvent, invoke) => `${genEvent} --out printed.json && ${invoke('fileb://printed.json')}`,
    textPayload: false,
  },
];

/** A seeded event of every registered source, plus non-ASCII text through the CLI's text path. */
const cases = [
  ...sources.flatMap((source) =>
    routes.map((route) => ({ source: source.name, args: `${source.name} --seed 7`, route })),
  ),
  {
    source: 'sqs-non-ascii',
    args: `sqs --seed 7 --body 'Grüße, naïve café ✓ 🚀'`,
    route: routes.find((r) => r.name === 'file') as Route,
  },
];

const aws = awsCliVersion();

if ('missing' in aws) {
  test('gen-event output reaches the real AWS CLI unchanged', (context) => {
    const reason = `skipped: ${aws.missing}; install the AWS CLI to run this test`;
    console.warn(reason);
    context.skip(reason);
  });
} else {
  describe(`gen-event | ${aws.version.split(' ')[0]} lambda invoke`, () => {
    let endpoint: LambdaInvokeEndpoint;
    const binFolder = commandFolder();
    const awsHome = mkdtempSync(join(tmpdir(), 'gen-event-aws-'));
    // Dummy credentials and a region from the environment only; config files that do not exist.
    const env: NodeJS.ProcessEnv = {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_'))),
      PATH: `${binFolder}:${process.env.PATH}`,
      AWS_ACCESS_KEY_ID: 'AKIAGENEVENTTEST0001',
      AWS_SECRET_ACCESS_KEY: 'gen-event-test-secret-not-a-real-key',
      AWS_DEFAULT_REGION: 'eu-west-3',
      AWS_CONFIG_FILE: join(awsHome, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(awsHome, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
      AWS_PAGER: '',
    };

    beforeAll(async () => {
      endpoint = await startLambdaInvokeEndpoint();
    });
    afterAll(() => endpoint?.close());

    test.concurrent.each(cases.map((c) => [`${c.source} via ${c.route.name}`, c] as const))(
      '%s: the payload received is the bytes gen-event printed',
      async (_name, { source, args, route }) => {
        const functionName = `${source}-${route.name}`;
        const folder = mkdtempSync(join(tmpdir(), `gen-event-${functionName}-`));
        const binaryFormat =
          route.textPayload && aws.major >= 2 ? ' --cli-binary-format raw-in-base64-out' : '';
        const invoke = (payload: string) =>
          `aws lambda invoke --endpoint-url ${endpoint.url} --function-name ${functionName}` +
          ` --payload ${payload}${binaryFormat} response.json`;

        const result = await run(
          'bash',
          ['-o', 'pipefail', '-c', route.script(`gen-event ${args}`, invoke)],
          {
            cwd: folder,
            env,
          },
        );

        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        expect(JSON.parse(result.stdout.toString('utf8'))).toEqual({
          StatusCode: 200,
          ExecutedVersion: '$LATEST',
        });
        const received = endpoint.invocations.filter((i) => i.functionName === functionName);
        expect(received).toHaveLength(1);
        const [invocation] = received as [(typeof received)[0]];
        const printed = readFileSync(join(folder, 'printed.json'));
        expect(printed.length).toBeGreaterThan(2);
        expect(invocation.payload.toString('utf8')).toBe(printed.toString('utf8'));
        expect(invocation.payload.equals(printed)).toBe(true);
        expect(invocation.headers['x-amz-invocation-type'] ?? 'RequestResponse').toBe('RequestResponse');
        expect(invocation.headers.authorization).toMatch(
          /^AWS4-HMAC-SHA256 Credential=AKIAGENEVENTTEST0001\/\d{8}\/eu-west-3\/lambda\/aws4_request,/,
        );
        expect(readFileSync(join(folder, 'response.json'), 'utf8')).toBe(invocation.response);
      },
    );
  });
}
