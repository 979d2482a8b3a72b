import { randomBytes } from 'node:crypto';
import { COUNTRIES, ip } from '../baseline-http.js';
import { pick } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

const SELECTION = ['id', 'title', 'author', 'author/name'];
const GRAPHQL = '{\n  id\n  title\n  author {\n    name\n  }\n}';

/**
 * A plain invoke as a person would write it by hand for one resolver event: the header set AppSync
 * forwards through CloudFront (FORMATS-api-identity.md, AppSync), with the values that differ per
 * request (the edge address, the CloudFront ids, the trace id) drawn for each event, and the API's own
 * host and key fixed, as gen-event fixes them per run.
 */
const HOST = 'h0ywljk903kz4lr7upic5p8eak.appsync-api.us-east-1.amazonaws.com';
const API_KEY = 'da2-jflsj68z4iv0nbmm8ytriaa3th';
const CLIENT = ip();

function handWrittenAppSyncEvent(): unknown {
  const now = Date.now();
  return {
    arguments: { id: '42' },
    identity: null,
    source: null,
    request: {
      headers: {
        'x-forwarded-for': `${CLIENT}, ${ip()}`,
        'cloudfront-viewer-country': pick(COUNTRIES),
        'cloudfront-is-tablet-viewer': 'false',
        via: `2.0 ${randomBytes(16).toString('hex')}.cloudfront.net (CloudFront)`,
        'cloudfront-forwarded-proto': 'https',
        'content-length': '95',
        'accept-language': '*',
        host: HOST,
        'x-forwarded-proto': 'https',
        'user-agent': 'node',
        accept: '*/*',
        'cloudfront-is-mobile-viewer': 'false',
        'cloudfront-is-smarttv-viewer': 'false',
        'accept-encoding': 'gzip, deflate',
        'content-type': 'application/json; charset=UTF-8',
        'x-amz-cf-id': `${randomBytes(39).toString('base64url')}==`,
        'x-amzn-trace-id': `Root=1-${Math.floor(now / 1000).toString(16)}-${randomBytes(12).toString('hex')}`,
        'x-api-key': API_KEY,
        'cloudfront-is-desktop-viewer': 'true',
        'x-forwarded-port': '443',
      },
      domainName: null,
    },
    prev: null,
    info: {
      selectionSetList: [...SELECTION],
      selectionSetGraphQL: GRAPHQL,
      parentTypeName: 'Query',
      fieldName: 'getPost',
      variables: {},
    },
    stash: {},
  };
}

export const bench: SourceBench = {
  givenArgs: [
    '--field',
    'getPost',
    '--arguments',
    '{"id":"42"}',
    '--selection',
    'id title author { name }',
    '--identity',
    'api-key',
  ],
  throughput: {
    what: 'a Query field, given arguments and selection, API key',
    options: {
      field: 'getPost',
      arguments: { id: '42' },
      selection: 'id title author { name }',
      identity: 'api-key',
    },
    handWritten: handWrittenAppSyncEvent,
  },
};
