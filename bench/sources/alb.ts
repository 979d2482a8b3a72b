import { randomBytes } from 'node:crypto';
import { request } from '../baseline-http.js';
import { randomBetween } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

const BODY = '{"a":1}';

/** By hand, with no library: an ALB request to a Lambda target group, single-value headers (FORMATS §2). */
function handWrittenAlbEvent(): unknown {
  const r = request(() => `api-alb-${randomBetween(100000000, 999999999)}.us-east-1.elb.amazonaws.com`);
  return {
    requestContext: {
      elb: {
        targetGroupArn: `arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/${r.apiId}-lambda/${randomBytes(8).toString('hex')}`,
      },
    },
    httpMethod: 'POST',
    path: r.path,
    queryStringParameters: {},
    headers: {
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br, zstd',
      'accept-language': 'en-US,en;q=0.9',
      'content-length': String(Buffer.byteLength(BODY)),
      'content-type': 'application/json',
      host: r.host,
      'user-agent': r.userAgent,
      'x-amzn-trace-id': r.trace,
      'x-forwarded-for': r.sourceIp,
      'x-forwarded-port': '80',
      'x-forwarded-proto': 'http',
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
    handWritten: handWrittenAlbEvent,
  },
};
