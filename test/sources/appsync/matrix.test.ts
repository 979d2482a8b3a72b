import { AppSyncBatchResolverSchema, AppSyncResolverSchema } from '@aws-lambda-powertools/parser/schemas';
import { describe, expect, test } from 'vitest';
import { checkEvent } from '../../../src/check/registry.js';
import { ndjsonEvents } from '../../helpers/matrix.js';

/**
 * Every auth mode, every kind of parent type, plain and batch invokes, over whole `--count 200
 * --ndjson` runs of the real CLI: each event passes gen-event's checker with no problem and the
 * Powertools AppSync schema. Powertools declares `identity` optional but not nullable, so an API
 * key's `null` identity (FORMATS-api-identity §5.1) is asserted here and left out for the schema.
 */
const IDENTITIES = ['none', 'api-key', 'cognito', 'iam', 'oidc', 'lambda'] as const;
const PARENTS = [
  ['Query', []],
  ['Mutation', []],
  ['Subscription', []],
  ['Post', ['--field', 'comments']],
] as const;
const BATCHES = [undefined, 4] as const;
const SEEDS = ['1', 'matrix'] as const;

type Event = Record<string, unknown>;

function schemaView(event: Event): Event {
  if (event.identity !== null) return event;
  const { identity: _null, ...rest } = event;
  return rest;
}

const cases = IDENTITIES.flatMap((identity) =>
  PARENTS.flatMap(([parent, extra]) =>
    BATCHES.map((batch, i) => ({ identity, parent, extra, batch, seed: SEEDS[i % SEEDS.length] as string })),
  ),
);

describe('appsync matrix', () => {
  test.each(cases)(
    '$identity, $parent, batch $batch, seed $seed',
    async ({ identity, parent, extra, batch, seed }) => {
      const args = ['appsync', '--identity', identity, '--parent-type', parent, ...extra, '--seed', seed];
      if (batch !== undefined) args.push('--batch', String(batch));
      const events = await ndjsonEvents(args);
      for (const event of events) {
        expect(await checkEvent(event)).toEqual({
          kind: batch === undefined ? 'appsync' : 'appsync (batch)',
          problems: [],
        });
        const items = (batch === undefined ? [event] : event) as Event[];
        expect(items).toHaveLength(batch ?? 1);
        for (const item of items) {
          expect(item.identity === null).toBe(identity === 'none' || identity === 'api-key');
          expect((item.info as Event).parentTypeName).toBe(parent);
          expect(item.source === null).toBe(parent !== 'Post');
        }
        const view = items.map(schemaView);
        if (batch === undefined) AppSyncResolverSchema.parse(view[0]);
        else AppSyncBatchResolverSchema.parse(view);
      }
    },
  );
});
