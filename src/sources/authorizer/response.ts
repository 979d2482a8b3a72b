import { isRecord, type ProblemList } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { kindOf, WHOLE } from '../../check/response-values.js';

/** The authorizer kinds, told apart by their input as the event checkers do (FORMATS-api-identity §1). */
type Kind = 'REST TOKEN' | 'REST REQUEST' | 'WebSocket' | 'HTTP API 1.0' | 'HTTP API 2.0';

function kindOfEvent(event: Record<string, unknown>): Kind | undefined {
  if (event.type === 'TOKEN') return 'REST TOKEN';
  if (event.type !== 'REQUEST') return undefined;
  if (event.version === '2.0') return 'HTTP API 2.0';
  if (event.version === '1.0') return 'HTTP API 1.0';
  if (isRecord(event.requestContext) && 'connectionId' in event.requestContext) return 'WebSocket';
  return 'REST REQUEST';
}

const FAILS = 'API Gateway answers 500 (a malformed authorizer response)';
/** A WebSocket authorizer's result is at most 8 KB (FORMATS-api-identity §1.6, APIGW-LIMITS). */
const WEBSOCKET_RESULT_BYTES = 8 * 1024;
const POLICY_VERSION = '2012-10-17';

/**
 * What a Lambda authorizer returns (FORMATS-api-identity §1.6): an IAM policy `{principalId,
 * policyDocument, context?, usageIdentifierKey?}` for every kind, or `{isAuthorized, context?}` for
 * an HTTP API 2.0 authorizer with simple responses. REST, WebSocket and HTTP API 1.0 context values
 * are strings, numbers or booleans only. With the event, the policy must decide the event's
 * methodArn/routeArn: a statement whose Resource covers it (IAM wildcards `*` and `?`), else API
 * Gateway denies by default. Covering, not equality, is the rule: with caching on, the policy is
 * reused for other routes, so a wildcard Resource is often what is meant.
 */
export const authorizerResponseChecker: ResponseChecker = {
  source: 'authorizer',
  event: 'optional',
  eventMismatch: (event) =>
    kindOfEvent(event) === undefined
      ? 'is not a Lambda authorizer input (no type TOKEN or REQUEST)'
      : undefined,
  check(response, event, problems) {
    const kind = event === undefined ? undefined : kindOfEvent(event);
    if (kind === undefined) {
      problems.note(
        'without --event any authorizer kind is assumed: an IAM policy (REST, WebSocket, HTTP API) or {isAuthorized} (HTTP API 2.0 simple responses), context values of any JSON type (HTTP API 2.0); the Resource is not compared with a methodArn',
      );
    }
    if (!isRecord(response)) {
      problems.add(
        WHOLE,
        `the response is ${kindOf(response)}, not an object: ${FAILS}`,
        '{"principalId", "policyDocument"}',
      );
      return;
    }
    const simple = 'isAuthorized' in response && !('policyDocument' in response);
    if (simple) {
      checkSimple(response, kind, problems);
      return;
    }
    checkPolicy(response, kind, event, problems);
    if (kind === 'WebSocket') {
      const bytes = Buffer.byteLength(JSON.stringify(response));
      if (bytes > WEBSOCKET_RESULT_BYTES)
        problems.add(
          WHOLE,
          `the authorizer result is ${bytes} bytes, over the WebSocket limit of 8 KB`,
          `≤ ${WEBSOCKET_RESULT_BYTES} bytes`,
        );
    }
  },
};

function checkSimple(response: Record<string, unknown>, kind: Kind | undefined, problems: ProblemList): void {
  if (kind !== undefined && kind !== 'HTTP API 2.0') {
    problems.add(
      'isAuthorized',
      `a ${kind} authorizer answers with an IAM policy; {isAuthorized} is only for HTTP API payload 2.0 with simple responses: ${FAILS}`,
      '{"principalId", "policyDocument"}',
    );
    return;
  }
  if (kind === undefined)
    problems.note('a simple response is taken as an HTTP API 2.0 authorizer with simple responses enabled');
  if (typeof response.isAuthorized !== 'boolean')
    problems.add(
      'isAuthorized',
      `isAuthorized is ${kindOf(response.isAuthorized)}, not a boolean: ${FAILS}`,
      'true or false',
    );
  if (response.context !== undefined && response.context !== null && !isRecord(response.context))
    problems.add(
      'context',
      `context is ${kindOf(response.context)}, not an object: ${FAILS}`,
      '{"key": value}',
    );
}

