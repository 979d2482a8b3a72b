import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { gunzipOrUndefined, isBase64 } from '../../core/bytes.js';
import { detectCloudWatchLogs } from './detect.js';
import {
  ACCOUNT_LEVEL_POLICY,
  CONTROL_OWNER,
  CONTROL_TEXT_PREFIX,
  ID_LOW_MASK,
  ID_TIMESTAMP_SHIFT,
} from './payload.js';

const KEYS = ['messageType', 'owner', 'logGroup', 'logStream', 'subscriptionFilters', 'logEvents'];
const LOG_EVENT_KEYS = ['id', 'timestamp', 'message'];
const ID = /^\d{56}$/;
const ACCOUNT_ID = /^\d{12}$/;
/** Where problems inside the decoded payload are reported. */
const DECODED = 'awslogs.data (decoded)';

/** CloudWatch Logs subscription events: base64 of gzip of the JSON message (FORMATS-events §7). */
export const cloudWatchLogsChecker: EventChecker = {
  kind: 'cloudwatch-logs',
  source: 'cloudwatch-logs',
  detect: detectCloudWatchLogs,

  check(event, problems) {
    const awslogs = event.awslogs as Record<string, unknown>;
    const data = awslogs.data;
    if (!isBase64(data)) {
      problems.add('awslogs.data', 'awslogs.data is base64 text');
      return;
    }
    const bytes = Buffer.from(data, 'base64');
    // gzip, not zlib: the stream starts 1f 8b, so the text starts H4sI (FORMATS-events §0 rule 13).
    const json = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipOrUndefined(bytes) : undefined;
    if (json === undefined) {
      problems.add('awslogs.data', 'awslogs.data is gzip (it does not gunzip)', 'H4sI…');
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(json.toString('utf8'));
    } catch {
      problems.add('awslogs.data', 'awslogs.data gunzips to JSON');
      return;
    }
    if (!isRecord(message)) {
      problems.add(DECODED, 'the payload is a JSON object');
      return;
    }
    checkMessage(message, problems);
  },
};

function checkMessage(message: Record<string, unknown>, problems: ProblemList): void {
  const expectedKeys = 'policyLevel' in message ? [...KEYS, 'policyLevel'] : KEYS;
  problems.expectEqual(
    DECODED,
    Object.keys(message),
    expectedKeys,
    'the payload has exactly the real keys, in the real order',
  );
  const events = message.logEvents;
  if (!Array.isArray(events) || events.length === 0) {
    problems.add(`${DECODED}.logEvents`, 'logEvents is a non-empty array');
    return;
  }
  if (message.messageType === 'CONTROL_MESSAGE') checkControl(message, events, problems);
  else if (message.messageType === 'DATA_MESSAGE') checkData(message, events, problems);
  else problems.add(`${DECODED}.messageType`, 'messageType is DATA_MESSAGE or CONTROL_MESSAGE');
  if ('policyLevel' in message) {
    problems.expectEqual(
      `${DECODED}.policyLevel`,
      message.policyLevel,
      ACCOUNT_LEVEL_POLICY,
      'policyLevel, when present, is ACCOUNT_LEVEL_POLICY',
    );
  }
}

function checkData(message: Record<string, unknown>, events: unknown[], problems: ProblemList): void {
  problems.expectMatch(`${DECODED}.owner`, message.owner, ACCOUNT_ID, 'owner is the 12-digit account id');
  for (const key of ['logGroup', 'logStream'] as const) {
    if (typeof message[key] !== 'string' || message[key] === '')
      problems.add(`${DECODED}.${key}`, `${key} names the ${key === 'logGroup' ? 'group' : 'stream'}`);
  }
  const filters = message.subscriptionFilters;
  if (
    !Array.isArray(filters) ||
    filters.length < 1 ||
    filters.length > 2 ||
    !filters.every((f) => typeof f === 'string' && f.length > 0)
  ) {
    problems.add(
      `${DECODED}.subscriptionFilters`,
      'subscriptionFilters names the filter (a log group has at most 2)',
    );
  }
  let previous: { timestamp: number; low: bigint } | undefined;
  events.forEach((event, i) => {
    const at = `${DECODED}.logEvents[${i}]`;
    if (!checkLogEventShape(event, at, problems)) {
      previous = undefined;
      return;
    }
    if (!ID.test(String(event.id))) {
      problems.add(`${at}.id`, 'id is a 56-digit decimal string', ID.source);
      previous = undefined;
      return;
    }
    // id = (timestamp << 144) + low bits (FORMATS-events §7).
    const id = BigInt(event.id as string);
    const timestamp = event.timestamp as number;
    if (id >> ID_TIMESTAMP_SHIFT !== BigInt(timestamp)) {
      problems.add(
        `${at}.id`,
        'the id holds the timestamp in its high bits (id >> 144 == timestamp)',
        String(timestamp),
      );
    }
    const low = id & ID_LOW_MASK;
    if (previous !== undefined) {
      if (timestamp < previous.timestamp)
        problems.add(`${at}.timestamp`, 'log events are in timestamp order');
      if (low !== previous.low + 1n)
        problems.add(`${at}.id`, "the id's low 144 bits are one more than the previous event's");
    }
    previous = { timestamp, low };
  });
}

function checkControl(message: Record<string, unknown>, events: unknown[], problems: ProblemList): void {
  problems.expectEqual(
    `${DECODED}.owner`,
    message.owner,
    CONTROL_OWNER,
    'a control message comes from CloudwatchLogs',
  );
  problems.expectEqual(
    `${DECODED}.logGroup`,
    message.logGroup,
    '',
    'a control message has an empty logGroup',
  );
  problems.expectEqual(
    `${DECODED}.logStream`,
    message.logStream,
    '',
    'a control message has an empty logStream',
  );
  problems.expectEqual(
    `${DECODED}.subscriptionFilters`,
    message.subscriptionFilters,
    [],
    'a control message names no filter',
  );
  events.forEach((event, i) => {
    const at = `${DECODED}.logEvents[${i}]`;
    if (!checkLogEventShape(event, at, problems)) return;
    problems.expectEqual(`${at}.id`, event.id, '', 'a control log event has an empty id');
    if (!String(event.message).startsWith(CONTROL_TEXT_PREFIX))
      problems.add(`${at}.message`, `a control log event's message starts '${CONTROL_TEXT_PREFIX}'`);
  });
}

/** `{id, timestamp, message}` in that order: id a string, timestamp epoch ms, message a string. */
function checkLogEventShape(
  event: unknown,
  at: string,
  problems: ProblemList,
): event is Record<string, unknown> {
  if (!isRecord(event)) {
    problems.add(at, 'a log event is an object');
    return false;
  }
  problems.expectEqual(
    at,
    Object.keys(event),
    LOG_EVENT_KEYS,
    'a log event has id, timestamp and message, in that order',
  );
  let ok = true;
  if (typeof event.id !== 'string') {
    problems.add(`${at}.id`, 'id is a string');
    ok = false;
  }
  if (typeof event.timestamp !== 'number' || !/^\d{13}$/.test(String(event.timestamp))) {
    problems.add(`${at}.timestamp`, 'timestamp is epoch milliseconds (a 13-digit number)');
    ok = false;
  }
  if (typeof event.message !== 'string') problems.add(`${at}.message`, 'message is a string');
  return ok;
}
