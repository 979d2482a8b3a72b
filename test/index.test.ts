import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyWithCognitoAuthorizerEvent,
  LambdaFunctionURLEvent,
  LambdaFunctionURLEventWithIAMAuthorizer,
} from 'aws-lambda';
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  albEvent,
  apigwV1Event,
  apigwV2Event,
  functionUrlEvent,
  generate,
  generateMany,
} from '../src/index.js';

describe('library builders for the HTTP sources', () => {
  test('return the aws-lambda types, narrowed by the authorizer', async () => {
    expectTypeOf(albEvent).returns.resolves.toEqualTypeOf<ALBEvent>();
    expectTypeOf(apigwV1Event<'none'>).returns.resolves.toEqualTypeOf<APIGatewayProxyEvent>();
    expectTypeOf(
      apigwV1Event<'cognito'>,
    ).returns.resolves.toEqualTypeOf<APIGatewayProxyWithCognitoAuthorizerEvent>();
    expectTypeOf(apigwV2Event<'none'>).returns.resolves.toEqualTypeOf<APIGatewayProxyEventV2>();
    expectTypeOf(
      apigwV2Event<'jwt'>,
    ).returns.resolves.toEqualTypeOf<APIGatewayProxyEventV2WithJWTAuthorizer>();
    expectTypeOf(
      apigwV2Event<'iam'>,
    ).returns.resolves.toEqualTypeOf<APIGatewayProxyEventV2WithIAMAuthorizer>();
    expectTypeOf(functionUrlEvent<'none'>).returns.resolves.toEqualTypeOf<LambdaFunctionURLEvent>();
    expectTypeOf(
      functionUrlEvent<'iam'>,
    ).returns.resolves.toEqualTypeOf<LambdaFunctionURLEventWithIAMAuthorizer>();

    const cognito = await apigwV1Event({ authorizer: 'cognito', seed: 1 });
    expectTypeOf(cognito.requestContext.authorizer.claims).toEqualTypeOf<{ [name: string]: string }>();
    expect(typeof cognito.requestContext.authorizer.claims.sub).toBe('string');
  });

  test('generate() knows every name and alias, and gives the same event as the builder', async () => {
    const options = { path: '/orders?x=1', seed: 9, time: '2025-01-02T03:04:05Z' };
    expect(await generate('rest', options)).toEqual(await apigwV1Event(options));
    expect(await generate('apigateway', options)).toEqual(await apigwV1Event(options));
    expect(await generate('http-api', options)).toEqual(await apigwV2Event(options));
    expect(await generate('url', options)).toEqual(await functionUrlEvent(options));
    expect(await generate('alb', options)).toEqual(await albEvent(options));
  });

  test('generateMany: one API, distinct requests, times moving forward, edits that do not leak', async () => {
    const events: APIGatewayProxyEventV2[] = [];
    for await (const event of generateMany('apigw-v2', 3, {
      authorizer: 'lambda',
      authorizerContext: { a: 'b' },
      seed: 2,
    })) {
      events.push(event);
    }
    const [first, second] = events as [APIGatewayProxyEventV2, APIGatewayProxyEventV2];
    expect(new Set(events.map((e) => e.requestContext.apiId)).size).toBe(1);
    expect(new Set(events.map((e) => e.requestContext.requestId)).size).toBe(3);
    expect(second.requestContext.timeEpoch).toBeGreaterThan(first.requestContext.timeEpoch);
    (
      first.requestContext as unknown as { authorizer: { lambda: Record<string, string> } }
    ).authorizer.lambda.a = 'edited';
    expect(
      (second.requestContext as unknown as { authorizer: { lambda: Record<string, string> } }).authorizer
        .lambda.a,
    ).toBe('b');
  });

  test('--merge and --set still edit the final event', async () => {
    const event = await albEvent({ seed: 1, set: ['headers["x-extra"]=abc'], override: { path: '/merged' } });
    expect(event.path).toBe('/merged');
    expect(event.headers?.['x-extra']).toBe('abc');
  });
});
