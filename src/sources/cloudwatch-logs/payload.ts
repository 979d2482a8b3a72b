import { base64Of, gzipFixed } from '../../core/bytes.js';

/** One log event as a subscription delivers it (FORMATS-events §7). */
export interface LogEvent {
  id: string;
  timestamp: number;
  message: string;
}

/** What `awslogs.data` holds once decoded, in the real key order (FORMATS-events §7). */
export interface LogsMessage {
  messageType: 'DATA_MESSAGE' | 'CONTROL_MESSAGE';
  owner: string;
  logGroup: string;
  logStream: string;
  subscriptionFilters: string[];
  logEvents: LogEvent[];
  policyLevel?: typeof ACCOUNT_LEVEL_POLICY;
}

/** Present only when an account-level subscription policy delivered the logs (FORMATS-events §7). */
export const ACCOUNT_LEVEL_POLICY = 'ACCOUNT_LEVEL_POLICY';

/** A control message's fixed values: the sender, and the text every control log event starts with. */
export const CONTROL_OWNER = 'CloudwatchLogs';
export const CONTROL_TEXT_PREFIX = 'CWL CONTROL MESSAGE: ';

/**
 * The gzip header's OS byte in the real capture (FORMATS-events §7: `1f 8b 08 00 00000000 00 13`).
 * With it and zlib's default level, the real capture's JSON compresses to exactly the bytes AWS sent.
 */
export const CLOUDWATCH_GZIP_OS = 0x13;

/** `awslogs.data`: base64 of gzip of the compact JSON (FORMATS-events §0 rule 13). */
export function encodeLogsData(message: LogsMessage): string {
  return base64Of(gzipFixed(JSON.stringify(message), CLOUDWATCH_GZIP_OS));
}

/** Low bits of an id above which the timestamp sits: `id >> 144 == timestamp` (FORMATS-events §7). */
export const ID_TIMESTAMP_SHIFT = 144n;
export const ID_LOW_MASK = (1n << ID_TIMESTAMP_SHIFT) - 1n;

/** A log event id: the timestamp in the high bits, the batch's constant plus the event's counter below. */
export function logEventId(timestamp: number, batchBase: bigint, index: number): string {
  return ((BigInt(timestamp) << ID_TIMESTAMP_SHIFT) + batchBase + BigInt(index)).toString();
}
