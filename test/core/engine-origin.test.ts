import { describe, expect, it } from 'vitest';
import { createEventStream } from '../../src/core/engine.js';
import { sqs } from '../../src/sources/sqs/index.js';
import { sources } from '../helpers/sources.js';

const first = (stream: { next(): unknown }, count: number) =>
  Array.from({ length: count }, () => stream.next());

describe('an event stream can be reopened elsewhere and skipped through', () => {
  it.each(sources.map((source) => [source.name, source] as const))(
    '%s: skip(n) then next() gives the event a full run gives at n',
    async (_, source) => {
      const whole = await createEventStream(source, { seed: 'skip' });
      const events = first(whole, 7);
      const skipping = await createEventStream(source, { seed: 'skip' });
      skipping.skip(4);
      expect(skipping.next()).toStrictEqual(events[4]);
      skipping.skip(1);
      expect(skipping.next()).toStrictEqual(events[6]);
    },
  );

  it.each(sources.map((source) => [source.name, source] as const))(
    '%s: an unseeded stream reopened from its origin gives the same events',
    async (_, source) => {
      const original = await createEventStream(source, {});
      const { origin } = original;
      const reopened = await createEventStream(source, { ...origin.options }, origin);
      expect(origin.source).toBe(source.name);
      expect(origin.seedMaterial).toMatch(/^random:[0-9a-f]{32}$/);
      expect(first(reopened, 3)).toStrictEqual(first(original, 3));
    },
  );

  it("the origin carries the options' data and leaves their callbacks behind", async () => {
    const stream = await createEventStream(sqs, { bodies: ['a'], seed: 3, onWarning: () => {} });
    expect(stream.origin.options).toStrictEqual({ bodies: ['a'], seed: 3 });
  });
});
