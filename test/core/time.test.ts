import { describe, expect, it } from 'vitest';
import { formatRequestTime, parseTime, traceTimeHex } from '../../src/core/time.js';

describe('time', () => {
  it('formats requestTime as dd/MMM/yyyy:HH:mm:ss +0000 of the epoch seconds (FORMATS §1.1)', () => {
    // A real REST capture: requestTimeEpoch 1718636404000 ⇒ 17/Jun/2024:15:00:04 +0000.
    expect(formatRequestTime(1718636404000)).toBe('17/Jun/2024:15:00:04 +0000');
    expect(formatRequestTime(1583348638390)).toBe('04/Mar/2020:19:03:58 +0000');
    expect(formatRequestTime(Date.UTC(2025, 0, 5, 3, 4, 5, 999))).toBe('05/Jan/2025:03:04:05 +0000');
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
