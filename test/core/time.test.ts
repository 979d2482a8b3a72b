import { describe, expect, it } from 'vitest';
import { formatRequestTime, parseTime, traceTimeHex } from '../../src/core/time.js';

describe('time', () => {
  it('formats requestTime as dd/MMM/yyyy:HH:mm:ss +0000 of the epoch seconds (FORMATS §1.1)', () => {
    // A real REST capture: requestTimeEpoch 1718636404000 ⇒ 17/Jun/2024:15:00:04 +0000.
    expect(formatRequestTime(1718636404000)).toBe('17/Jun/2024:15:00:04 +0000');
    expect(formatRequestTime(1583348638390)).toBe('04/Mar/2020:19:03:58 +0000');
    expect(formatRequestTime(Date.UTC(2025, 0, 5, 3, 4, 5, 999))).toBe('05/Jan/2025:03:04:05 +0000');
  });

  it('formats each instant of a run crossing midnight, a month and a leap day like Date does', () => {
    // Independent of the per-day cache: Date's own UTC fields, including Date.prototype.toUTCString.
    const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
    const two = (n: number) => String(n).padStart(2, '0');
    const byDate = (ms: number) => {
      const d = new Date(ms);
      return `${two(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toUTCString().slice(17, 25)} +0000`;
    };
    const starts = [
      Date.UTC(2024, 1, 28, 23, 59, 50),
      Date.UTC(2025, 11, 31, 23, 59, 59),
      Date.UTC(2001, 8, 9, 1, 46, 40),
    ];
    for (const start of starts) {
      for (let ms = start; ms < start + 3 * 86_400_000; ms += 977_531) {
        expect(formatRequestTime(ms)).toBe(byDate(ms));
        expect(formatRequestTime(ms + 999)).toBe(byDate(ms + 999));
      }
    }
    expect(formatRequestTime(Date.UTC(2024, 1, 29, 0, 0, 0))).toBe('29/Feb/2024:00:00:00 +0000');
    expect(formatRequestTime(Date.UTC(2024, 1, 28, 23, 59, 59, 999))).toBe('28/Feb/2024:23:59:59 +0000');
  });

  it("the trace id time field is each call's own second, whichever second came before", () => {
    // Alternating seconds: a kept text must never outlive its second.
    expect(traceTimeHex(1718636405000)).toBe('66704f75');
    expect(traceTimeHex(1718636405999)).toBe('66704f75');
    expect(traceTimeHex(1000000000000)).toBe('3b9aca00');
    expect(traceTimeHex(1718636405500)).toBe('66704f75');
    expect(traceTimeHex(1718636406000)).toBe('66704f76');
    expect(traceTimeHex(1000000000999)).toBe('3b9aca00');
  });

  it('the trace id time field is the epoch second in 8 hex digits (FORMATS §1.2)', () => {
    expect(traceTimeHex(1718636404999)).toBe('66704f74');
    expect(Number.parseInt(traceTimeHex(1718636404999), 16)).toBe(1718636404);
  });

  it('parses ISO-8601 with a zone, bare dates as UTC, and epoch milliseconds', () => {
    expect(parseTime('2025-06-01T12:00:00Z')).toBe(Date.UTC(2025, 5, 1, 12));
    expect(parseTime('2025-06-01T14:00:00+02:00')).toBe(Date.UTC(2025, 5, 1, 12));
    expect(parseTime('2025-06-01')).toBe(Date.UTC(2025, 5, 1));
    expect(parseTime('1700000000000')).toBe(1700000000000);
    expect(parseTime(1700000000000)).toBe(1700000000000);
    expect(() => parseTime('2025-02-30T00:00:00Z')).toThrow();
    expect(() => parseTime('tomorrow')).toThrow(/is not a time/);
  });
});