function checkPolicy(
  response: Record<string, unknown>,
  kind: Kind | undefined,
  event: Record<string, unknown> | undefined,
  problems: ProblemList,
): void {
  if (typeof response.principalId !== 'string' || response.principalId === '') {
    problems.add(
      'principalId',
      `principalId is ${response.principalId === '' ? 'empty' : kindOf(response.principalId)}: an IAM policy response names its principal: ${FAILS}`,
      'a non-empty string',
    );
  }
  const document = response.policyDocument;
  const resources: { path: string; resource: string }[] = [];
  if (!isRecord(document)) {
    problems.add(
      'policyDocument',
      `policyDocument is ${kindOf(document)}, not an IAM policy: ${FAILS}`,
      `{"Version": "${POLICY_VERSION}", "Statement": [...]}`,
    );
  } else {
    if (document.Version !== POLICY_VERSION)
      problems.add(
        'policyDocument.Version',
        `Version is ${JSON.stringify(document.Version) ?? 'missing'}: ${FAILS}`,
        POLICY_VERSION,
      );
    const statements = document.Statement;
    if (!Array.isArray(statements) || statements.length === 0) {
      problems.add(
        'policyDocument.Statement',
        `Statement is ${Array.isArray(statements) ? 'empty' : kindOf(statements)}, not a list of statements: ${FAILS}`,
        '[{"Action", "Effect", "Resource"}]',
      );
    } else {
      statements.forEach((statement, index) => {
        checkStatement(statement, `policyDocument.Statement[${index}]`, resources, problems);
      });
    }
  }
  checkContext(response.context, kind, problems);
  if (response.usageIdentifierKey !== undefined) {
    if (typeof response.usageIdentifierKey !== 'string')
      problems.add(
        'usageIdentifierKey',
        `usageIdentifierKey is ${kindOf(response.usageIdentifierKey)}, not an API key value`,
        'a string',
      );
    else if (kind !== undefined && !kind.startsWith('REST'))
      problems.note(
        `usageIdentifierKey is read only by REST APIs whose apiKeySource is AUTHORIZER; a ${kind} API ignores it`,
      );
  }
  const arn = event === undefined ? undefined : (event.routeArn ?? event.methodArn);
  if (
    typeof arn === 'string' &&
    resources.length > 0 &&
    !resources.some(({ resource }) => covers(resource, arn))
  ) {
    problems.add(
      'policyDocument.Statement',
      `no statement's Resource covers the event's ${event?.routeArn === undefined ? 'methodArn' : 'routeArn'}: API Gateway denies the request (403)`,
      arn,
    );
  }
}

function checkStatement(
  statement: unknown,
  path: string,
  resources: { path: string; resource: string }[],
  problems: ProblemList,
): void {
  if (!isRecord(statement)) {
    problems.add(
      path,
      `a statement is ${kindOf(statement)}, not an object: ${FAILS}`,
      '{"Action", "Effect", "Resource"}',
    );
    return;
  }
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')
    problems.add(
      `${path}.Effect`,
      `Effect is ${JSON.stringify(statement.Effect) ?? 'missing'}: ${FAILS}`,
      'Allow | Deny',
    );
  const actions = stringList(statement.Action);
  if (actions === undefined) {
    problems.add(
      `${path}.Action`,
      `Action is ${kindOf(statement.Action)}, not a string or a list of strings: ${FAILS}`,
      'execute-api:Invoke',
    );
  } else if (!actions.some((action) => covers(action.toLowerCase(), 'execute-api:invoke'))) {
    problems.add(
      `${path}.Action`,
      `Action ${actions.join(', ')} does not grant execute-api:Invoke, the only action an authorizer policy decides`,
      'execute-api:Invoke',
    );
  }
  const list = stringList(statement.Resource);
  if (list === undefined) {
    problems.add(
      `${path}.Resource`,
      `Resource is ${kindOf(statement.Resource)}, not a string or a list of strings: ${FAILS}`,
      'arn:aws:execute-api:<region>:<account>:<api>/<stage>/<method>/<path>',
    );
    return;
  }
  list.forEach((resource, index) => {
    const at = Array.isArray(statement.Resource) ? `${path}.Resource[${index}]` : `${path}.Resource`;
    if (resource !== '*' && !/^arn:aws[a-z-]*:execute-api:[^:]+:[^:]+:[^/]+\/.+$/.test(resource))
      problems.add(
        at,
        `${resource} is not an execute-api ARN: ${FAILS}`,
        'arn:aws:execute-api:<region>:<account>:<api>/<stage>/<method>/<path>',
      );
    else if (resource.length > 512)
      problems.add(
        at,
        `the Resource ARN is ${resource.length} characters, over API Gateway's 512`,
        '≤ 512 characters',
      );
    resources.push({ path: at, resource });
  });
}

/** REST, WebSocket and HTTP API 1.0: flat values only ("you cannot set a JSON object or array"). */
function checkContext(context: unknown, kind: Kind | undefined, problems: ProblemList): void {
  if (context === undefined || context === null) return;
  if (!isRecord(context)) {
    problems.add(
      'context',
      `context is ${kindOf(context)}, not an object: ${FAILS}`,
      '{"key": "string, number or boolean"}',
    );
    return;
  }
  if (kind === 'HTTP API 1.0' && 'claims' in context)
    problems.add('context.claims', 'claims is reserved in an HTTP API 1.0 authorizer context', 'another key');
  if (kind === 'HTTP API 2.0') return;
  for (const [key, value] of Object.entries(context)) {
    if (['string', 'number', 'boolean'].includes(typeof value)) continue;
    if (kind === undefined) {
      problems.note(`context.${key} is ${kindOf(value)}: only an HTTP API 2.0 authorizer may return it`);
      continue;
    }
    problems.add(
      `context.${key}`,
      `a ${kind} authorizer context value is ${kindOf(value)}: ${FAILS}`,
      'a string, number or boolean',
    );
  }
}

function stringList(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'))
    return value;
  return undefined;
}

/** IAM matching: `*` is any run of characters (slashes too), `?` one character. */
function covers(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, 's').test(value);
}
