import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { detectCloudFormation } from './detect.js';
import { nonStringLeaves } from './properties.js';
import { responseHost, responseKey } from './response-url.js';
import {
  FUNCTION_ARN,
  isResourceType,
  LOGICAL_ID,
  MAX_PHYSICAL_ID_BYTES,
  MAX_SERVICE_TIMEOUT,
  STACK_ARN,
  UUID,
} from './rules.js';

/** The request's keys in the order CloudFormation writes them (FORMATS-api-identity §6). */
const KEYS = [
  'RequestType',
  'ServiceToken',
  'ResponseURL',
  'StackId',
  'RequestId',
  'LogicalResourceId',
  'PhysicalResourceId',
  'ResourceType',
  'ResourceProperties',
  'OldResourceProperties',
];

/** CloudFormation custom resource requests to a Lambda-backed provider (FORMATS-api-identity §6). */
export const cloudFormationChecker: EventChecker = {
  kind: 'cloudformation',
  source: 'cloudformation',
  detect: detectCloudFormation,

  check(event, problems) {
    const type = event.RequestType;
    if (type !== 'Create' && type !== 'Update' && type !== 'Delete') {
      problems.add('RequestType', 'RequestType is Create, Update or Delete', 'Create|Update|Delete');
    }
    checkKeys(event, problems);

    const token = FUNCTION_ARN.exec(String(event.ServiceToken ?? ''));
    if (!token)
      problems.add(
        'ServiceToken',
        'ServiceToken is the Lambda function ARN of the provider',
        FUNCTION_ARN.source,
      );
    const stack = STACK_ARN.exec(String(event.StackId ?? ''));
    if (!stack) {
      problems.add(
        'StackId',
        'StackId is a stack ARN',
        'arn:aws:cloudformation:<region>:<account>:stack/<name>/<uuid>',
      );
    } else if (!UUID.test(stack[5] as string)) {
      problems.add('StackId', "the stack ARN ends with the stack's UUID", UUID.source);
    }
    if (token && stack) {
      // The service token must be from the stack's region (DOC CFN-CR); one account owns both here.
      if (token[2] !== stack[2])
        problems.add('ServiceToken', 'the provider function is in the region of the stack', stack[2]);
      if (token[3] !== stack[3])
        problems.add('ServiceToken', 'the provider function is in the account of the stack', stack[3]);
      if (token[1] !== stack[1])
        problems.add('ServiceToken', 'the provider function is in the partition of the stack', stack[1]);
    }
    problems.expectMatch('RequestId', event.RequestId, UUID, 'RequestId is a lowercase UUID');
    problems.expectMatch(
      'LogicalResourceId',
      event.LogicalResourceId,
      LOGICAL_ID,
      'LogicalResourceId is a logical id (letters and digits, at most 255)',
    );
    if (typeof event.ResourceType !== 'string' || !isResourceType(event.ResourceType)) {
      problems.add(
        'ResourceType',
        'ResourceType is Custom::<Name> (up to 60 of A-Za-z0-9_@-) or AWS::CloudFormation::CustomResource',
      );
    }
    if ('PhysicalResourceId' in event) checkPhysicalId(event.PhysicalResourceId, problems);

    checkProperties(event, 'ResourceProperties', problems);
    if ('OldResourceProperties' in event) checkProperties(event, 'OldResourceProperties', problems);
    if (stack) checkResponseUrl(event, stack[2] as string, problems);
  },
};

