import type { SourceBench } from '../source-bench.js';

const SELECTION = ['id', 'title', 'author', 'author/name'];
const GRAPHQL = '{\n  id\n  title\n  author {\n    name\n  }\n}';

/** A plain invoke with every value given: what a test would write by hand for one resolver event. */
function handWrittenAppSyncEvent(): unknown {
  return {
    arguments: { id: '42' },
    identity: null,
    source: null,
    request: {
      headers: {
        'x-forwarded-for': '203.0.113.7, 130.176.1.20',
        'cloudfront-viewer-country': 'US',
        via: '2.0 0f1e2d3c4b5a69788796a5b4c3d2e1f0.cloudfront.net (CloudFront)',
        'content-length': '88',
        host: 'abcdefghijklmnopqrstuvwxyz.appsync-api.us-east-1.amazonaws.com',
        'user-agent': 'my-client/1.0',
        'content-type': 'application/json; charset=UTF-8',
        'x-amzn-trace-id': `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-0123456789abcdef01234567`,
        'x-api-key': 'da2-abcdefghijklmnopqrstuvwxyz',
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
