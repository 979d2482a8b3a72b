import {
  AlbMultiValueHeadersSchema,
  AlbSchema,
  APIGatewayProxyEventSchema,
  APIGatewayProxyEventV2Schema,
  LambdaFunctionUrlSchema,
} from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { albEvent, apigwV1Event, apigwV2Event, functionUrlEvent } from '../../../src/index.js';
import {
  albVariants,
  apigwV1Variants,
  apigwV2Variants,
  functionUrlVariants,
  requestCases,
  SEEDS,
} from './cases.js';

/**
 * Every source, every variant, every request, several seeds: each event passes gen-event's own
 * checkers with no problem and the Powertools parser schema of its source.
 */
const matrix = <V extends { name: string }>(variants: readonly V[]) =>
  variants.flatMap((variant) =>
    requestCases.flatMap((request) =>
      SEEDS.map((seed) => {
        // The case's name labels the test; the rest is the request.
        const { name, ...options } = request;
        return [variant.name, name, seed, variant, options] as const;
      }),
    ),
  );

describe('ALB', () => {
  test.each(matrix(albVariants))('%s / %s / seed %s', async (_v, _r, seed, variant, request) => {
    const options = variant.options(request);
    const event = await albEvent({ ...options, seed });
    const result = await checkEvent(event);
    expect(result.kind).toBe(options.multiValue ? 'alb (multi-value)' : 'alb (single-value)');
    expect(result.problems).toEqual([]);
    (options.multiValue ? AlbMultiValueHeadersSchema : AlbSchema).parse(event);
    if (options.multiValue) expect(event.headers).toBeUndefined();
    else expect(event.multiValueHeaders).toBeUndefined();
  });
});

describe('API Gateway REST', () => {
  test.each(matrix(apigwV1Variants))('%s / %s / seed %s', async (_v, _r, seed, variant, request) => {
    const event = await apigwV1Event({ ...variant.options(request), seed });
    const result = await checkEvent(event);
    expect(result.kind).toBe('apigw-v1');
    expect(result.problems).toEqual([]);
    APIGatewayProxyEventSchema.parse(event);
  });
});

describe('API Gateway HTTP API', () => {
  test.each(matrix(apigwV2Variants))('%s / %s / seed %s', async (_v, _r, seed, variant, request) => {
    const event = await apigwV2Event({ ...variant.options(request), seed });
    const result = await checkEvent(event);
    expect(result.kind).toBe('apigw-v2');
    expect(result.problems).toEqual([]);
    APIGatewayProxyEventV2Schema.parse(event);
  });
});

describe('function URL', () => {
  test.each(matrix(functionUrlVariants))('%s / %s / seed %s', async (_v, _r, seed, variant, request) => {
    const event = await functionUrlEvent({ ...variant.options(request), seed });
    const result = await checkEvent(event);
    expect(result.kind).toBe('function-url');
    expect(result.problems).toEqual([]);
    LambdaFunctionUrlSchema.parse(event);
  });
});
