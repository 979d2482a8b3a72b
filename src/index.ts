/**
 * gen-event as a library: the same engine and the same output as the CLI for the same options.
 * The library never prints or exits; it throws `UsageError` / `InputError` with a message to act on.
 */
import type {
  ALBEvent,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyEventV2WithIAMAuthorizer,
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyEventV2WithLambdaAuthorizer,
  APIGatewayProxyWithCognitoAuthorizerEvent,
  APIGatewayProxyWithLambdaAuthorizerEvent,
  AppSyncResolverEvent,
  CloudFormationCustomResourceEvent,
  CloudFrontRequestEvent,
  CloudFrontResponseEvent,
  CloudWatchLogsEvent,
  DynamoDBStreamEvent,
  EventBridgeEvent,
  FirehoseTransformationEvent,
  KinesisStreamEvent,
  LambdaFunctionURLEvent,
  LambdaFunctionURLEventWithIAMAuthorizer,
  MSKEvent,
  S3Event,
  SelfManagedKafkaEvent,
  SNSEvent,
  SQSEvent,
} from 'aws-lambda';
import type { CommonOptions } from './core/common-options.js';
import { checkEventSize, createEventStream } from './core/engine.js';
import { UsageError } from './core/errors.js';
import { EventIterator } from './core/event-iterator.js';
import { integer } from './core/option-shapes.js';
import type { AlbOptions } from './sources/alb/index.js';
import type { ApigwV1Options, RestAuthorizerKind } from './sources/apigw-v1/index.js';
import type { ApigwV2Options, HttpApiAuthorizerKind } from './sources/apigw-v2/index.js';
import type { AppSyncOptions } from './sources/appsync/options.js';
import type { AuthorizerOptions } from './sources/authorizer/options.js';
import type { AnyAuthorizerEvent, AuthorizerEventOf } from './sources/authorizer/types.js';
import { loadSource } from './sources/catalog.js';
import type { CloudFormationOptions } from './sources/cloudformation/options.js';
import type { CloudFormationEventOf } from './sources/cloudformation/types.js';
import type { CloudFrontOptions, EdgeEventType } from './sources/cloudfront/index.js';
import type { CloudWatchLogsOptions } from './sources/cloudwatch-logs/index.js';
import type { CognitoOptions } from './sources/cognito/options.js';
import type { CognitoEventOf, CognitoTriggerEvent } from './sources/cognito/types.js';
import type { DirectOptions } from './sources/direct/index.js';
import type { DynamoDbOptions } from './sources/dynamodb/index.js';
import type { EventBridgeOptions, EventBridgePreset } from './sources/eventbridge/index.js';
import type { FirehoseOptions } from './sources/firehose/index.js';
import type { FunctionUrlAuth, FunctionUrlOptions } from './sources/function-url/index.js';
import type { KafkaOptions } from './sources/kafka/index.js';
import type { KinesisOptions } from './sources/kinesis/index.js';
import type { S3TestEvent } from './sources/s3/event-names.js';
import type { S3Options } from './sources/s3/index.js';
import type { SnsOptions } from './sources/sns/index.js';
import type { Source } from './sources/source.js';
import type { SqsOptions } from './sources/sqs/index.js';
import type { Hop } from './sources/via/options.js';
import type { WebSocketOptions } from './sources/websocket/options.js';
import type { WebSocketEvent, WebSocketEventOf } from './sources/websocket/types.js';

