import { detectAlbMultiValue, detectAlbSingleValue } from '../sources/alb/detect.js';
import { detectApigwV1 } from '../sources/apigw-v1/detect.js';
import { detectApigwV2 } from '../sources/apigw-v2/detect.js';
import { isAppSyncBatch, isAppSyncResolverEvent } from '../sources/appsync/detect.js';
import {
  detectHttpApiV1Authorizer,
  detectHttpApiV2Authorizer,
  detectRequestAuthorizer,
  detectTokenAuthorizer,
  detectWebSocketAuthorizer,
} from '../sources/authorizer/detect.js';
import { detectCloudFormation } from '../sources/cloudformation/detect.js';
import { detectCloudFront } from '../sources/cloudfront/detect.js';
import { detectCloudWatchLogs } from '../sources/cloudwatch-logs/detect.js';
import { detectCognito } from '../sources/cognito/detect.js';
import { detectDynamodb } from '../sources/dynamodb/detect.js';
import { detectEventBridge } from '../sources/eventbridge/detect.js';
import { detectFirehose } from '../sources/firehose/detect.js';
import { detectFunctionUrl } from '../sources/function-url/detect.js';
import { detectKafkaMsk, detectKafkaSelfManaged } from '../sources/kafka/detect.js';
import { detectKinesis } from '../sources/kinesis/detect.js';
import { detectS3, detectS3TestEvent } from '../sources/s3/detect.js';
import { detectSns } from '../sources/sns/detect.js';
import { detectSqs } from '../sources/sqs/detect.js';
import { detectWebSocket } from '../sources/websocket/detect.js';
import type { EventChecker } from './problems.js';
import { ProblemList } from './problems.js';

/**
 * One kind of event: its cheap `detect` (the source's detect.ts), and its checker, loaded only when an
 * event of that kind is checked, so `gen-event check` loads every detector and one checker, however
 * many sources there are. The loaded checker's `detect` is this one (test/check/registry.test.ts).
 */
export interface CheckerEntry {
  detect(event: unknown): boolean;
  load(): Promise<EventChecker>;
}

/** Every kind; `detect` of at most one of them accepts any event. */
export const checkerEntries: readonly CheckerEntry[] = [
  { detect: detectSqs, load: async () => (await import('../sources/sqs/check.js')).sqsChecker },
  { detect: detectS3, load: async () => (await import('../sources/s3/check.js')).s3Checker },
  {
    detect: detectS3TestEvent,
    load: async () => (await import('../sources/s3/check.js')).s3TestEventChecker,
  },
  { detect: detectSns, load: async () => (await import('../sources/sns/check.js')).snsChecker },
  {
    detect: detectEventBridge,
    load: async () => (await import('../sources/eventbridge/check.js')).eventBridgeChecker,
  },
  {
    detect: detectAlbSingleValue,
    load: async () => (await import('../sources/alb/check.js')).albSingleValueChecker,
  },
  {
    detect: detectAlbMultiValue,
    load: async () => (await import('../sources/alb/check.js')).albMultiValueChecker,
  },
  { detect: detectApigwV1, load: async () => (await import('../sources/apigw-v1/check.js')).apigwV1Checker },
  { detect: detectApigwV2, load: async () => (await import('../sources/apigw-v2/check.js')).apigwV2Checker },
  {
    detect: detectFunctionUrl,
    load: async () => (await import('../sources/function-url/check.js')).functionUrlChecker,
  },
  {
    detect: detectCloudWatchLogs,
    load: async () => (await import('../sources/cloudwatch-logs/check.js')).cloudWatchLogsChecker,
  },
  { detect: detectKafkaMsk, load: async () => (await import('../sources/kafka/check.js')).kafkaMskChecker },
  {
    detect: detectKafkaSelfManaged,
    load: async () => (await import('../sources/kafka/check.js')).kafkaSelfManagedChecker,
  },
  {
    detect: detectFirehose,
    load: async () => (await import('../sources/firehose/check.js')).firehoseChecker,
  },
  {
    detect: detectDynamodb,
    load: async () => (await import('../sources/dynamodb/check.js')).dynamodbChecker,
  },
  { detect: detectKinesis, load: async () => (await import('../sources/kinesis/check.js')).kinesisChecker },
  {
    detect: detectTokenAuthorizer,
    load: async () => (await import('../sources/authorizer/check.js')).tokenAuthorizerChecker,
  },
  {
    detect: detectRequestAuthorizer,
    load: async () => (await import('../sources/authorizer/check.js')).requestAuthorizerChecker,
  },
  {
    detect: detectHttpApiV1Authorizer,
    load: async () => (await import('../sources/authorizer/check.js')).httpApiV1AuthorizerChecker,
  },
  {
    detect: detectHttpApiV2Authorizer,
    load: async () => (await import('../sources/authorizer/check.js')).httpApiV2AuthorizerChecker,
  },
  {
    detect: detectWebSocketAuthorizer,
    load: async () => (await import('../sources/authorizer/check.js')).webSocketAuthorizerChecker,
  },
  {
    detect: detectWebSocket,
    load: async () => (await import('../sources/websocket/check.js')).webSocketChecker,
  },
  {
    detect: detectCloudFront,
    load: async () => (await import('../sources/cloudfront/check.js')).cloudFrontChecker,
  },
  {
    detect: isAppSyncResolverEvent,
    load: async () => (await import('../sources/appsync/check.js')).appSyncChecker,
  },
  {
    detect: isAppSyncBatch,
    load: async () => (await import('../sources/appsync/check.js')).appSyncBatchChecker,
  },
  { detect: detectCognito, load: async () => (await import('../sources/cognito/check.js')).cognitoChecker },
  {
    detect: detectCloudFormation,
    load: async () => (await import('../sources/cloudformation/check.js')).cloudFormationChecker,
  },
];

export interface CheckResult {
  /** The detected kind, or `unknown`. */
  kind: string;
  problems: ProblemList['problems'];
}

/** Detects what an event is and checks it against the same rules the generator obeys. */
export async function checkEvent(event: unknown): Promise<CheckResult> {
  const entry = checkerEntries.find((candidate) => candidate.detect(event));
  if (!entry) return { kind: 'unknown', problems: [] };
  const checker = await entry.load();
  const problems = new ProblemList();
  checker.check(event as Record<string, unknown>, problems);
  return { kind: checker.kind, problems: problems.problems };
}
