import { randomUUID } from 'node:crypto';
import { chars, request, requestTime } from '../baseline-http.js';
import type { SourceBench } from '../source-bench.js';

const BODY = '{"a":1}';
const URL_ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** By hand, with no library: a function URL request (payload 2.0, AuthType NONE) with a JSON body. */
function handWrittenFunctionUrlEvent(): unknown {
  const urlId = chars(URL_ID_CHARS, 32);
  const r = request(() => `${urlId}.lambda-url.us-east-1.on.aws`);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: r.path,
    rawQueryString: '',
    headers: {
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'accept-language': 'en-US,en;q=0.9',
      'content-length': String(Buffer.byteLength(BODY)),
      'content-type': 'application/json',
      host: r.host,
      'user-agent': r.userAgent,
      'x-amzn-tls-cipher-suite': 'TLS_AES_128_GCM_SHA256',
      'x-amzn-tls-version': 'TLSv1.3',
      'x-amzn-trace-id': r.trace,
      'x-forwarded-for': r.sourceIp,
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: urlId,
      domainName: r.host,
      domainPrefix: urlId,
      http: {
        method: 'POST',
        path: r.path,
        protocol: 'HTTP/1.1',
        sourceIp: r.sourceIp,
        userAgent: r.userAgent,
      },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: requestTime(r.now),
      timeEpoch: r.now,
    },
    body: BODY,
    isBase64Encoded: false,
  };
}

export const bench: SourceBench = {
  givenArgs: ['--json', '{"a":1}'],
  throughput: {
    what: 'realistic values, JSON body',
    options: { json: { a: 1 } },
    handWritten: handWrittenFunctionUrlEvent,
  },
};
