import type { EventContext } from '../../core/context.js';

/** What makes one EventBridge event besides its place (account, region) and instant. */
export interface EventBridgeContent {
  source: string;
  detailType: string;
  resources: readonly string[];
  detail: unknown;
  /** Set only on events an archive replay sent again. */
  replayName?: string;
}

/**
 * The EventBridge envelope in its real key order (FORMATS-events §3.1): `version` `"0"`, an id of UUID
 * form (not necessarily v4: real ids have other version nibbles), `time` in whole seconds with `Z`,
 * `replay-name` between `region` and `resources` only on replayed events, `resources` always an array.
 */
export function eventBridgeEvent(ctx: EventContext, content: EventBridgeContent): Record<string, unknown> {
  const event: Record<string, unknown> = {
    version: '0',
    id: eventBridgeId(ctx),
    'detail-type': content.detailType,
    source: content.source,
    account: ctx.run.accountId,
    time: eventBridgeTime(ctx.time),
    region: ctx.run.region,
  };
  if (content.replayName !== undefined) event['replay-name'] = content.replayName;
  event.resources = [...content.resources];
  event.detail = content.detail;
  return event;
}

/** `time`: ISO-8601 in whole seconds, `Z`, no fraction (FORMATS-events §0 rule 14). */
export function eventBridgeTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

function eventBridgeId(ctx: EventContext): string {
  const hex = ctx.rng.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
