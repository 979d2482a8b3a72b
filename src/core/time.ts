import { UsageError } from './errors.js';
import { rememberLast } from './remember-last.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// A date, or a date-time that names its offset: a bare local time would differ from machine to machine.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/;
const EPOCH_MS = /^\d{1,16}$/;

// The instants AWS timestamps can show: 13-digit epoch milliseconds whose seconds fit the 8 hex digits
// of a trace id (FORMATS §1.1, §1.2), from September 2001 to February 2106.
const EARLIEST_MS = 1_000_000_000_000;
const LATEST_MS = 0xffffffff * 1000;

// Instants that `--seed` alone picks from: a realistic, recent span that never moves.
const SEEDED_SPAN_START = Date.UTC(2025, 0, 1);
const SEEDED_SPAN_MS = 365 * 24 * 3600 * 1000;

/** Parses `--time`: ISO-8601 with a zone (or a bare date, taken as UTC), or epoch milliseconds. */
export function parseTime(value: string | number): number {
  const text = String(value).trim();
  if (EPOCH_MS.test(text)) return checkRange(Number(text), text);
  if (!ISO_8601.test(text)) {
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(text)) {
      throw new UsageError(`--time '${text}' has no time zone`, "add 'Z' or an offset such as +02:00");
    }
    throw new UsageError(
      `--time '${text}' is not a time`,
      'give ISO-8601 such as 2025-06-01T12:00:00Z, or epoch milliseconds',
    );
  }
  checkFields(text);
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new UsageError(`--time '${text}' is not a time`, 'give ISO-8601 such as 2025-06-01T12:00:00Z');
  }
  return checkRange(ms, text);
}

/** Refuses instants no AWS event can carry, so every time and trace field keeps its real shape. */
export function checkRange(ms: number, text: string): number {
  if (!(ms >= EARLIEST_MS && ms <= LATEST_MS)) {
    throw new UsageError(
      `--time ${text} is outside what AWS timestamps can show`,
      'give a time from 2001-09-09 to 2106-02-07; epoch milliseconds have 13 digits',
    );
  }
  return ms;
}

/** The instant a seeded run uses when no `--time` is given: fixed by the seed, the same any day. */
export function seededInstant(fraction: number): number {
  return SEEDED_SPAN_START + Math.floor(fraction * SEEDED_SPAN_MS);
}

const DAY_SECONDS = 86_400;
/** `00` to `59`, looked up rather than padded for each event. */
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/** The `dd/MMM/yyyy:` of a day since the epoch, kept for the next call: a run's events mostly share one. */
const requestDay = rememberLast((day: number): string => {
  const d = new Date(day * DAY_SECONDS * 1000);
  return `${TWO_DIGITS[d.getUTCDate()]}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:`;
});

/** `dd/MMM/yyyy:HH:mm:ss +0000` in UTC, the seconds of `epochMs` (FORMATS §1.1). */
export function formatRequestTime(epochMs: number): string {
  const seconds = Math.floor(epochMs / 1000);
  const day = Math.floor(seconds / DAY_SECONDS);
  const inDay = seconds - day * DAY_SECONDS;
  const hours = Math.floor(inDay / 3600);
  const minutes = Math.floor(inDay / 60) - hours * 60;
  return `${requestDay(day)}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[inDay % 60]} +0000`;
}

/** Epoch seconds in hex, kept for the next call: events a few milliseconds apart share a second. */
const secondsHex = rememberLast((seconds: number): string => seconds.toString(16).padStart(8, '0'));

/** Epoch seconds as the 8 hex digits of an X-Ray trace id's time field (FORMATS §1.2). */
export function traceTimeHex(epochMs: number): string {
  return secondsHex(Math.floor(epochMs / 1000));
}

/**
 * Each field of an ISO time in its range, with a hint for the field that is not: Date.parse rolls
 * 30 February over into March, and says only NaN about an hour 24, a leap second or an offset +25:00.
 */
function checkFields(text: string): void {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new UsageError(`--time '${text}' is not a real date`, 'check the day and month');
  }
  if (text.length === 10) return;
  const [hour = 0, minute = 0, second = 0] = text
    .slice(11, 19)
    .split(':')
    .map((n) => Number.parseInt(n, 10));
  if (second === 60) {
    throw new UsageError(
      `--time '${text}' has a leap second`,
      'AWS timestamps have no leap seconds: use :59, or the next minute',
    );
  }
  if (hour > 23 || minute > 59 || second > 59) {
    throw new UsageError(
      `--time '${text}' is not a time of day`,
      'hours go from 00 to 23, minutes and seconds from 00 to 59',
    );
  }
  const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (offset && (Number(offset[2]) > 23 || Number(offset[3]) > 59)) {
    throw new UsageError(
      `--time '${text}' has the offset ${offset[0]}, which is not a time zone`,
      'give Z or an offset from -23:59 to +23:59, such as +02:00',
    );
  }
}
