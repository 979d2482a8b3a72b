import { randomBytes } from 'node:crypto';
import { ID_CHARS, ip, requestTime, USER_AGENTS } from '../baseline-http.js';
import { pick, randomBetween, randomChars } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

/** A WebSocket API message event as a test would write it (FORMATS-api-identity §2.3). */
const id = () => `${randomBytes(10).toString('base64url').slice(0, 14)}=`;

function handWrittenMessageEvent(): unknown {
  const now = Date.now();
  const apiId = randomChars(ID_CHARS, 10);
  const requestId = id();
  return {
    requestContext: {
      routeKey: '$default',
      messageId: id(),
      eventType: 'MESSAGE',
      extendedRequestId: requestId,
      requestTime: requestTime(now),
      messageDirection: 'IN',
      stage: 'prod',
      connectedAt: now - randomBetween(1000, 600000),
      requestTimeEpoch: now,
      identity: { userAgent: pick(USER_AGENTS), sourceIp: ip() },
      requestId,
      domainName: `${apiId}.execute-api.us-east-1.amazonaws.com`,
      connectionId: id(),
      apiId,
    },
    body: JSON.stringify({ action: 'sendmessage', data: { orderId: 42, status: 'shipped' } }),
    isBase64Encoded: false,
  };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenMessageEvent },
};