export {
  type CheckResponseOptions,
  checkResponse,
  type ResponseCheckResult,
} from './check/check-response.js';
export type { Problem } from './check/problems.js';
export type { ResponseSourceName } from './check/response-registry.js';
export type { CommonOptions } from './core/common-options.js';
export { GenEventError, InputError, UsageError } from './core/errors.js';
export { type LambdaContextOptions, lambdaContext } from './lambda-context/context.js';
export { invoke } from './lambda-context/invoke.js';
export type { AlbOptions } from './sources/alb/index.js';
export type { ApigwV1Options, RestAuthorizerKind } from './sources/apigw-v1/index.js';
export type { ApigwV2Options, HttpApiAuthorizerKind } from './sources/apigw-v2/index.js';
export type { AppSyncIdentityMode, AppSyncOptions } from './sources/appsync/options.js';
export type { AuthorizerApi, AuthorizerOptions } from './sources/authorizer/options.js';
export type {
  AnyAuthorizerEvent,
  AuthorizerEventOf,
  HttpApiAuthorizerEventV1,
  WebSocketConnectAuthorizerEvent,
  WebSocketConnectContext,
} from './sources/authorizer/types.js';
export type { CloudFormationOptions, CloudFormationRequestType } from './sources/cloudformation/options.js';
export type {
  CloudFormationEventByRequestType,
  CloudFormationEventOf,
} from './sources/cloudformation/types.js';
export type { CloudFrontOptions, EdgeEventType, EdgeOrigin } from './sources/cloudfront/index.js';
export type { CloudWatchLogsOptions } from './sources/cloudwatch-logs/index.js';
export type { CognitoOptions } from './sources/cognito/options.js';
export type { CognitoTrigger, SessionEntry, TokenVersion } from './sources/cognito/triggers.js';
export type { CognitoEventOf, CognitoTriggerEvent } from './sources/cognito/types.js';
export type { DirectOptions } from './sources/direct/index.js';
export type {
  AttributeValue,
  DynamoDbEventName,
  DynamoDbOptions,
  Item,
  SetType,
  StreamViewType,
} from './sources/dynamodb/index.js';
export type { EventBridgeOptions, EventBridgePreset } from './sources/eventbridge/index.js';
export type { FirehoseOptions } from './sources/firehose/index.js';
export type { FunctionUrlAuth, FunctionUrlOptions } from './sources/function-url/index.js';
export type { HttpRequestOptions, ParamInput } from './sources/http/options.js';
export type { KafkaOptions } from './sources/kafka/index.js';
export type { KinesisOptions } from './sources/kinesis/index.js';
export type { S3TestEvent } from './sources/s3/event-names.js';
export type { S3Options } from './sources/s3/index.js';
export type { SnsAttributeInput, SnsOptions } from './sources/sns/index.js';
export type { SqsAttributeInput, SqsOptions } from './sources/sqs/index.js';
export type { Hop } from './sources/via/options.js';
export type { WebSocketOptions } from './sources/websocket/options.js';
export type {
  WebSocketConnectEvent,
  WebSocketDisconnectEvent,
  WebSocketEvent,
  WebSocketEventOf,
  WebSocketMessageEvent,
} from './sources/websocket/types.js';

/** A partial copy of an event type, for `override`: nested fields may be left out, misspelt ones do not compile. */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? DeepPartial<Item>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/** Options of a source plus the common ones, with `override` typed for the source's event. */
export type EventOptions<SourceOptions, Event> = SourceOptions &
  Omit<CommonOptions, 'override'> & {
    /** A partial event deep-merged into the generated one, last but for `set` (arrays element by element). */
    override?: DeepPartial<Event>;
  };

/** The events each source produces, for `generate()`'s return type. */
export interface EventTypes {
  sqs: SQSEvent;
  s3: S3Event;
  sns: SNSEvent;
  eventbridge: EventBridgeEvent<string, unknown>;
  events: EventBridgeEvent<string, unknown>;
  alb: ALBEvent;
  'apigw-v1': APIGatewayProxyEvent;
  rest: APIGatewayProxyEvent;
  apigateway: APIGatewayProxyEvent;
  'apigw-v2': APIGatewayProxyEventV2;
  'http-api': APIGatewayProxyEventV2;
  'function-url': LambdaFunctionURLEvent;
  url: LambdaFunctionURLEvent;
  authorizer: AnyAuthorizerEvent;
  websocket: WebSocketEvent;
  ws: WebSocketEvent;
  cloudfront: CloudFrontRequestEvent | CloudFrontResponseEvent;
  edge: CloudFrontRequestEvent | CloudFrontResponseEvent;
  appsync: AppSyncEvent | AppSyncEvent[];
  cloudformation: CloudFormationCustomResourceEvent;
  cfn: CloudFormationCustomResourceEvent;
  direct: unknown;
  invoke: unknown;
  'cloudwatch-logs': CloudWatchLogsEvent;
  logs: CloudWatchLogsEvent;
  kafka: MSKEvent;
  firehose: FirehoseTransformationEvent;
  dynamodb: DynamoDBStreamEvent;
  ddb: DynamoDBStreamEvent;
  kinesis: KinesisStreamEvent;
  cognito: CognitoTriggerEvent;
}

