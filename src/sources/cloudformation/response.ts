import { isRecord, type ProblemList } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { MAX_PHYSICAL_ID_BYTES, MAX_RESPONSE_BYTES } from './rules.js';

/** The fields CloudFormation reads from a response body (DOC CFN-CR response reference). */
const RESPONSE_KEYS = [
  'Status',
  'Reason',
  'PhysicalResourceId',
  'StackId',
  'RequestId',
  'LogicalResourceId',
  'NoEcho',
  'Data',
];
/** The fields that must repeat the request's own values. */
const ECHOED = ['StackId', 'RequestId', 'LogicalResourceId'] as const;

/**
 * The JSON body a provider PUTs to the request's ResponseURL (FORMATS-api-identity §6, DOC CFN-CR).
 * On Update a new PhysicalResourceId is accepted: CloudFormation takes it as a replacement and later
 * sends a Delete for the old id, a legitimate answer rather than a mistake.
 */
export const cloudformationResponseChecker: ResponseChecker = {
  source: 'cloudformation',
  event: 'optional',

  check(response, event, problems) {
    if (!isRecord(response)) {
      problems.add(
        '',
        'the response body is a JSON object with Status, PhysicalResourceId, StackId, RequestId and LogicalResourceId',
      );
      return;
    }
    const bytes = Buffer.byteLength(JSON.stringify(response));
    if (bytes > MAX_RESPONSE_BYTES)
      problems.add(
        '',
        `the response body is ${bytes} bytes; CloudFormation accepts at most ${MAX_RESPONSE_BYTES}`,
      );

    for (const key of Object.keys(response)) {
      if (!RESPONSE_KEYS.includes(key))
        problems.add(key, `CloudFormation reads no ${key} (it reads ${RESPONSE_KEYS.join(', ')})`);
    }
    const status = response.Status;
    if (status !== 'SUCCESS' && status !== 'FAILED')
      problems.add('Status', 'Status is SUCCESS or FAILED', 'SUCCESS|FAILED');
    if (status === 'FAILED' && (typeof response.Reason !== 'string' || response.Reason.length === 0))
      problems.add('Reason', 'a FAILED response gives the Reason CloudFormation shows in the stack events');
    else if ('Reason' in response && typeof response.Reason !== 'string')
      problems.add('Reason', 'Reason is a string');

    checkPhysicalId(response.PhysicalResourceId, event, problems);
    for (const key of ECHOED) {
      if (typeof response[key] !== 'string' || (response[key] as string).length === 0) {
        problems.add(key, `${key} is required: the request's ${key}, copied`);
      } else if (event !== undefined && response[key] !== event[key]) {
        problems.add(key, `${key} is the request's ${key}`, event[key]);
      }
    }
    if ('NoEcho' in response && typeof response.NoEcho !== 'boolean')
      problems.add('NoEcho', 'NoEcho is true or false');
    if ('Data' in response) checkData(response.Data, problems);
  },
};

function checkPhysicalId(
  id: unknown,
  event: Record<string, unknown> | undefined,
  problems: ProblemList,
): void {
  if (typeof id !== 'string' || id.length === 0) {
    problems.add(
      'PhysicalResourceId',
      'PhysicalResourceId is required: a non-empty string naming the resource',
    );
    return;
  }
  if (Buffer.byteLength(id) > MAX_PHYSICAL_ID_BYTES)
    problems.add('PhysicalResourceId', `PhysicalResourceId is at most ${MAX_PHYSICAL_ID_BYTES} bytes`);
  // A Delete answers for the resource CloudFormation named; another id would leave that one behind.
  if (event?.RequestType === 'Delete' && id !== event.PhysicalResourceId)
    problems.add(
      'PhysicalResourceId',
      "a Delete response keeps the request's PhysicalResourceId",
      event.PhysicalResourceId,
    );
}

/** Data: the attributes Fn::GetAtt reads, a flat map of string values. */
function checkData(data: unknown, problems: ProblemList): void {
  if (!isRecord(data)) {
    problems.add('Data', 'Data is an object of name-value pairs for Fn::GetAtt');
    return;
  }
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string')
      problems.add(`Data.${key}`, 'a Data value is a string (Fn::GetAtt returns strings; stringify it)');
  }
}
