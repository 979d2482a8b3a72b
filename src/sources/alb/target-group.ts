import { parseArn } from '../../core/aws.js';
import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';

/** A Lambda target group: its name, and the region/account/id when it was given as an ARN. */
export interface TargetGroup {
  name: string;
  arn?: { partition: string; region: string; accountId: string; id: string };
}

// Target group names: 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen.
const NAME = /^(?!-)[A-Za-z0-9-]{1,32}(?<!-)$/;
const RESOURCE = /^targetgroup\/([^/]+)\/([0-9a-f]{16})$/;

/** Reads `--target-group <name|arn>`; the ARN is `…:targetgroup/<name>/<16 hex>` (FORMATS §1.3). */
export function parseTargetGroup(text: string): TargetGroup {
  let name = text;
  let arn: TargetGroup['arn'];
  if (text.startsWith('arn:')) {
    const parsed = parseArn(text);
    const resource = parsed ? RESOURCE.exec(parsed.resource) : null;
    if (parsed?.service !== 'elasticloadbalancing' || !resource) {
      throw new UsageError(
        `--target-group '${text}' is not a target group ARN`,
        'use arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<16 hex digits>',
      );
    }
    name = resource[1] as string;
    arn = {
      partition: parsed.partition,
      region: parsed.region,
      accountId: parsed.accountId,
      id: resource[2] as string,
    };
  }
  if (!NAME.test(name)) {
    throw new UsageError(
      `target group name '${name}' is not valid`,
      'use 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen',
    );
  }
  return arn ? { name, arn } : { name };
}

/** The target group's ARN in the run's partition, region and account. */
export function targetGroupArn(group: TargetGroup, run: RunContext): string {
  if (group.arn && group.arn.partition !== run.partition) {
    throw new UsageError(
      `--target-group is in partition ${group.arn.partition}, but ${run.region} is in ${run.partition}`,
      `write arn:${run.partition}:elasticloadbalancing:…`,
    );
  }
  const id = group.arn?.id ?? run.rng.hex(16);
  return `arn:${run.partition}:elasticloadbalancing:${run.region}:${run.accountId}:targetgroup/${group.name}/${id}`;
}