export interface OptionTypes {
  sqs: SqsOptions;
  s3: S3Options;
  sns: SnsOptions;
  eventbridge: EventBridgeOptions;
  events: EventBridgeOptions;
  alb: AlbOptions;
  'apigw-v1': ApigwV1Options;
  rest: ApigwV1Options;
  apigateway: ApigwV1Options;
  'apigw-v2': ApigwV2Options;
  'http-api': ApigwV2Options;
  'function-url': FunctionUrlOptions;
  url: FunctionUrlOptions;
  authorizer: AuthorizerOptions;
  websocket: WebSocketOptions;
  ws: WebSocketOptions;
  cloudfront: CloudFrontOptions;
  edge: CloudFrontOptions;
  appsync: AppSyncOptions;
  cloudformation: CloudFormationOptions;
  cfn: CloudFormationOptions;
  direct: DirectOptions;
  invoke: DirectOptions;
  'cloudwatch-logs': CloudWatchLogsOptions;
  logs: CloudWatchLogsOptions;
  kafka: KafkaOptions;
  firehose: FirehoseOptions;
  dynamodb: DynamoDbOptions;
  ddb: DynamoDbOptions;
  kinesis: KinesisOptions;
  cognito: CognitoOptions;
}

/** An AppSync direct Lambda resolver event: the field's arguments, and the parent object (null for root types). */
export type AppSyncEvent = AppSyncResolverEvent<Record<string, unknown>, Record<string, unknown> | null>;

/** A batch invoke delivers an array of resolver events; a plain invoke one of them. */
export type AppSyncEventOf<Options> = Options extends { batch: number } ? AppSyncEvent[] : AppSyncEvent;

/** The REST event type for each authorizer: Cognito claims, a Lambda authorizer's context, or none. */
export interface RestEventByAuthorizer {
  none: APIGatewayProxyEvent;
  iam: APIGatewayProxyEvent;
  cognito: APIGatewayProxyWithCognitoAuthorizerEvent;
  lambda: APIGatewayProxyWithLambdaAuthorizerEvent<Record<string, string>>;
}

/** The HTTP API event type for each authorizer. */
export interface HttpApiEventByAuthorizer {
  none: APIGatewayProxyEventV2;
  jwt: APIGatewayProxyEventV2WithJWTAuthorizer;
  lambda: APIGatewayProxyEventV2WithLambdaAuthorizer<Record<string, unknown> | null>;
  iam: APIGatewayProxyEventV2WithIAMAuthorizer;
}

/** The Kafka event type: Amazon MSK, or a self-managed cluster. */
export type KafkaEventFor<SelfManaged extends boolean> = SelfManaged extends true
  ? SelfManagedKafkaEvent
  : MSKEvent;

/** The function URL event type for each AuthType. */
export interface FunctionUrlEventByAuth {
  none: LambdaFunctionURLEvent;
  iam: LambdaFunctionURLEventWithIAMAuthorizer;
}

export type SourceName = keyof EventTypes;

async function sourceNamed(name: string): Promise<Source<unknown>> {
  const source = typeof name === 'string' ? await loadSource(name) : undefined;
  if (!source) throw new UsageError(`unknown source '${name}'`, 'see gen-event list');
  return source;
}

