import type { EventContext, RunContext } from '../../core/context.js';
import type { Random } from '../../core/random.js';
import { eventBridgeTime } from './envelope.js';

/** Common AWS events, each as its service sends it. */
export const PRESETS = [
  'schedule',
  'scheduler',
  's3-object-created',
  's3-object-deleted',
  'ec2-state-change',
] as const;
export type Preset = (typeof PRESETS)[number];

const RULE_NAMES = ['nightly-report', 'hourly-cleanup', 'sync-inventory', 'rotate-keys', 'daily-digest'];
const EC2_STATES = ['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'];

/** The rule a scheduled event names: `arn:<partition>:events:<region>:<account>:rule/<name>` (FORMATS-events §3.2). */
export function ruleArn(run: RunContext, name: string): string {
  return `arn:${run.partition}:events:${run.region}:${run.accountId}:rule/${name}`;
}

export function realisticRuleName(rng: Random): string {
  return rng.pick(RULE_NAMES);
}

/**
 * A scheduled rule's event fires on the minute of its schedule: the doc examples' times are whole
 * minutes (FORMATS-events §3.2; real rate-rule times are redacted in captures, so UNCONFIRMED).
 */
export function scheduledMinute(epochMs: number): number {
  return Math.floor(epochMs / 60_000) * 60_000;
}

/** An EC2 instance state change (the documented `instance-id` / `state` detail). */
export function ec2StateChange(ctx: EventContext): { resources: string[]; detail: Record<string, string> } {
  const instanceId = `i-${ctx.rng.hex(17)}`;
  const { run } = ctx;
  return {
    resources: [`arn:${run.partition}:ec2:${run.region}:${run.accountId}:instance/${instanceId}`],
    detail: { 'instance-id': instanceId, state: ctx.rng.pick(EC2_STATES) },
  };
}

/**
 * EventBridge Scheduler invokes a function with the schedule's input itself, after replacing its
 * context placeholders (FORMATS-events §3.4): there is no envelope. Without an input given, the
 * input names every placeholder (what a console-made schedule receives without one is UNCONFIRMED).
 */
export const DEFAULT_SCHEDULER_INPUT = {
  scheduleArn: '<aws.scheduler.schedule-arn>',
  scheduledTime: '<aws.scheduler.scheduled-time>',
  executionId: '<aws.scheduler.execution-id>',
  attemptNumber: '<aws.scheduler.attempt-number>',
};

export function schedulerPayload(ctx: EventContext, input: unknown, scheduleName: string): unknown {
  const { run } = ctx;
  const values: Record<string, string> = {
    '<aws.scheduler.schedule-arn>': `arn:${run.partition}:scheduler:${run.region}:${run.accountId}:schedule/default/${scheduleName}`,
    '<aws.scheduler.scheduled-time>': eventBridgeTime(scheduledMinute(ctx.time)),
    '<aws.scheduler.execution-id>': ctx.rng.lowerAlnum(16),
    '<aws.scheduler.attempt-number>': '1',
  };
  // Placeholders are replaced in the input's text, wherever they stand in strings.
  const text = JSON.stringify(input).replace(/<aws\.scheduler\.[a-z-]+>/g, (name) => values[name] ?? name);
  return JSON.parse(text);
}
