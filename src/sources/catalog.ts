import type { Source } from './source.js';

/**
 * What the CLI knows of a source before loading it: its names and one line for `gen-event list`.
 * The source itself (options, templates, builder) is imported only when a run uses it, so start-up
 * does not grow with the number of sources.
 */
export interface SourceEntry {
  readonly name: string;
  readonly aliases: readonly string[];
  /** One line for `gen-event list` and the general `--help`. */
  readonly summary: string;
  load(): Promise<Source<unknown>>;
}

/** Every source, in the order `gen-event list` shows them. */
export const catalog: readonly SourceEntry[] = [
  {
    name: 'sqs',
    aliases: [],
    summary: 'SQS queue batch (standard or FIFO) as an event source mapping delivers it',
    load: async () => (await import('./sqs/index.js')).sqs as Source<unknown>,
  },
  {
    name: 's3',
    aliases: [],
    summary: 'S3 event notification (object created, removed, restored, tagged…, or the test event)',
    load: async () => (await import('./s3/index.js')).s3 as Source<unknown>,
  },
  {
    name: 'sns',
    aliases: [],
    summary: 'SNS notification as SNS invokes a function with it',
    load: async () => (await import('./sns/index.js')).sns as Source<unknown>,
  },
  {
    name: 'eventbridge',
    aliases: ['events'],
    summary: 'EventBridge event (custom, or a preset: scheduled rule, Scheduler, S3, EC2)',
    load: async () => (await import('./eventbridge/index.js')).eventbridge as Source<unknown>,
  },
  {
    name: 'alb',
    aliases: [],
    summary: 'Application Load Balancer request to a Lambda target group (single- or multi-value)',
    load: async () => (await import('./alb/index.js')).alb as Source<unknown>,
  },
  {
    name: 'apigw-v1',
    aliases: ['rest', 'apigateway'],
    summary: 'API Gateway REST API request (Lambda proxy integration, payload 1.0)',
    load: async () => (await import('./apigw-v1/index.js')).apigwV1 as Source<unknown>,
  },
  {
    name: 'apigw-v2',
    aliases: ['http-api'],
    summary: 'API Gateway HTTP API request (payload format 2.0)',
    load: async () => (await import('./apigw-v2/index.js')).apigwV2 as Source<unknown>,
  },
  {
    name: 'function-url',
    aliases: ['url'],
    summary: 'Lambda function URL request (payload format 2.0, AuthType NONE or AWS_IAM)',
    load: async () => (await import('./function-url/index.js')).functionUrl as Source<unknown>,
  },
  {
    name: 'authorizer',
    aliases: [],
    summary:
      'Input of an API Gateway Lambda authorizer (REST TOKEN/REQUEST, HTTP API 1.0/2.0, WebSocket $connect)',
    load: async () => (await import('./authorizer/index.js')).authorizer as Source<unknown>,
  },
  {
    name: 'websocket',
    aliases: ['ws'],
    summary: 'API Gateway WebSocket API event: $connect, a message, or $disconnect (Lambda proxy)',
    load: async () => (await import('./websocket/index.js')).websocket as Source<unknown>,
  },
  {
    name: 'cloudfront',
    aliases: ['edge'],
    summary:
      'CloudFront Lambda@Edge event: viewer or origin request, origin or viewer response ({key, value} headers)',
    load: async () => (await import('./cloudfront/index.js')).cloudfront as Source<unknown>,
  },
  {
    name: 'appsync',
    aliases: [],
    summary: 'AppSync direct Lambda resolver invocation (any auth mode), or a batch invoke',
    load: async () => (await import('./appsync/index.js')).appsync as Source<unknown>,
  },
  {
    name: 'cognito',
    aliases: [],
    summary: 'Cognito user pool trigger (sign-up, auth, custom auth, pre token V1-V3, migration, messages)',
    load: async () => (await import('./cognito/index.js')).cognito as Source<unknown>,
  },
  {
    name: 'cloudformation',
    aliases: ['cfn'],
    summary: 'CloudFormation custom resource request (Create, Update or Delete) to a Lambda-backed provider',
    load: async () => (await import('./cloudformation/index.js')).cloudformation as Source<unknown>,
  },
  {
    name: 'direct',
    aliases: ['invoke'],
    summary:
      'Direct invocation (aws lambda invoke, the console Test button, SDK Invoke): the payload as sent',
    load: async () => (await import('./direct/index.js')).direct as Source<unknown>,
  },
  {
    name: 'cloudwatch-logs',
    aliases: ['logs'],
    summary: 'CloudWatch Logs subscription filter delivery (awslogs.data: base64 of gzip of the JSON)',
    load: async () => (await import('./cloudwatch-logs/index.js')).cloudWatchLogs as Source<unknown>,
  },
  {
    name: 'kafka',
    aliases: [],
    summary:
      'Kafka batch from Amazon MSK or a self-managed cluster (--self-managed), grouped by topic-partition',
    load: async () => (await import('./kafka/index.js')).kafka as Source<unknown>,
  },
  {
    name: 'firehose',
    aliases: [],
    summary: 'Firehose data-transformation invocation: base64 records, Direct PUT or from a Kinesis stream',
    load: async () => (await import('./firehose/index.js')).firehose as Source<unknown>,
  },
  {
    name: 'dynamodb',
    aliases: ['ddb'],
    summary:
      'DynamoDB Streams batch (INSERT, MODIFY, REMOVE or TTL delete) as an event source mapping delivers it',
    load: async () => (await import('./dynamodb/index.js')).dynamodb as Source<unknown>,
  },
  {
    name: 'kinesis',
    aliases: [],
    summary: 'Kinesis Data Streams batch from one shard as an event source mapping delivers it',
    load: async () => (await import('./kinesis/index.js')).kinesis as Source<unknown>,
  },
];

/** Every name and alias a source answers to, in catalog order. */
export const sourceNames: readonly string[] = catalog.flatMap((entry) => [entry.name, ...entry.aliases]);

/** Finds a source's entry by name or alias, without loading it. */
export function findEntry(name: string): SourceEntry | undefined {
  return catalog.find((entry) => entry.name === name || entry.aliases.includes(name));
}

/** Loads the source a name or alias stands for. */
export async function loadSource(name: string): Promise<Source<unknown> | undefined> {
  return findEntry(name)?.load();
}

/** Loads every source (tests, and commands that describe them all). */
export function loadAllSources(): Promise<Source<unknown>[]> {
  return Promise.all(catalog.map((entry) => entry.load()));
}