/** One event of the named source. */
export async function generate<Name extends SourceName>(
  source: Name,
  options: EventOptions<OptionTypes[Name], EventTypes[Name]> = {} as EventOptions<
    OptionTypes[Name],
    EventTypes[Name]
  >,
): Promise<EventTypes[Name]> {
  const chosen = await sourceNamed(source);
  const stream = await createEventStream(chosen, options);
  const event = stream.next();
  checkEventSize(chosen, Buffer.byteLength(JSON.stringify(event)), stream.run);
  return event as EventTypes[Name];
}

/** `count` independent events of the named source (distinct ids, times moving forward), produced lazily. */
export function generateMany<Name extends SourceName>(
  source: Name,
  count: number,
  options: EventOptions<OptionTypes[Name], EventTypes[Name]> = {} as EventOptions<
    OptionTypes[Name],
    EventTypes[Name]
  >,
): AsyncGenerator<EventTypes[Name], undefined> {
  return new EventIterator<EventTypes[Name]>(async () => {
    integer(0, Number.MAX_SAFE_INTEGER).read(count, 'count');
    return createEventStream(await sourceNamed(source), options);
  }, count);
}

/** An SQS event, e.g. `await sqsEvent({ bodies: ['{"orderId":42}'], fifo: true, seed: 1 })`. */
export function sqsEvent(options: EventOptions<SqsOptions, SQSEvent> = {}): Promise<SQSEvent> {
  return generate('sqs', options);
}

/** The S3 event each `eventName` gives: the configuration's test message, or a notification. */
export type S3EventFor<Name extends string> = Name extends 's3:TestEvent' ? S3TestEvent : S3Event;

/** What a function receives at the end of a delivery chain: the last service's event, else `Inner`. */
export type DeliveredEvent<
  Via extends readonly Hop[],
  Inner,
  EventBridgeForm = EventBridgeEvent<string, unknown>,
> = Via extends readonly [...unknown[], infer Last]
  ? Last extends 'sqs'
    ? SQSEvent
    : Last extends 'sns'
      ? SNSEvent
      : EventBridgeForm
  : Inner;

/** S3's own EventBridge event (`--via eventbridge`), whose detail describes the object change. */
export type S3EventBridgeEvent = EventBridgeEvent<string, Record<string, unknown>>;

/**
 * An S3 notification, e.g. `await s3Event({ key: 'photos/summer trip.jpg', body: 'hello', seed: 1 })`;
 * `eventName: 's3:TestEvent'` gives the configuration's test message instead, and
 * `via: ['sns', 'sqs']` the SQS event that delivers it through a topic and a queue.
 */
export function s3Event<Name extends string = 'ObjectCreated:Put', const Via extends readonly Hop[] = []>(
  options: EventOptions<
    S3Options & { eventName?: Name; via?: Via },
    DeliveredEvent<Via, S3EventFor<Name>, S3EventBridgeEvent>
  > = {},
): Promise<DeliveredEvent<Via, S3EventFor<Name>, S3EventBridgeEvent>> {
  return generate('s3', options as EventOptions<S3Options, S3Event>) as Promise<
    DeliveredEvent<Via, S3EventFor<Name>, S3EventBridgeEvent>
  >;
}

/**
 * An SNS event, e.g. `await snsEvent({ messages: ['{"orderId":42}'], subject: 'Order placed', seed: 1 })`;
 * with `via: ['sqs']`, the SQS event of a queue subscribed to the topic.
 */
export function snsEvent<const Via extends readonly 'sqs'[] = []>(
  options: EventOptions<SnsOptions & { via?: Via }, DeliveredEvent<Via, SNSEvent>> = {},
): Promise<DeliveredEvent<Via, SNSEvent>> {
  return generate('sns', options as EventOptions<SnsOptions, SNSEvent>) as Promise<
    DeliveredEvent<Via, SNSEvent>
  >;
}

/**
 * An EventBridge event, e.g. `await eventBridgeEvent<{ orderId: number }>({ detail: { orderId: 42 } })`,
 * or a preset (`preset: 'schedule'`); `preset: 'scheduler'` gives the Scheduler's input itself
 * (no envelope), typed `unknown`. With `via`, the event delivered through SQS or SNS.
 */
