import type {
  APIGatewayAuthorizerEvent,
  APIGatewayRequestAuthorizerEvent,
  APIGatewayRequestAuthorizerEventV2,
  APIGatewayTokenAuthorizerEvent,
} from 'aws-lambda';

/**
 * The authorizer inputs `@types/aws-lambda` has no type for: HTTP API payload 1.0 and the WebSocket
 * `$connect` authorizer (FORMATS-api-identity §1.4, §1.5).
 */
export interface HttpApiAuthorizerEventV1 {
  version: '1.0';
  type: 'REQUEST';
  methodArn: string;
  /** The identity values, comma-joined; the same text as `authorizationToken`. */
  identitySource: string;
  authorizationToken: string;
  resource: string;
  path: string;
  httpMethod: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  requestContext: {
    accountId: string;
    apiId: string;
    domainName: string;
    domainPrefix: string;
    extendedRequestId: string;
    httpMethod: string;
    identity: Record<string, string | null>;
    path: string;
    protocol: string;
    requestId: string;
    requestTime: string;
    requestTimeEpoch: number;
    resourceId: string;
    resourcePath: string;
    stage: string;
  };
}

/** `requestContext` of a WebSocket CONNECT event, as its authorizer and the `$connect` route see it. */
export interface WebSocketConnectContext {
  routeKey: '$connect';
  eventType: 'CONNECT';
  extendedRequestId: string;
  requestTime: string;
  messageDirection: 'IN';
  stage: string;
  connectedAt: number;
  requestTimeEpoch: number;
  identity: { userAgent?: string; sourceIp: string };
  requestId: string;
  domainName: string;
  connectionId: string;
  apiId: string;
}

export interface WebSocketConnectAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  multiValueQueryStringParameters: Record<string, string[]>;
  stageVariables: Record<string, string>;
  requestContext: WebSocketConnectContext;
}

/** Any input gen-event's `authorizer` source makes. */
export type AnyAuthorizerEvent =
  | APIGatewayAuthorizerEvent
  | APIGatewayRequestAuthorizerEventV2
  | HttpApiAuthorizerEventV1
  | WebSocketConnectAuthorizerEvent;

/** The input type the options choose: `api`, then `payload` (HTTP) or `type` (REST). */
export type AuthorizerEventOf<Options> = Options extends { api: 'websocket' }
  ? WebSocketConnectAuthorizerEvent
  : Options extends { api: 'http' } | { payload: '1.0' | '2.0' }
    ? Options extends { payload: '1.0' }
      ? HttpApiAuthorizerEventV1
      : APIGatewayRequestAuthorizerEventV2
    : Options extends { type: 'request' }
      ? APIGatewayRequestAuthorizerEvent
      : APIGatewayTokenAuthorizerEvent;
