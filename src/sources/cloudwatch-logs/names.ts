import { parseArn } from '../../core/aws.js';
import { UsageError } from '../../core/errors.js';

// CloudWatch Logs API name rules: log groups 1 to 512 of [.-_/#A-Za-z0-9]; streams and filter names
// 1 to 512 characters without ':' or '*' (CreateLogGroup, CreateLogStream, PutSubscriptionFilter).
const LOG_GROUP = /^[.\-_/#A-Za-z0-9]{1,512}$/;
const STREAM_OR_FILTER = /^[^:*]{1,512}$/u;

export interface LogGroupIdentity {
  name: string;
  /** Region and account when the group was given as an ARN. */
  arn?: { region: string; accountId: string };
}

/** Reads `--log-group <name|arn>`; an ARN (`arn:aws:logs:<region>:<account>:log-group:<name>[:*]`) also places the run. */
export function parseLogGroup(text: string): LogGroupIdentity {
  let name = text;
  let arn: LogGroupIdentity['arn'];
  if (text.startsWith('arn:')) {
    const parsed = parseArn(text);
    const resource = /^log-group:([^:]+)(?::\*)?$/.exec(parsed?.resource ?? '');
    if (parsed?.service !== 'logs' || !resource) {
      throw new UsageError(
        `--log-group '${text}' is not a log group ARN`,
        'use arn:aws:logs:<region>:<account>:log-group:<name>',
      );
    }
    name = resource[1] as string;
    arn = { region: parsed.region, accountId: parsed.accountId };
  }
  if (!LOG_GROUP.test(name)) {
    throw new UsageError(
      `--log-group '${name}' is not a log group name`,
      'use 1 to 512 letters, digits and . - _ / #, e.g. /aws/lambda/orders',
    );
  }
  return arn ? { name, arn } : { name };
}

/** `--log-stream` and `--filter`: 1 to 512 characters, no ':' or '*'. */
export function checkStreamOrFilterName(text: string, option: string): string {
  if (!STREAM_OR_FILTER.test(text)) {
    throw new UsageError(
      `${option} '${text}' is not a valid name`,
      "use 1 to 512 characters without ':' or '*'",
    );
  }
  return text;
}
