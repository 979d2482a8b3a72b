import type {
  APIGatewayProxyHandlerV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  Handler,
  SQSEvent,
  SQSHandler,
} from 'aws-lambda';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { apigwV2Event, invoke, lambdaContext, sqsEvent } from '../../src/index.js';

afterEach(() => vi.useRealTimers());

describe('invoke', () => {
  test('an async handler: its promise, with a context that agrees with the event', async () => {
    const event = await sqsEvent({ queue: 'arn:aws:sqs:eu-west-1:123456789012:orders', bodies: ['a', 'b'] });
    let seen: Context | undefined;
    const handler: SQSHandler = async (batch, context) => {
      seen = context;
      return { batchItemFailures: [{ itemIdentifier: batch.Records[1]?.messageId ?? '' }] };
    };
    const result = await invoke(handler, event);
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]?.messageId }] });
    expect(seen?.invokedFunctionArn).toMatch(/^arn:aws:lambda:eu-west-1:123456789012:function:/);
  });

  test('a callback handler: the result it passes, and the error it passes', async () => {
    const event = await apigwV2Event({ route: 'GET /items/{id}', path: '/items/7' });
    const handler: APIGatewayProxyHandlerV2 = (request, _context, callback) => {
      setTimeout(() => callback(null, { statusCode: 200, body: request.pathParameters?.id ?? '' }), 1);
    };
    const result = (await invoke(handler, event)) as APIGatewayProxyStructuredResultV2;
    expect(result).toEqual({ statusCode: 200, body: '7' });
    const failing: Handler<SQSEvent, void> = (_event, _context, callback) => callback(new Error('no stock'));
    await expect(invoke(failing, await sqsEvent())).rejects.toThrow('no stock');
  });

  test('context.succeed, context.fail and context.done end the invocation (the legacy way)', async () => {
    const event = await sqsEvent();
    await expect(invoke<SQSEvent, string>((_e, context) => context.succeed('ok'), event)).resolves.toBe('ok');
    await expect(invoke<SQSEvent, string>((_e, context) => context.fail('bad'), event)).rejects.toBe('bad');
    await expect(invoke<SQSEvent, number>((_e, context) => context.done(undefined, 3), event)).resolves.toBe(
      3,
    );
  });

  test('a thrown error and a rejected promise reject; the first ending wins', async () => {
    const event = await sqsEvent();
    await expect(
      invoke<SQSEvent, void>(() => {
        throw new TypeError('boom');
      }, event),
    ).rejects.toThrow(TypeError);
    const twice: Handler<SQSEvent, string> = async (_e, _c, callback) => {
      callback(null, 'callback first');
      return 'promise second';
    };
    await expect(invoke(twice, event)).resolves.toBe('callback first');
  });

  test('a handler that never ends times out as Lambda says it', async () => {
    vi.useFakeTimers();
    const context = lambdaContext(undefined, { timeout: 2 });
    const pending = invoke<unknown, void>(() => {}, {}, context);
    vi.advanceTimersByTime(2_000);
    await expect(pending).rejects.toThrow('Task timed out after 2.00 seconds');
  });
});
