import type { APIGatewayAuthorizerResult, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { authorizerEvent } from '../../src/index.js';
import { authorizerResponseChecker } from '../../src/sources/authorizer/response.js';
import { judge, testRightResponses, testWrongResponses } from './helpers.js';

const path = '/orders/42';
const token = await authorizerEvent({ type: 'token', path, seed: 4 });
const request = await authorizerEvent({ type: 'request', path, seed: 4 });
const http2 = await authorizerEvent({ api: 'http', path, seed: 4 });
const http1 = await authorizerEvent({ api: 'http', payload: '1.0', path, seed: 4 });
const websocket = await authorizerEvent({ api: 'websocket', seed: 4 });
const FAILS = 'API Gateway answers 500 (a malformed authorizer response)';

/** An IAM policy answer for `arn`, typed as @types/aws-lambda types it. */
function policy(
  arn: string | string[],
  effect = 'Allow',
  context?: APIGatewayAuthorizerResult['context'],
): APIGatewayAuthorizerResult {
  return {
    principalId: 'user-123',
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect as 'Allow' | 'Deny', Resource: arn }],
    },
    ...(context === undefined ? {} : { context }),
  };
}
const simple: APIGatewaySimpleAuthorizerWithContextResult<Record<string, unknown>> = {
  isAuthorized: true,
  context: { stringKey: 'value', numberKey: 1, booleanKey: true, arrayKey: ['a', 'b'], mapKey: { k: 'v' } },
};
const apiWide = (arn: string) => `${arn.split('/')[0]}/*`;

