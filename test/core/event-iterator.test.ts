import { describe, expect, it } from 'vitest';
import { generate, generateMany } from '../../src/index.js';

// generateMany hands events over through gen-event's own async generator (src/core/event-iterator.ts);
// these pin the behaviour callers know from an `async function*`.
async function all<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

describe('generateMany as an async generator', () => {
  it('yields exactly count events, the first being the one generate makes', async () => {
    const events = await all(generateMany('sqs', 4, { seed: 'iterator', bodies: ['x'] }));
    expect(events).toHaveLength(4);
    expect(events[0]).toStrictEqual(await generate('sqs', { seed: 'iterator', bodies: ['x'] }));
    expect(new Set(events.map((event) => event.Records[0]?.messageId)).size).toBe(4);
    expect(await all(generateMany('sqs', 0, { seed: 1 }))).toStrictEqual([]);
  });

  it('serves next() calls made at once in order, then reports done', async () => {
    const sequential = await all(generateMany('direct', 3, { seed: 2 }));
    const iterator = generateMany('direct', 3, { seed: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => iterator.next()));
    expect(results.map((result) => result.done)).toStrictEqual([false, false, false, true, true]);
    expect(results.slice(0, 3).map((result) => result.value)).toStrictEqual(sequential);
  });

  it('rejects bad options at the first next(), not when made, and is done afterwards', async () => {
    const iterator = generateMany('sqs', 2, { records: 0 });
    await expect(iterator.next()).rejects.toThrow(/records/);
    expect(await iterator.next()).toStrictEqual({ done: true, value: undefined });
    await expect(generateMany('sqs', -1).next()).rejects.toThrow(/count/);
  });

  it('ends for good after return(), throw() or an error while building', async () => {
    const returned = generateMany('direct', 5, { seed: 3 });
    expect((await returned.next()).done).toBe(false);
    expect(await returned.return(undefined)).toStrictEqual({ done: true, value: undefined });
    expect(await returned.next()).toStrictEqual({ done: true, value: undefined });

    const thrown = generateMany('direct', 5, { seed: 3 });
    const failure = new Error('stop');
    await expect(thrown.throw(failure)).rejects.toBe(failure);
    expect((await thrown.next()).done).toBe(true);

    // --set on an event that is not an object fails while the event is built.
    const failing = generateMany('direct', 5, { payload: 7, set: ['a=1'] });
    await expect(failing.next()).rejects.toThrow(/not one/);
    expect((await failing.next()).done).toBe(true);
  });

  it('stops building when a for-await loop breaks', async () => {
    const iterator = generateMany('direct', 1000, { seed: 4 });
    let seen = 0;
    for await (const _ of iterator) if (++seen === 2) break;
    expect(await iterator.next()).toStrictEqual({ done: true, value: undefined });
  });
});
