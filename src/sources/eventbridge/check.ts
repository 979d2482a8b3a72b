import { type EventChecker, isRecord } from '../../check/problems.js';
import { parseArn } from '../../core/aws.js';
import { detectEventBridge } from './detect.js';

const KEYS = ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'];
const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** EventBridge events as a rule delivers them to a function (FORMATS-events §3). */
export const eventBridgeChecker: EventChecker = {
  kind: 'eventbridge',
  source: 'eventbridge',
  detect: detectEventBridge,

  check(event, problems) {
    // Envelope keys in order; replay-name only between region and resources (§3.1).
    const keys = Object.keys(event);
    const expected = 'replay-name' in event ? [...KEYS.slice(0, 7), 'replay-name', ...KEYS.slice(7)] : KEYS;
    problems.expectEqual('(keys)', keys, expected, 'the envelope has its keys in EventBridge order');
    problems.expectMatch('id', event.id, UUID_FORM, 'id is UUID-formatted');
    problems.expectMatch('time', event.time, TIME, 'time is ISO-8601 in whole seconds with Z');
    problems.expectMatch('account', event.account, /^\d{12}$/, 'account is 12 digits');
    if (typeof event['detail-type'] !== 'string' || event['detail-type'].length === 0) {
      problems.add('detail-type', 'detail-type is a non-empty string');
    }
    if (!isRecord(event.detail)) problems.add('detail', 'detail is a JSON object, never a string');
    if (!Array.isArray(event.resources)) {
      problems.add('resources', 'resources is an array ([] when none)');
      return;
    }
    event.resources.forEach((resource, i) => {
      const arn = typeof resource === 'string' ? parseArn(resource) : undefined;
      const s3 = typeof resource === 'string' && /^arn:[a-z-]+:s3:::.+$/.test(resource);
      if (!arn && !s3) {
        problems.add(`resources[${i}]`, 'a resource is an ARN');
        return;
      }
      // An AWS service's own resources are in the event's account and region.
      if (
        arn &&
        String(event.source).startsWith('aws.') &&
        arn.region !== '' &&
        arn.region !== event.region
      ) {
        problems.add(`resources[${i}]`, 'the resource ARN is in the event region', event.region);
      }
    });
    if (event.source === 'aws.events' && event['detail-type'] === 'Scheduled Event') {
      // A scheduled rule's event: its rule ARN alone in resources, the empty detail (§3.2).
      const rule = event.resources[0];
      const arn = typeof rule === 'string' ? parseArn(rule) : undefined;
      if (event.resources.length !== 1 || arn?.service !== 'events' || !arn.resource.startsWith('rule/')) {
        problems.add('resources', 'a scheduled event names its rule ARN in resources');
      } else if (arn.accountId !== event.account) {
        problems.add('resources[0]', 'the rule ARN is in the event account', event.account);
      }
      problems.expectEqual('detail', event.detail, {}, 'a scheduled event has the empty detail {}');
    }
    if (event.source === 'aws.s3' && isRecord(event.detail) && isRecord(event.detail.bucket)) {
      const name = event.detail.bucket.name;
      const resource = String(event.resources[0] ?? '');
      if (!resource.endsWith(`:s3:::${String(name)}`)) {
        problems.add(
          'resources[0]',
          'an S3 event names its bucket ARN in resources',
          `arn:aws:s3:::${String(name)}`,
        );
      }
    }
  },
};