describe('authorizer responses', () => {
  testRightResponses(authorizerResponseChecker, [
    [
      'a TOKEN policy for its methodArn, with a flat context',
      policy(token.methodArn, 'Allow', { tenant: 'acme', tier: 2, admin: false }),
      token,
    ],
    [
      'a REQUEST policy with a wildcard Resource (cached for every route)',
      policy(apiWide(request.methodArn)),
      request,
    ],
    ['a Deny policy', policy(request.methodArn, 'Deny'), request],
    [
      'Action and Resource as lists, and usageIdentifierKey',
      { ...policy([token.methodArn]), usageIdentifierKey: 'key-1' },
      token,
    ],
    ['a WebSocket $connect policy', policy(websocket.methodArn), websocket],
    ['an HTTP API 1.0 policy', policy(http1.methodArn), http1],
    ['an HTTP API 2.0 simple response with any context', simple, http2],
    ['an HTTP API 2.0 policy for its routeArn', policy(http2.routeArn), http2],
    ['a simple response without the event', { isAuthorized: false }],
    [
      'a policy with a nested context without the event (HTTP API 2.0 may)',
      policy('*', 'Allow', { nested: { a: 1 } } as never),
    ],
  ]);

  testWrongResponses(authorizerResponseChecker, [
    [
      'no principalId',
      { policyDocument: policy('*').policyDocument },
      token,
      [['principalId', `principalId is missing: an IAM policy response names its principal: ${FAILS}`]],
    ],
    [
      'the wrong policy Version',
      {
        ...policy(token.methodArn),
        policyDocument: { ...policy(token.methodArn).policyDocument, Version: '2008-10-17' },
      },
      token,
      [['policyDocument.Version', `Version is "2008-10-17": ${FAILS}`]],
    ],
    [
      'a lowercase Effect',
      policy(token.methodArn, 'allow'),
      token,
      [['policyDocument.Statement[0].Effect', `Effect is "allow": ${FAILS}`]],
    ],
    [
      'an object in a REST context',
      policy(request.methodArn, 'Allow', { user: { id: 1 } } as never),
      request,
      [['context.user', `a REST REQUEST authorizer context value is an object: ${FAILS}`]],
    ],
    [
      'an array in a WebSocket context',
      policy(websocket.methodArn, 'Allow', { roles: ['a'] } as never),
      websocket,
      [['context.roles', `a WebSocket authorizer context value is an array: ${FAILS}`]],
    ],
    [
      'claims in an HTTP API 1.0 context',
      policy(http1.methodArn, 'Allow', { claims: 'x' }),
      http1,
      [['context.claims', 'claims is reserved in an HTTP API 1.0 authorizer context']],
    ],
    [
      'a simple response to a REST authorizer',
      { isAuthorized: true },
      token,
      [
        [
          'isAuthorized',
          `a REST TOKEN authorizer answers with an IAM policy; {isAuthorized} is only for HTTP API payload 2.0 with simple responses: ${FAILS}`,
        ],
      ],
    ],
    [
      'a string isAuthorized',
      { isAuthorized: 'true' },
      http2,
      [['isAuthorized', `isAuthorized is a string, not a boolean: ${FAILS}`]],
    ],
    [
      'a Resource for another method',
      policy(token.methodArn.replace('/GET/', '/POST/')),
      token,
      [
        [
          'policyDocument.Statement',
          "no statement's Resource covers the event's methodArn: API Gateway denies the request (403)",
        ],
      ],
    ],
    [
      'a Resource for another route',
      policy(`${http2.routeArn}/more`),
      http2,
      [
        [
          'policyDocument.Statement',
          "no statement's Resource covers the event's routeArn: API Gateway denies the request (403)",
        ],
      ],
    ],
    [
      'a Resource that is not an ARN',
      policy('/prod/GET/orders'),
      undefined,
      [['policyDocument.Statement[0].Resource', `/prod/GET/orders is not an execute-api ARN: ${FAILS}`]],
    ],
    [
      'an Action of another service',
      {
        ...policy('*'),
        policyDocument: {
          Version: '2012-10-17',
          Statement: [{ Action: 's3:GetObject', Effect: 'Allow', Resource: '*' }],
        },
      },
      undefined,
      [
        [
          'policyDocument.Statement[0].Action',
          'Action s3:GetObject does not grant execute-api:Invoke, the only action an authorizer policy decides',
        ],
      ],
    ],
    [
      'an empty Statement',
      { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [] } },
      undefined,
      [['policyDocument.Statement', `Statement is empty, not a list of statements: ${FAILS}`]],
    ],
    [
      'the string "Allow"',
      'Allow',
      undefined,
      [['(response)', `the response is a string, not an object: ${FAILS}`]],
    ],
  ]);

  it('a WebSocket result over 8 KB is refused', () => {
    const response = policy(websocket.methodArn, 'Allow', { blob: 'x'.repeat(8192) });
    const bytes = Buffer.byteLength(JSON.stringify(response));
    expect(judge(authorizerResponseChecker, response, websocket).problems).toStrictEqual([
      {
        path: '(response)',
        message: `the authorizer result is ${bytes} bytes, over the WebSocket limit of 8 KB`,
        expected: '≤ 8192 bytes',
      },
    ]);
  });

  it('without the event, says which shapes were assumed', () => {
    const { problems, notes } = judge(
      authorizerResponseChecker,
      policy('*', 'Allow', { nested: { a: 1 } } as never),
    );
    expect(problems).toStrictEqual([]);
    expect(notes).toStrictEqual([
      'without --event any authorizer kind is assumed: an IAM policy (REST, WebSocket, HTTP API) or {isAuthorized} (HTTP API 2.0 simple responses), context values of any JSON type (HTTP API 2.0); the Resource is not compared with a methodArn',
      'context.nested is an object: only an HTTP API 2.0 authorizer may return it',
    ]);
  });

  it('IAM wildcards: * spans slashes, ? is one character', () => {
    const arn = token.methodArn;
    const [api] = arn.split('/');
    for (const resource of [`${api}/*`, `${api}/prod/*/orders/*`, `${api}/prod/GET/orders/4?`, '*']) {
      expect(judge(authorizerResponseChecker, policy(resource), token).problems, resource).toStrictEqual([]);
    }
    expect(judge(authorizerResponseChecker, policy(`${api}/prod/GET/orders/4`), token).problems).toHaveLength(
      1,
    );
  });
});
