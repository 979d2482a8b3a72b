/** Time formats of HTTP events besides `requestTime` (which is in core/time.ts). All UTC. */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const clock = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

/** `Tue Jun 18 15:00:04 UTC 2024`: how REST renders Cognito `exp`/`iat` claims (FORMATS §3.3). */
export function javaDateString(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${clock(d)} UTC ${d.getUTCFullYear()}`;
}

/** `Aug  5 00:28:21 2120 GMT`: certificate validity dates, the day padded with a space (FORMATS §4.2). */
export function certificateDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock(d)} ${d.getUTCFullYear()} GMT`;
}

/** `20240617T145824Z`: the SigV4 `x-amz-date` header. */
export function amzDate(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');
}

/** Epoch seconds of a JWT time claim. */
export const epochSeconds = (epochMs: number): number => Math.floor(epochMs / 1000);