export function eventBridgeEvent<
  Detail = unknown,
  DetailType extends string = string,
  const Via extends readonly ('sqs' | 'sns')[] = [],
  Preset extends EventBridgePreset | undefined = undefined,
>(
  options: EventOptions<
    EventBridgeOptions & { via?: Via; preset?: Preset },
    DeliveredEvent<Via, Preset extends 'scheduler' ? unknown : EventBridgeEvent<DetailType, Detail>>
  > = {},
): Promise<DeliveredEvent<Via, Preset extends 'scheduler' ? unknown : EventBridgeEvent<DetailType, Detail>>> {
  return generate(
    'eventbridge',
    options as unknown as EventOptions<EventBridgeOptions, EventBridgeEvent<string, unknown>>,
  ) as unknown as Promise<
    DeliveredEvent<Via, Preset extends 'scheduler' ? unknown : EventBridgeEvent<DetailType, Detail>>
  >;
}

/** A direct-invocation event: the payload itself, given, generated from a schema, or realistic. */
export function directEvent(options: EventOptions<DirectOptions, unknown> = {}): Promise<unknown> {
  return generate('direct', options);
}

/** An ALB event, e.g. `await albEvent({ path: '/orders?status=open', multiValue: true, seed: 1 })`. */
export function albEvent(options: EventOptions<AlbOptions, ALBEvent> = {}): Promise<ALBEvent> {
  return generate('alb', options);
}

/**
 * An API Gateway REST API event, typed by its authorizer, e.g.
 * `await apigwV1Event({ resource: '/users/{id}', path: '/users/42', authorizer: 'cognito' })`.
 */
export function apigwV1Event<Authorizer extends RestAuthorizerKind = 'none'>(
  options: EventOptions<ApigwV1Options & { authorizer?: Authorizer }, RestEventByAuthorizer[Authorizer]> = {},
): Promise<RestEventByAuthorizer[Authorizer]> {
  return generate('apigw-v1', options as EventOptions<ApigwV1Options, APIGatewayProxyEvent>) as Promise<
    RestEventByAuthorizer[Authorizer]
  >;
}

/**
 * An API Gateway HTTP API event, typed by its authorizer, e.g.
 * `await apigwV2Event({ route: 'GET /items/{id}', path: '/items/42', authorizer: 'jwt' })`.
 */
export function apigwV2Event<Authorizer extends HttpApiAuthorizerKind = 'none'>(
  options: EventOptions<
    ApigwV2Options & { authorizer?: Authorizer },
    HttpApiEventByAuthorizer[Authorizer]
  > = {},
): Promise<HttpApiEventByAuthorizer[Authorizer]> {
  return generate('apigw-v2', options as EventOptions<ApigwV2Options, APIGatewayProxyEventV2>) as Promise<
    HttpApiEventByAuthorizer[Authorizer]
  >;
}

/** A function URL event, typed by its AuthType, e.g. `await functionUrlEvent({ auth: 'iam', json: { a: 1 } })`. */
export function functionUrlEvent<Auth extends FunctionUrlAuth = 'none'>(
  options: EventOptions<FunctionUrlOptions & { auth?: Auth }, FunctionUrlEventByAuth[Auth]> = {},
): Promise<FunctionUrlEventByAuth[Auth]> {
  return generate(
    'function-url',
    options as EventOptions<FunctionUrlOptions, LambdaFunctionURLEvent>,
  ) as Promise<FunctionUrlEventByAuth[Auth]>;
}

/**
 * A CloudWatch Logs subscription event, e.g. `await cloudWatchLogsEvent({ messages: ['ERROR x'], seed: 1 })`;
 * `zlib.gunzipSync(Buffer.from(event.awslogs.data, 'base64'))` gives back the JSON message.
 */
export function cloudWatchLogsEvent(
  options: EventOptions<CloudWatchLogsOptions, CloudWatchLogsEvent> = {},
): Promise<CloudWatchLogsEvent> {
  return generate('cloudwatch-logs', options);
}

