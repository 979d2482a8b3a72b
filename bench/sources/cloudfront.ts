import { randomBytes } from 'node:crypto';
import { chars, ID_CHARS, REQUEST_ID_CHARS, request } from '../baseline-http.js';
import type { SourceBench } from '../source-bench.js';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const line = (key: string, value: string) => [{ key, value }];

/**
 * By hand, with no library: an origin request to a custom origin as Lambda@Edge receives it
 * (FORMATS-api-identity §4.1, §4.2), the same keys and header arrays as gen-event makes.
 */
function handWrittenOriginRequest(): unknown {
  const domain = `d${chars(ID_CHARS, 13)}.cloudfront.net`;
  const r = request(() => domain);
  return {
    Records: [
      {
        cf: {
          config: {
            distributionDomainName: domain,
            distributionId: `E${chars(UPPER, 13)}`,
            eventType: 'origin-request',
            requestId: `${chars(REQUEST_ID_CHARS, 54)}==`,
          },
          request: {
            clientIp: r.sourceIp,
            headers: {
              'x-forwarded-for': line('X-Forwarded-For', r.sourceIp),
              'user-agent': line('User-Agent', 'Amazon CloudFront'),
              via: line('Via', `2.0 ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`),
              host: line('Host', 'origin.example.com'),
            },
            method: 'GET',
            origin: {
              custom: {
                customHeaders: {},
                domainName: 'origin.example.com',
                keepaliveTimeout: 5,
                path: '',
                port: 443,
                protocol: 'https',
                readTimeout: 30,
                sslProtocols: ['TLSv1.2'],
              },
            },
            querystring: '',
            uri: r.path,
          },
        },
      },
    ],
  };
}

export const bench: SourceBench = {
  givenArgs: ['--event-type', 'origin-request', '--path', '/a', '--source-ip', '203.0.113.9'],
  throughput: {
    what: 'origin request, custom origin',
    options: { eventType: 'origin-request' },
    handWritten: handWrittenOriginRequest,
  },
};