/** PhysicalResourceId exactly on Update and Delete, OldResourceProperties exactly on Update; keys in order. */
function checkKeys(event: Record<string, unknown>, problems: ProblemList): void {
  const type = event.RequestType;
  const hasPhysical = 'PhysicalResourceId' in event;
  if ((type === 'Update' || type === 'Delete') && !hasPhysical)
    problems.add(
      'PhysicalResourceId',
      `a ${type} request carries the PhysicalResourceId the provider returned`,
    );
  if (type === 'Create' && hasPhysical)
    problems.add(
      'PhysicalResourceId',
      'a Create request has no PhysicalResourceId (the provider chooses it)',
    );
  const hasOld = 'OldResourceProperties' in event;
  if (type === 'Update' && !hasOld)
    problems.add('OldResourceProperties', 'an Update request carries OldResourceProperties');
  if (type !== 'Update' && hasOld && typeof type === 'string')
    problems.add('OldResourceProperties', `a ${type} request has no OldResourceProperties`);

  for (const key of [
    'ServiceToken',
    'ResponseURL',
    'StackId',
    'RequestId',
    'LogicalResourceId',
    'ResourceType',
    'ResourceProperties',
  ]) {
    if (!(key in event)) problems.add(key, `a custom resource request has ${key}`);
  }
  const keys = Object.keys(event);
  for (const key of keys) {
    if (!KEYS.includes(key)) problems.add(key, `a custom resource request has no ${key} key`);
  }
  const known = keys.filter((key) => KEYS.includes(key));
  const ordered = KEYS.filter((key) => known.includes(key));
  if (known.join() !== ordered.join())
    problems.add('', 'the request keys are in the order CloudFormation sends them', ordered.join(', '));
}

function checkPhysicalId(id: unknown, problems: ProblemList): void {
  if (typeof id !== 'string' || id.length === 0 || Buffer.byteLength(id) > MAX_PHYSICAL_ID_BYTES)
    problems.add(
      'PhysicalResourceId',
      `PhysicalResourceId is a non-empty string of at most ${MAX_PHYSICAL_ID_BYTES} bytes`,
    );
}

/** A properties map: ServiceToken again, ServiceTimeout in range when set, and only string leaves. */
function checkProperties(event: Record<string, unknown>, key: string, problems: ProblemList): void {
  const properties = event[key];
  if (!isRecord(properties)) {
    problems.add(key, `${key} is an object`);
    return;
  }
  problems.expectEqual(
    `${key}.ServiceToken`,
    properties.ServiceToken,
    event.ServiceToken,
    `${key}.ServiceToken is the request's ServiceToken`,
  );
  if ('ServiceTimeout' in properties) {
    const timeout = properties.ServiceTimeout;
    const seconds = typeof timeout === 'string' && /^\d+$/.test(timeout) ? Number(timeout) : Number.NaN;
    if (!(seconds >= 1 && seconds <= MAX_SERVICE_TIMEOUT))
      problems.add(
        `${key}.ServiceTimeout`,
        `ServiceTimeout is whole seconds from 1 to ${MAX_SERVICE_TIMEOUT}, as a string`,
      );
  }
  for (const path of nonStringLeaves(properties, key)) {
    if (path !== `${key}.ServiceToken` && path !== `${key}.ServiceTimeout`)
      problems.add(
        path,
        'CloudFormation delivers every property value as a string (true is "true", 14 is "14")',
      );
  }
}

/**
 * ResponseURL: an https URL on the response bucket of the stack's region, whose key names this request,
 * presigned for that region (FORMATS-api-identity §6).
 */
function checkResponseUrl(event: Record<string, unknown>, region: string, problems: ProblemList): void {
  let url: URL;
  try {
    url = new URL(String(event.ResponseURL));
  } catch {
    problems.add('ResponseURL', 'ResponseURL is an https URL');
    return;
  }
  if (url.protocol !== 'https:') problems.add('ResponseURL', 'ResponseURL is an https URL');
  const host = responseHost(region);
  if (url.host !== host)
    problems.add('ResponseURL', "ResponseURL is on the response bucket of the stack's region", host);
  if (
    typeof event.StackId === 'string' &&
    typeof event.LogicalResourceId === 'string' &&
    typeof event.RequestId === 'string'
  ) {
    const key = `/${responseKey(event.StackId, event.LogicalResourceId, event.RequestId)}`;
    if (url.pathname !== key)
      problems.add(
        'ResponseURL',
        'the ResponseURL key is the StackId, LogicalResourceId and RequestId joined by |, URL-encoded',
        key,
      );
  }
  const credential = url.searchParams.get('X-Amz-Credential');
  if (credential !== null && credential.split('/')[2] !== region)
    problems.add('ResponseURL', "the URL is presigned for the stack's region", region);
}
