import type { EventContext, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { freshCopy } from '../../core/fresh-copy.js';
import type { Random } from '../../core/random.js';
import type { EventBuilder } from '../source.js';
import type { CloudFormationOptions, CloudFormationRequestType } from './options.js';
import { stringifyProperties } from './properties.js';
import { presignedResponseUrl, responseKey } from './response-url.js';
import { CUSTOM_TYPE, isResourceType, LOGICAL_ID, MAX_PHYSICAL_ID_BYTES } from './rules.js';
import {
  accessKeyId,
  checkStackName,
  defaultFunctionName,
  defaultLogicalId,
  defaultStackName,
  logStreamName,
  parseServiceToken,
  stackCreatedAt,
  TYPE_NAMES,
  timeUuid,
} from './stack.js';

/** What stays the same for every request of a run: the stack, the resource and its provider. */
interface Resource {
  requestType: CloudFormationRequestType;
  serviceToken: string;
  stackId: string;
  logicalId: string;
  physicalId?: string;
  resourceType: string;
  properties: Record<string, unknown>;
  oldProperties?: Record<string, unknown>;
  accessKeyId: string;
}

/** Checks the options and builds, once per run, the resource every request of the run is about. */
export function prepareCloudFormation(options: CloudFormationOptions, run: RunContext): EventBuilder {
  const resource = describeResource(options, run);
  return (ctx: EventContext) => {
    const requestId = ctx.rng.uuid();
    const event: Record<string, unknown> = {
      RequestType: resource.requestType,
      ServiceToken: resource.serviceToken,
      ResponseURL: presignedResponseUrl({
        region: run.region,
        key: responseKey(resource.stackId, resource.logicalId, requestId),
        accessKeyId: resource.accessKeyId,
        epochMs: ctx.time,
        signature: ctx.rng.hex(64),
      }),
      StackId: resource.stackId,
      RequestId: requestId,
      LogicalResourceId: resource.logicalId,
    };
    // Key order of the request reference and the fixture (FORMATS-api-identity §6).
    if (resource.physicalId !== undefined) event.PhysicalResourceId = resource.physicalId;
    event.ResourceType = resource.resourceType;
    event.ResourceProperties = freshCopy(resource.properties);
    if (resource.oldProperties !== undefined) event.OldResourceProperties = freshCopy(resource.oldProperties);
    return event;
  };
}

function describeResource(options: CloudFormationOptions, run: RunContext): Resource {
  const requestType = options.requestType ?? 'Create';
  const rng = run.rng;
  // PhysicalResourceId exists once the provider has answered a Create; OldResourceProperties only on Update.
  if (requestType === 'Create' && options.physicalId !== undefined) {
    throw new UsageError(
      '--physical-id is not part of a Create request',
      'the provider chooses it when it answers Create; add --request-type Update or Delete',
    );
  }
  if (requestType !== 'Update' && options.oldProperties !== undefined) {
    throw new UsageError(
      `--old-properties is not part of a ${requestType} request`,
      'only Update requests carry OldResourceProperties; add --request-type Update',
    );
  }

  const resourceType = options.resourceType ?? `Custom::${rng.pick(TYPE_NAMES)}`;
  if (!isResourceType(resourceType)) {
    throw new UsageError(
      `--resource-type '${resourceType}' is not a custom resource type`,
      'give Custom::<Name> (up to 60 letters, digits, _ @ -) or AWS::CloudFormation::CustomResource',
    );
  }
  const typeName = CUSTOM_TYPE.exec(resourceType)?.[1] ?? rng.pick(TYPE_NAMES);
  const logicalId = options.logicalId ?? defaultLogicalId(typeName.replace(/[^A-Za-z0-9]/g, ''), rng);
  if (!LOGICAL_ID.test(logicalId)) {
    throw new UsageError(
      `--logical-id '${logicalId}' is not a logical id`,
      'use letters and digits only, at most 255',
    );
  }

  const stackName =
    options.stackName === undefined ? defaultStackName(rng) : checkStackName(options.stackName);
  const createdAt = stackCreatedAt(run.startTime, requestType === 'Create', rng);
  const stackId = `arn:${run.partition}:cloudformation:${run.region}:${run.accountId}:stack/${stackName}/${timeUuid(createdAt, rng)}`;

  const token = options.serviceToken === undefined ? undefined : parseServiceToken(options.serviceToken);
  const serviceToken =
    token?.arn !== undefined
      ? token.given
      : `arn:${run.partition}:lambda:${run.region}:${run.accountId}:function:${token?.name ?? defaultFunctionName(stackName, typeName, rng)}`;

  const physicalId =
    requestType === 'Create' ? undefined : (options.physicalId ?? logStreamName(createdAt, rng));
  if (
    physicalId !== undefined &&
    (physicalId.length === 0 || Buffer.byteLength(physicalId) > MAX_PHYSICAL_ID_BYTES)
  ) {
    throw new UsageError(
      `--physical-id is ${Buffer.byteLength(physicalId)} bytes`,
      `give 1 to ${MAX_PHYSICAL_ID_BYTES} bytes`,
    );
  }

  // ServiceToken leads ResourceProperties, then ServiceTimeout when the template sets it: both are
  // template properties, sent as strings like every other (DOC CFN-CR lists ServiceTimeout as a String
  // property; its place in ResourceProperties is UNCONFIRMED, no capture with it found).
  const head: Record<string, unknown> = { ServiceToken: serviceToken };
  if (options.serviceTimeout !== undefined) head.ServiceTimeout = String(options.serviceTimeout);
  const given =
    options.properties === undefined ? undefined : stringifyProperties(options.properties, '--properties');
  const current = given ?? stringifyProperties(defaultProperties(stackName, rng), '--properties');
  let old: Record<string, unknown> | undefined;
  if (requestType === 'Update') {
    if (options.oldProperties !== undefined)
      old = stringifyProperties(options.oldProperties, '--old-properties');
    else if (given !== undefined) old = given;
    else old = { ...current, RetentionDays: String(rng.pick([1, 3, 5])) };
    if (JSON.stringify(old) === JSON.stringify(current)) {
      run.warn(
        'the old and new properties are the same; CloudFormation sends Update only when a property changed (give --old-properties)',
      );
    }
  }

  const result: Resource = {
    requestType,
    serviceToken,
    stackId,
    logicalId,
    resourceType,
    properties: { ...head, ...current },
    accessKeyId: accessKeyId(rng),
  };
  if (physicalId !== undefined) result.physicalId = physicalId;
  if (old !== undefined) result.oldProperties = { ...head, ...old };
  return result;
}

/** Properties a template typically gives a custom resource; scalars as the template writes them. */
function defaultProperties(stackName: string, rng: Random): Record<string, unknown> {
  return {
    Name: `${stackName}-${rng.lowerAlnum(6)}`,
    Environment: rng.pick(['prod', 'staging', 'dev']),
    RetentionDays: rng.pick([7, 14, 30, 90]),
    Enabled: true,
    Tags: [{ Key: 'team', Value: rng.pick(['platform', 'payments', 'data', 'web']) }],
  };
}