/**
 * A Kafka batch, typed by where the cluster runs, e.g. `await kafkaEvent({ topic: 'orders', values: ['{"a":1}'] })`
 * (an MSKEvent) or `await kafkaEvent({ selfManaged: true, bootstrapServers: 'kafka-1:9092' })` (a SelfManagedKafkaEvent).
 */
export function kafkaEvent<SelfManaged extends boolean = false>(
  options: EventOptions<KafkaOptions & { selfManaged?: SelfManaged }, KafkaEventFor<SelfManaged>> = {},
): Promise<KafkaEventFor<SelfManaged>> {
  return generate('kafka', options as EventOptions<KafkaOptions, MSKEvent>) as Promise<
    KafkaEventFor<SelfManaged>
  >;
}

/**
 * The input a Lambda authorizer receives, typed by the options that choose it, e.g.
 * `await authorizerEvent({ type: 'request', resource: '/users/{id}', path: '/users/42' })` is an
 * `APIGatewayRequestAuthorizerEvent`, `await authorizerEvent({ payload: '2.0' })` an
 * `APIGatewayRequestAuthorizerEventV2`.
 */
export function authorizerEvent<
  // biome-ignore lint/complexity/noBannedTypes: no options at all choose the default, a REST TOKEN input
  const Options extends Pick<AuthorizerOptions, 'api' | 'type' | 'payload'> = {},
>(
  options: Options & EventOptions<AuthorizerOptions, AuthorizerEventOf<Options>> = {} as Options &
    EventOptions<AuthorizerOptions, AuthorizerEventOf<Options>>,
): Promise<AuthorizerEventOf<Options>> {
  return generate('authorizer', options as EventOptions<AuthorizerOptions, AnyAuthorizerEvent>) as Promise<
    AuthorizerEventOf<Options>
  >;
}

/**
 * A Firehose data-transformation invocation, e.g. `await firehoseEvent({ data: ['{"a":1}'], seed: 1 })`;
 * `sourceStream` gives the variant whose records were read from a Kinesis data stream.
 */
export function firehoseEvent(
  options: EventOptions<FirehoseOptions, FirehoseTransformationEvent> = {},
): Promise<FirehoseTransformationEvent> {
  return generate('firehose', options);
}

/**
 * A DynamoDB Streams event; images are plain JSON, marshalled to AttributeValues, e.g.
 * `await dynamoDbEvent({ newImage: { id: '42', total: 19.5 }, table: 'orders', seed: 1 })`.
 */
export function dynamoDbEvent(
  options: EventOptions<DynamoDbOptions, DynamoDBStreamEvent> = {},
): Promise<DynamoDBStreamEvent> {
  return generate('dynamodb', options);
}

/** A Kinesis Data Streams event, e.g. `await kinesisEvent({ data: ['{"sensor":"t-1"}'], partitionKey: 't-1' })`. */
export function kinesisEvent(
  options: EventOptions<KinesisOptions, KinesisStreamEvent> = {},
): Promise<KinesisStreamEvent> {
  return generate('kinesis', options);
}

/** The Lambda@Edge event type for each trigger: the request alone, or the request and the response. */
export type CloudFrontEventFor<Type extends EdgeEventType> = Type extends
  | 'origin-response'
  | 'viewer-response'
  ? CloudFrontResponseEvent
  : CloudFrontRequestEvent;

/**
 * A CloudFront Lambda@Edge event, typed by its trigger, e.g.
 * `await cloudfrontEvent({ eventType: 'origin-request', origin: 's3', path: '/img/a.png' })`;
 * `eventType: 'origin-response', status: 404` is the origin's answer as the function sees it.
 */
export function cloudfrontEvent<Type extends EdgeEventType = 'viewer-request'>(
  options: EventOptions<CloudFrontOptions & { eventType?: Type }, CloudFrontEventFor<Type>> = {},
): Promise<CloudFrontEventFor<Type>> {
  return generate(
    'cloudfront',
    options as EventOptions<CloudFrontOptions, CloudFrontRequestEvent>,
  ) as Promise<CloudFrontEventFor<Type>>;
}

