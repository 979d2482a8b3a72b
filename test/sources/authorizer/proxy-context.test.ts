import { describe, expect, test } from 'vitest';
import { apigwV1Event, apigwV2Event } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';

/** What each kind of API forwards of a Lambda authorizer's context (FORMATS-api-identity §1.6, FORMATS §3.3, §4.2). */
describe('--authorizer-context', () => {
  test('REST: principalId, integrationLatency, then every value as a string', async () => {
    const event = await apigwV1Event({
      authorizer: 'lambda',
      principalId: 'user-123',
      authorizerContext: { tenant: 'acme', tier: 2, admin: false },
      seed: 1,
    });
    const { integrationLatency, ...rest } = event.requestContext.authorizer;
    expect(rest).toStrictEqual({ principalId: 'user-123', tenant: 'acme', tier: '2', admin: 'false' });
    expect(Number.isInteger(integrationLatency)).toBe(true);
  });

  test('REST refuses objects, arrays and null, as API Gateway does', async () => {
    for (const value of [{ a: 1 }, ['a'], null]) {
      await expect(
        apigwV1Event({ authorizer: 'lambda', authorizerContext: { claims: value } }),
      ).rejects.toThrow(/--authorizer-context claims is (an object|an array|null)/);
    }
  });

  test('HTTP API: the object under lambda, JSON types kept; null without a context', async () => {
    const context = { tenant: 'acme', tier: 2, admin: false, roles: ['a', 'b'], limits: { rps: 5 } };
    const event = await apigwV2Event({ authorizer: 'lambda', authorizerContext: context, seed: 2 });
    expect(event.requestContext.authorizer).toStrictEqual({ lambda: context });
    const none = await apigwV2Event({ authorizer: 'lambda', seed: 2 });
    expect(none.requestContext.authorizer).toStrictEqual({ lambda: null });
  });

  test('the CLI takes k=v pairs (text) or one JSON object', async () => {
    const pairs = await runCli([
      'apigw-v2',
      '--authorizer',
      'lambda',
      '--authorizer-context',
      'tier=2',
      '--seed',
      '3',
    ]);
    expect(JSON.parse(pairs.stdout).requestContext.authorizer).toStrictEqual({ lambda: { tier: '2' } });
    const json = await runCli(
      ['apigw-v2', '--authorizer', 'lambda', '--authorizer-context', '-', '--seed', '3'],
      '{"tier":2,"roles":["a"]}',
    );
    expect(JSON.parse(json.stdout).requestContext.authorizer).toStrictEqual({
      lambda: { tier: 2, roles: ['a'] },
    });
    const rest = await runCli([
      'rest',
      '--authorizer',
      'lambda',
      '--authorizer-context',
      '{"tier":2}',
      '--seed',
      '3',
    ]);
    expect(JSON.parse(rest.stdout).requestContext.authorizer.tier).toBe('2');
    const mixed = await runCli([
      'rest',
      '--authorizer',
      'lambda',
      '--authorizer-context',
      '{"a":1}',
      '--authorizer-context',
      'b=2',
    ]);
    expect(mixed.stderr).toBe(
      'gen-event: --authorizer-context gives a JSON object and more values (give one JSON object, or k=v pairs)\n',
    );
    expect(mixed.status).toBe(2);
  });
});
