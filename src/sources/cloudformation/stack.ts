import { UsageError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';
import { FUNCTION_ARN, FUNCTION_NAME, STACK_NAME } from './rules.js';

/** Realistic defaults: stack names, custom type names and CDK-style ids, chosen once per run. */
const STACK_NAMES = [
  'orders-service-prod',
  'PaymentsStack',
  'data-pipeline-staging',
  'web-frontend-dev',
  'InfraCoreStack',
  'analytics-prod',
  'identity-service-staging',
  'MonitoringStack',
];
export const TYPE_NAMES = [
  'BucketCleaner',
  'DnsRecord',
  'DatabaseSeed',
  'AmiLookup',
  'SecretGenerator',
  'CertificateValidator',
  'ParameterCopy',
  'SearchIndex',
];
const MIXED_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const ACCESS_KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const DAY_MS = 86_400_000;
/** 100-ns intervals from the Gregorian reform (1582-10-15) to the Unix epoch, for v1 UUIDs. */
const GREGORIAN_OFFSET_MS = 12_219_292_800_000n;

export function defaultStackName(rng: Random): string {
  return rng.pick(STACK_NAMES);
}

export function checkStackName(name: string): string {
  if (!STACK_NAME.test(name)) {
    throw new UsageError(
      `--stack-name '${name}' is not a stack name`,
      'start with a letter; use letters, digits and hyphens, at most 128',
    );
  }
  return name;
}

/** A CDK-style logical id: the construct's name and 8 uppercase hex digits. */
export function defaultLogicalId(typeName: string, rng: Random): string {
  return `${typeName}${rng.hex(8).toUpperCase()}`;
}

/**
 * A stack id's UUID is time-based (version 1): the fixture's `271845b0-f2e8-11ed-…` decodes to May 2023.
 * Its time is when the stack was created.
 */
export function timeUuid(epochMs: number, rng: Random): string {
  const ticks = (BigInt(epochMs) + GREGORIAN_OFFSET_MS) * 10_000n + BigInt(rng.int(0, 9999));
  const hex = (value: bigint, width: number) => value.toString(16).padStart(width, '0');
  const low = hex(ticks & 0xffffffffn, 8);
  const mid = hex((ticks >> 32n) & 0xffffn, 4);
  const high = hex(((ticks >> 48n) & 0x0fffn) | 0x1000n, 4);
  const clock = hex(0x8000n | BigInt(rng.int(0, 0x3fff)), 4);
  return `${low}-${mid}-${high}-${clock}-${rng.hex(12)}`;
}

/** When the stack was created: seconds before a Create (a new stack), days before an Update or Delete. */
export function stackCreatedAt(startTime: number, creating: boolean, rng: Random): number {
  return creating
    ? startTime - rng.int(5_000, 120_000)
    : startTime - rng.int(1, 400) * DAY_MS - rng.int(0, DAY_MS);
}

/**
 * The provider's default PhysicalResourceId: cfn-response and most hand-written providers answer with
 * `context.logStreamName`, `YYYY/MM/DD/[$LATEST]<32 hex>`, of the invocation that created the resource.
 */
export function logStreamName(epochMs: number, rng: Random): string {
  const date = new Date(epochMs).toISOString().slice(0, 10).replaceAll('-', '/');
  return `${date}/[$LATEST]${rng.hex(32)}`;
}

/** A provider function named as CDK names one: `<stack>-<construct>Provider-<12 letters and digits>`, ≤ 64. */
export function defaultFunctionName(stackName: string, typeName: string, rng: Random): string {
  const suffix = `-${rng.chars(MIXED_ALNUM, 12)}`;
  return `${stackName}-${typeName}Provider`.slice(0, 64 - suffix.length) + suffix;
}

/** The access key id CloudFormation's presigner signs with: `AKIA` and 16 base-32 characters. */
export function accessKeyId(rng: Random): string {
  return `AKIA${rng.chars(ACCESS_KEY_CHARS, 16)}`;
}

/** `--service-token`: a function name, or a Lambda function ARN (whose region and account the run takes). */
export interface ServiceToken {
  name: string;
  arn?: { partition: string; region: string; accountId: string };
  given: string;
}

export function parseServiceToken(text: string): ServiceToken {
  const arn = FUNCTION_ARN.exec(text);
  if (arn) {
    const [, partition = '', region = '', accountId = '', name = ''] = arn;
    return { name, arn: { partition, region, accountId }, given: text };
  }
  if (FUNCTION_NAME.test(text)) return { name: text, given: text };
  throw new UsageError(
    `--service-token '${text}' is not a Lambda function name or ARN`,
    'give a name such as my-provider or arn:aws:lambda:us-east-1:123456789012:function:my-provider',
  );
}