/**
 * A WebSocket API event, typed by its route, e.g. `await websocketEvent({ route: 'sendmessage', json: { a: 1 } })`
 * is a message, `await websocketEvent({ route: '$disconnect', disconnectStatus: 1000 })` a disconnect.
 */
export function websocketEvent<
  // biome-ignore lint/complexity/noBannedTypes: no options at all make a $default message
  const Options extends Pick<WebSocketOptions, 'route' | 'lifecycle'> = {},
>(
  options: Options & EventOptions<WebSocketOptions, WebSocketEventOf<Options>> = {} as Options &
    EventOptions<WebSocketOptions, WebSocketEventOf<Options>>,
): Promise<WebSocketEventOf<Options>> {
  return generate('websocket', options as EventOptions<WebSocketOptions, WebSocketEvent>) as Promise<
    WebSocketEventOf<Options>
  >;
}

/**
 * An AppSync direct Lambda resolver event, e.g.
 * `await appsyncEvent({ field: 'getPost', arguments: { id: '42' }, identity: 'api-key' })`;
 * `batch: 3` gives the array of three events a batch invoke delivers.
 */
export function appsyncEvent<
  // biome-ignore lint/complexity/noBannedTypes: no options at all make one Query field's event
  const Options extends Pick<AppSyncOptions, 'batch'> = {},
>(
  options: Options & EventOptions<AppSyncOptions, AppSyncEventOf<Options>> = {} as Options &
    EventOptions<AppSyncOptions, AppSyncEventOf<Options>>,
): Promise<AppSyncEventOf<Options>> {
  return generate(
    'appsync',
    options as EventOptions<AppSyncOptions, AppSyncEvent | AppSyncEvent[]>,
  ) as Promise<AppSyncEventOf<Options>>;
}

/**
 * A Cognito user pool trigger event, typed by its trigger, e.g.
 * `await cognitoEvent({ trigger: 'PostConfirmation_ConfirmSignUp' })` is a `PostConfirmationTriggerEvent`,
 * `await cognitoEvent({ trigger: 'TokenGeneration_Authentication', tokenVersion: '2' })` a
 * `PreTokenGenerationV2TriggerEvent`.
 */
export function cognitoEvent<
  // biome-ignore lint/complexity/noBannedTypes: no options at all make a PreSignUp_SignUp event
  const Options extends Pick<CognitoOptions, 'trigger' | 'tokenVersion'> = {},
>(
  options: Options &
    EventOptions<
      CognitoOptions,
      CognitoEventOf<Options['trigger'], Options['tokenVersion']>
    > = {} as Options &
    EventOptions<CognitoOptions, CognitoEventOf<Options['trigger'], Options['tokenVersion']>>,
): Promise<CognitoEventOf<Options['trigger'], Options['tokenVersion']>> {
  return generate('cognito', options as EventOptions<CognitoOptions, CognitoTriggerEvent>) as Promise<
    CognitoEventOf<Options['trigger'], Options['tokenVersion']>
  >;
}

/**
 * A CloudFormation custom resource request, typed by its request type, e.g.
 * `await cloudformationEvent({ requestType: 'Update', properties: { Size: 2 }, oldProperties: { Size: 1 } })`
 * is a `CloudFormationCustomResourceUpdateEvent` whose properties arrive as strings (`"2"`).
 */
export function cloudformationEvent<
  // biome-ignore lint/complexity/noBannedTypes: no options at all make a Create request
  const Options extends Pick<CloudFormationOptions, 'requestType'> = {},
>(
  options: Options & EventOptions<CloudFormationOptions, CloudFormationEventOf<Options>> = {} as Options &
    EventOptions<CloudFormationOptions, CloudFormationEventOf<Options>>,
): Promise<CloudFormationEventOf<Options>> {
  return generate(
    'cloudformation',
    options as EventOptions<CloudFormationOptions, CloudFormationCustomResourceEvent>,
  ) as Promise<CloudFormationEventOf<Options>>;
}
