import { UsageError } from './errors.js';
import type { Random } from './random.js';

// us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, ap-southeast-7, ...
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ACCOUNT_ID = /^\d{12}$/;

export function checkRegion(region: string): string {
  if (!REGION.test(region)) {
    throw new UsageError(
      `--region '${region}' is not an AWS region name`,
      'use a name such as us-east-1 or eu-west-2',
    );
  }
  return region;
}

export function checkAccountId(accountId: string): string {
  if (!ACCOUNT_ID.test(accountId)) {
    throw new UsageError(
      `--account-id '${accountId}' is not 12 digits`,
      'give the 12-digit id, leading zeros included',
    );
  }
  return accountId;
}

/** The ARN partition a region lives in, so ARNs for China and GovCloud regions are well-formed. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

/** The DNS suffix service endpoints use in a region's partition. */
export function dnsSuffixOf(region: string): string {
  return partitionOf(region) === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** A realistic account id: 12 digits, never starting with 0 so it also survives naive number parsing. */
export function randomAccountId(rng: Random): string {
  return String(rng.int(1, 9)) + rng.digits(11);
}

/** An ARN's parts split out, for options that accept a name or an ARN. */
export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  resource: string;
}

export function parseArn(text: string): ParsedArn | undefined {
  const match = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12}):(.+)$/.exec(text);
  if (!match) return undefined;
  const [, partition = '', service = '', region = '', accountId = '', resource = ''] = match;
  return { partition, service, region, accountId, resource };
}

/**
 * `arn:<partition>:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path without the leading
 * slash>`, the ARN an API Gateway authorizer is asked about; WebSocket routes have no method
 * (`…/<stage>/$connect`) (FORMATS-api-identity §0.2, §1.1).
 */
export function executeApiArn(
  placement: { partition: string; region: string; accountId: string },
  apiId: string,
  stage: string,
  route: string,
): string {
  return `arn:${placement.partition}:execute-api:${placement.region}:${placement.accountId}:${apiId}/${stage}/${route}`;
}
