import { randomBytes, randomUUID } from 'node:crypto';
import { pick, randomBelow, randomBetween, randomChars } from './baseline-random.js';

/**
 * The parts every hand-written HTTP request event shares (API Gateway, ALB, function URLs): a request
 * with its host, path, client and trace, values picked from short lists and node:crypto, no library.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'curl/8.5.0',
];
const PATHS = ['/orders', '/users', '/items', '/checkout'];
export const COUNTRIES = ['US', 'DE', 'IN', 'BR', 'JP'];
export const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const REQUEST_ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

export const chars = randomChars;
export const ip = () =>
  `${randomBetween(1, 223)}.${randomBelow(256)}.${randomBelow(256)}.${randomBetween(1, 254)}`;
const pad = (n: number) => String(n).padStart(2, '0');
export const requestTime = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
};
const traceId = (ms: number) =>
  `Root=1-${Math.floor(ms / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;

export interface Request {
  now: number;
  apiId: string;
  host: string;
  path: string;
  sourceIp: string;
  userAgent: string;
  trace: string;
}

export function request(
  host: (apiId: string) => string = (apiId) => `${apiId}.execute-api.us-east-1.amazonaws.com`,
): Request {
  const now = Date.now();
  const apiId = chars(ID_CHARS, 10);
  return {
    now,
    apiId,
    host: host(apiId),
    path: `${pick(PATHS)}/${randomUUID()}`,
    sourceIp: ip(),
    userAgent: pick(USER_AGENTS),
    trace: traceId(now),
  };
}
