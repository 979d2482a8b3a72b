import type { Callback, Context, Handler } from 'aws-lambda';
import { lambdaContext, onLegacyOutcome } from './context.js';

/**
 * Runs a handler as the Node.js runtime does and returns its result, whichever way it ends: an async
 * handler's promise, a callback handler's `callback(error, result)`, or the legacy
 * `context.done/fail/succeed`. The first of these wins, as in the runtime. A handler that never ends
 * fails as Lambda would, with "Task timed out after N seconds" once the context's time runs out.
 * Without a context, `lambdaContext(event)` makes one that agrees with the event.
 */
export function invoke<TEvent, TResult>(
  handler: Handler<TEvent, TResult>,
  event: TEvent,
  context: Context = lambdaContext(event),
): Promise<TResult> {
  return new Promise<TResult>((resolve, reject) => {
    let settled = false;
    const timeout = context.getRemainingTimeInMillis();
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`Task timed out after ${(timeout / 1000).toFixed(2)} seconds`)));
    }, timeout);
    const finish = (end: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      end();
    };
    const fail = (error: unknown) => finish(() => reject(error));
    const succeed = (result: unknown) => finish(() => resolve(result as TResult));

    onLegacyOutcome(context, (outcome) =>
      'error' in outcome ? fail(outcome.error) : succeed(outcome.result),
    );
    const callback: Callback<TResult> = (error, result) => {
      if (error !== undefined && error !== null) fail(error);
      else succeed(result);
    };
    try {
      const returned = handler(event, context, callback) as unknown;
      if (isThenable(returned)) returned.then(succeed, fail);
    } catch (error) {
      fail(error);
    }
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}
