import { APIGatewayProxyEventV2Schema, LambdaFunctionUrlSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { apigwV1Event, apigwV2Event, functionUrlEvent } from '../../../src/index.js';

// One request as a client sends it, through each service: HTTP APIs decode the path, the others keep it.
const SENT = '/files/space%20value/caf%C3%A9+x?q=a%20b';

describe('the path a client sent with escapes', () => {
  test('reaches an HTTP API handler percent-decoded, in rawPath and http.path; the query stays as sent', async () => {
    const event = await apigwV2Event({ route: 'GET /files/{name}/{rest+}', path: SENT, seed: 1 });
    expect(event.rawPath).toBe('/files/space value/café+x');
    expect(event.requestContext.http.path).toBe(event.rawPath);
    expect(event.pathParameters).toEqual({ name: 'space value', rest: 'café+x' });
    expect(event.rawQueryString).toBe('q=a%20b');
    expect(event.queryStringParameters).toEqual({ q: 'a b' });
    expect(APIGatewayProxyEventV2Schema.safeParse(event).success).toBe(true);
    expect(await checkEvent(event)).toEqual({ kind: 'apigw-v2', problems: [] });
  });

  test('%2F becomes a / that routes see: a named stage comes first', async () => {
    const event = await apigwV2Event({
      route: 'GET /files/{key+}',
      path: '/files/a%2Fb',
      stage: 'dev',
      seed: 1,
    });
    expect(event.rawPath).toBe('/dev/files/a/b');
    expect(event.pathParameters).toEqual({ key: 'a/b' });
    expect((await checkEvent(event)).problems).toEqual([]);
    await expect(apigwV2Event({ route: 'GET /files/{name}', path: '/files/a%2Fb' })).rejects.toThrow(
      '--path /files/a%2Fb does not match --route GET /files/{name} (HTTP APIs match the decoded path, /files/a/b; give a path the route matches, or another --route)',
    );
  });

  test('keeps its escapes in a function URL and a REST event', async () => {
    const url = await functionUrlEvent({ path: SENT, seed: 1 });
    expect(url.rawPath).toBe('/files/space%20value/caf%C3%A9+x');
    expect(url.requestContext.http.path).toBe(url.rawPath);
    expect(LambdaFunctionUrlSchema.safeParse(url).success).toBe(true);
    const rest = await apigwV1Event({ path: SENT, seed: 1 });
    expect(rest.path).toBe('/files/space%20value/caf%C3%A9+x');
  });

  test('check reads pathParameters from the decoded rawPath: encoded parameters beside it are flagged', async () => {
    const event = await apigwV2Event({ route: 'GET /files/{name}', path: '/files/a%20b', seed: 1 });
    const edited = { ...event, pathParameters: { name: 'a%20b' } };
    expect((await checkEvent(edited)).problems).toEqual([
      {
        path: 'pathParameters',
        message: 'pathParameters are what the route matches in the path',
        expected: '{"name":"a b"}',
      },
    ]);
  });
});
