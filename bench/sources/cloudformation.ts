import { handWrittenCloudFormationEvent } from '../baseline-cloudformation.js';
import type { SourceBench } from '../source-bench.js';

const PROPERTIES = {
  TableName: 'orders',
  RetentionDays: 14,
  Enabled: true,
  Tags: [{ Key: 'team', Value: 'data' }],
};
const OLD_PROPERTIES = { ...PROPERTIES, RetentionDays: 7 };
const GIVEN = {
  requestType: 'Update',
  properties: PROPERTIES,
  oldProperties: OLD_PROPERTIES,
  resourceType: 'Custom::DatabaseSeed',
  logicalId: 'Seed1',
  physicalId: 'seed-resource-1',
  stackName: 'orders-prod',
  serviceToken: 'arn:aws:lambda:us-east-1:123456789012:function:orders-prod-SeedProvider',
};

export const bench: SourceBench = {
  givenArgs: [
    '--request-type',
    'Update',
    '--properties',
    JSON.stringify(PROPERTIES),
    '--old-properties',
    JSON.stringify(OLD_PROPERTIES),
    '--resource-type',
    GIVEN.resourceType,
    '--logical-id',
    GIVEN.logicalId,
    '--physical-id',
    GIVEN.physicalId,
    '--stack-name',
    GIVEN.stackName,
    '--service-token',
    GIVEN.serviceToken,
  ],
  throughput: {
    what: 'an Update, every option given',
    options: GIVEN,
    handWritten: () => handWrittenCloudFormationEvent(PROPERTIES, OLD_PROPERTIES),
  },
};
