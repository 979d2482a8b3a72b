import type { RunContext } from '../../core/context.js';
import { sha256Hex } from '../../core/digest.js';
import type { Random } from '../../core/random.js';
import { type HttpData, sessionName } from './data.js';
import type { HeaderField } from './headers.js';
import { amzDate } from './times.js';

/**
 * The caller of a request signed with SigV4 by an assumed role: what REST puts in `identity`, and
 * HTTP APIs and function URLs in `authorizer.iam` (FORMATS §3.2, §4.2, §5).
 */
export interface IamCaller {
  accessKey: string;
  accountId: string;
  /** `<role id>:<session name>`. */
  callerId: string;
  userArn: string;
  sessionToken: string;
}

const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A role session of the run's account: temporary credentials start `ASIA`, role ids `AROA`. */
export function iamCaller(run: RunContext, data: HttpData): IamCaller {
  const { rng } = run;
  const role = rng.pick(data.roleNames);
  const session = sessionName(data, rng, rng.pick(data.usernames), run.startTime);
  const roleId = `AROA${rng.chars(KEY_CHARS, 17)}`;
  return {
    accessKey: `ASIA${rng.chars(KEY_CHARS, 16)}`,
    accountId: run.accountId,
    callerId: `${roleId}:${session}`,
    userArn: `arn:${run.partition}:sts::${run.accountId}:assumed-role/${role}/${session}`,
    // Session tokens are long opaque base64; this one starts as real ones do.
    sessionToken: `IQoJb3JpZ2luX2Vj${rng.base64Chars(620)}`,
  };
}

/** `{accessKey, accountId, callerId, cognitoIdentity, principalOrgId, userArn, userId}` (FORMATS §4.2). */
export function iamAuthorizer(caller: IamCaller): Record<string, unknown> {
  return {
    iam: {
      accessKey: caller.accessKey,
      accountId: caller.accountId,
      callerId: caller.callerId,
      cognitoIdentity: null,
      principalOrgId: null,
      userArn: caller.userArn,
      userId: caller.callerId,
    },
  };
}

/** SHA-256 of the body as lowercase hex: SigV4's `x-amz-content-sha256`. */
function payloadHash(body: Uint8Array): string {
  return sha256Hex(body);
}

/**
 * The headers a SigV4 client adds, signed a moment before the request arrives. `authorization` is
 * left out where the service strips it (function URLs, and REST as captured: FORMATS §5).
 */
export function sigV4Headers(
  caller: IamCaller,
  body: Uint8Array,
  epochMs: number,
  rng: Random,
  signing: { region: string; service: string } | undefined,
): HeaderField[] {
  const date = amzDate(epochMs - rng.int(0, 900));
  const headers: HeaderField[] = [
    ['x-amz-content-sha256', payloadHash(body)],
    ['x-amz-date', date],
    ['X-Amz-Security-Token', caller.sessionToken],
  ];
  if (signing) {
    const scope = `${date.slice(0, 8)}/${signing.region}/${signing.service}/aws4_request`;
    headers.push([
      'Authorization',
      `AWS4-HMAC-SHA256 Credential=${caller.accessKey}/${scope}, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=${rng.hex(64)}`,
    ]);
  }
  return headers;
}
