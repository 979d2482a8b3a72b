import type { ResponseChecker } from './response-checker.js';

/**
 * The response checker of each source whose service reads what the handler returns, by source name
 * (aliases are resolved through the catalog first). Each is imported only when a check names it. A
 * source adds one line here.
 */
export const responseCheckers = {
  alb: async () => (await import('../sources/alb/response.js')).albResponseChecker,
  'apigw-v1': async () => (await import('../sources/apigw-v1/response.js')).apigwV1ResponseChecker,
  'apigw-v2': async () => (await import('../sources/apigw-v2/response.js')).apigwV2ResponseChecker,
  'function-url': async () =>
    (await import('../sources/function-url/response.js')).functionUrlResponseChecker,
  authorizer: async () => (await import('../sources/authorizer/response.js')).authorizerResponseChecker,
  websocket: async () => (await import('../sources/websocket/response.js')).webSocketResponseChecker,
  sqs: async () => (await import('../sources/sqs/response.js')).sqsResponseChecker,
  kinesis: async () => (await import('../sources/kinesis/response.js')).kinesisResponseChecker,
  dynamodb: async () => (await import('../sources/dynamodb/response.js')).dynamodbResponseChecker,
  kafka: async () => (await import('../sources/kafka/response.js')).kafkaResponseChecker,
  firehose: async () => (await import('../sources/firehose/response.js')).firehoseResponseChecker,
  cloudfront: async () => (await import('../sources/cloudfront/response.js')).cloudfrontResponseChecker,
  appsync: async () => (await import('../sources/appsync/response.js')).appsyncResponseChecker,
  cognito: async () => (await import('../sources/cognito/response.js')).cognitoResponseChecker,
  cloudformation: async () =>
    (await import('../sources/cloudformation/response.js')).cloudformationResponseChecker,
} satisfies Record<string, () => Promise<ResponseChecker>>;

/** The sources check-response takes, by their own names. */
export type ResponseSourceName = keyof typeof responseCheckers;

/**
 * The sources whose service does nothing with the return value, and why: there is no contract to
 * check (FORMATS §1.6 and each source's section: these invoke asynchronously, or the caller is not a
 * service).
 */
export const ignoredResponses: Readonly<Record<string, string>> = {
  s3: 'S3 invokes the function asynchronously and ignores what it returns',
  sns: 'SNS invokes the function asynchronously and ignores what it returns',
  eventbridge: 'EventBridge invokes the function asynchronously and ignores what it returns',
  'cloudwatch-logs': 'CloudWatch Logs invokes the function asynchronously and ignores what it returns',
  direct: 'a direct invocation has no service contract: the caller gets whatever the handler returns',
};
