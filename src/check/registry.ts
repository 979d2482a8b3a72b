import { albMultiValueChecker, albSingleValueChecker } from '../sources/alb/check.js';
import { apigwV1Checker } from '../sources/apigw-v1/check.js';
import { apigwV2Checker } from '../sources/apigw-v2/check.js';
import { appSyncCheckers } from '../sources/appsync/check.js';
import { authorizerCheckers } from '../sources/authorizer/check.js';
import { cloudFormationChecker } from '../sources/cloudformation/check.js';
import { cloudFrontChecker } from '../sources/cloudfront/check.js';
import { cloudWatchLogsChecker } from '../sources/cloudwatch-logs/check.js';
import { cognitoChecker } from '../sources/cognito/check.js';
import { dynamodbChecker } from '../sources/dynamodb/check.js';
import { eventBridgeChecker } from '../sources/eventbridge/check.js';
import { firehoseChecker } from '../sources/firehose/check.js';
import { functionUrlChecker } from '../sources/function-url/check.js';
import { kafkaMskChecker, kafkaSelfManagedChecker } from '../sources/kafka/check.js';
import { kinesisChecker } from '../sources/kinesis/check.js';
import { s3Checker, s3TestEventChecker } from '../sources/s3/check.js';
import { snsChecker } from '../sources/sns/check.js';
import { sqsChecker } from '../sources/sqs/check.js';
import { webSocketChecker } from '../sources/websocket/check.js';
import type { EventChecker } from './problems.js';
import { ProblemList } from './problems.js';

/** Every checker; `detect` of at most one of them accepts any event. */
export const checkers: readonly EventChecker[] = [
  sqsChecker,
  s3Checker,
  s3TestEventChecker,
  snsChecker,
  eventBridgeChecker,
  albSingleValueChecker,
  albMultiValueChecker,
  apigwV1Checker,
  apigwV2Checker,
  functionUrlChecker,
  cloudWatchLogsChecker,
  kafkaMskChecker,
  kafkaSelfManagedChecker,
  firehoseChecker,
  dynamodbChecker,
  kinesisChecker,
  ...authorizerCheckers,
  webSocketChecker,
  cloudFrontChecker,
  ...appSyncCheckers,
  cognitoChecker,
  cloudFormationChecker,
];

export interface CheckResult {
  /** The detected kind, or `unknown`. */
  kind: string;
  problems: ProblemList['problems'];
}

/** Detects what an event is and checks it against the same rules the generator obeys. */
export function checkEvent(event: unknown): CheckResult {
  const checker = checkers.find((c) => c.detect(event));
  if (!checker) return { kind: 'unknown', problems: [] };
  const problems = new ProblemList();
  checker.check(event as Record<string, unknown>, problems);
  return { kind: checker.kind, problems: problems.problems };
}
