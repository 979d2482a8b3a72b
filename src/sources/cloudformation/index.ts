import { UsageError } from '../../core/errors.js';
import { choice, integer, json, text } from '../../core/option-shapes.js';
import { givenOnly, optionalInteger, optionalString } from '../../core/raw-options.js';
import type { RawOptions, Source } from '../source.js';
import { prepareCloudFormation } from './event.js';
import { type CloudFormationOptions, type CloudFormationRequestType, REQUEST_TYPES } from './options.js';
import { MAX_SERVICE_TIMEOUT } from './rules.js';
import { parseServiceToken } from './stack.js';

export type { CloudFormationOptions, CloudFormationRequestType } from './options.js';

export const cloudformation: Source<CloudFormationOptions> = {
  name: 'cloudformation',
  // CloudFormation invokes the provider asynchronously (Event invocation type).
  sizeLimit: { bytes: 256 * 1024, what: 'asynchronous invoke payload limit' },
  libraryOptions: {
    requestType: choice(REQUEST_TYPES),
    // JSON here; the builder refuses what is not an object or cannot be stringified (properties.ts).
    properties: json() as CloudFormationSource['libraryOptions']['properties'],
    oldProperties: json() as CloudFormationSource['libraryOptions']['oldProperties'],
    resourceType: text(),
    logicalId: text(),
    physicalId: text(),
    stackName: text(),
    serviceToken: text(),
    serviceTimeout: integer(1, MAX_SERVICE_TIMEOUT),
  },
  options: {
    'request-type': {
      type: 'string',
      choices: REQUEST_TYPES,
      valueName: '<type>',
      description: 'Create (default), Update or Delete',
    },
    properties: {
      type: 'string',
      valueName: '<json|@file|->',
      description: 'ResourceProperties as the template gives them (scalars arrive as strings)',
    },
    'old-properties': {
      type: 'string',
      valueName: '<json|@file|->',
      description: 'Update: OldResourceProperties (default: the current ones, or a realistic change)',
    },
    'resource-type': {
      type: 'string',
      valueName: '<type>',
      description: 'Custom::<Name> or AWS::CloudFormation::CustomResource (default: realistic)',
    },
    'logical-id': {
      type: 'string',
      valueName: '<id>',
      description: "The resource's logical id in the template (default: CDK-style)",
    },
    'physical-id': {
      type: 'string',
      valueName: '<id>',
      description: 'Update and Delete: PhysicalResourceId (default: a log stream name)',
    },
    'stack-name': { type: 'string', valueName: '<name>', description: 'Stack name (default: realistic)' },
    'service-token': {
      type: 'string',
      valueName: '<name|arn>',
      description: 'Provider function name or ARN: ServiceToken (default: realistic)',
    },
    'service-timeout': {
      type: 'number',
      valueName: '<seconds>',
      description: 'ServiceTimeout in ResourceProperties, 1-3600 (default: absent, 3600)',
    },
  },
  examples: [
    [
      `gen-event cloudformation --properties '{"RetentionDays":14,"Enabled":true}'`,
      'a Create request; the properties arrive as strings',
    ],
    [
      `gen-event cfn --request-type Update --properties '{"Size":2}' --old-properties '{"Size":1}'`,
      'an Update with the old properties',
    ],
    [
      'gen-event cfn --request-type Delete --physical-id my-resource-1 --stack-name orders-prod',
      'a Delete of a resource the provider named my-resource-1',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<CloudFormationOptions> {
    const properties = optionalString(raw, 'properties');
    const oldProperties = optionalString(raw, 'old-properties');
    return givenOnly({
      requestType: requestTypeOf(optionalString(raw, 'request-type')),
      properties:
        properties === undefined
          ? undefined
          : ((await args.readJson(properties, '--properties')) as Record<string, unknown>),
      oldProperties:
        oldProperties === undefined
          ? undefined
          : ((await args.readJson(oldProperties, '--old-properties')) as Record<string, unknown>),
      resourceType: optionalString(raw, 'resource-type'),
      logicalId: optionalString(raw, 'logical-id'),
      physicalId: optionalString(raw, 'physical-id'),
      stackName: optionalString(raw, 'stack-name'),
      serviceToken: optionalString(raw, 'service-token'),
      serviceTimeout: optionalInteger(raw, 'service-timeout', 1, MAX_SERVICE_TIMEOUT),
    });
  },

  implied(options) {
    const arn = options.serviceToken === undefined ? undefined : parseServiceToken(options.serviceToken).arn;
    return arn === undefined ? {} : { region: arn.region, accountId: arn.accountId };
  },

  async prepare(options, run) {
    return prepareCloudFormation(options, run);
  },
};

type CloudFormationSource = Source<CloudFormationOptions>;

/** A recipe's request type is checked as the command line's is: exactly one of the three words. */
function requestTypeOf(value: string | undefined): CloudFormationRequestType | undefined {
  if (value === undefined || (REQUEST_TYPES as readonly string[]).includes(value))
    return value as CloudFormationRequestType | undefined;
  throw new UsageError(
    `--request-type ${JSON.stringify(value)} is not allowed`,
    `choose one of ${REQUEST_TYPES.map((t) => JSON.stringify(t)).join(', ')}`,
  );
}
