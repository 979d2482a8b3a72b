import { randomBytes, randomUUID } from 'node:crypto';

const STACK_ID =
  'arn:aws:cloudformation:us-east-1:123456789012:stack/orders-prod/271845b0-f2e8-11ed-90ac-0eeb25b8ae21';
const SERVICE_TOKEN = 'arn:aws:lambda:us-east-1:123456789012:function:orders-prod-SeedProvider';

/** Properties as a template gives them, and as CloudFormation delivers them: every scalar a string. */
function stringified(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stringified);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stringified(v)]));
  return String(value);
}

/**
 * What a person would write by hand for `gen-event cfn --request-type Update …`, with no library:
 * node:crypto for the request id and signature, the same keys in the same order, the ResponseURL
 * presigned on the region's response bucket (FORMATS-api-identity §6).
 */
export function handWrittenCloudFormationEvent(
  properties: Record<string, unknown>,
  oldProperties: Record<string, unknown>,
): unknown {
  const requestId = randomUUID();
  const date = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const key = encodeURIComponent(`${STACK_ID}|Seed1|${requestId}`).replaceAll('%2F', '/');
  return {
    RequestType: 'Update',
    ServiceToken: SERVICE_TOKEN,
    ResponseURL:
      `https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/${key}` +
      `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-SignedHeaders=host&X-Amz-Expires=7200` +
      `&X-Amz-Credential=${encodeURIComponent(`AKIAIOSFODNN7EXAMPLE/${date.slice(0, 8)}/us-east-1/s3/aws4_request`)}` +
      `&X-Amz-Signature=${randomBytes(32).toString('hex')}`,
    StackId: STACK_ID,
    RequestId: requestId,
    LogicalResourceId: 'Seed1',
    PhysicalResourceId: 'seed-resource-1',
    ResourceType: 'Custom::DatabaseSeed',
    ResourceProperties: { ServiceToken: SERVICE_TOKEN, ...(stringified(properties) as object) },
    OldResourceProperties: { ServiceToken: SERVICE_TOKEN, ...(stringified(oldProperties) as object) },
  };
}
