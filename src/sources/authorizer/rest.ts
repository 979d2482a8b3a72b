import { executeApiArn } from '../../core/aws.js';
import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { compileTemplate } from '../../core/template.js';
import type { ApigwV1Options } from '../apigw-v1/index.js';
import { prepareRestRequest, type RestRequest } from '../apigw-v1/rest-request.js';
import type { FieldGroup } from '../http/maps.js';
import type { HttpRequest } from '../http/request.js';
import type { EventBuilder } from '../source.js';
import type { IdentitySource } from './identity-sources.js';

/** The last value of a group, its name matched as `key` (header groups are keyed in lowercase). */
function lastOf(groups: readonly FieldGroup[], key: string): string | undefined {
  const values = groups.find((group) => group.key === key)?.values;
  return values?.[values.length - 1];
}

/** The value API Gateway reads for an identity source from a REST request (last of repeats, FORMATS §0.4). */
function restIdentityValue(rest: RestRequest, source: IdentitySource): string | undefined {
  if (source.where === 'header') {
    const key = source.name.toLowerCase();
    const at = rest.headerLayout.groups.find((group) => group.key === key)?.at;
    return at === undefined ? undefined : rest.headerFields[at[at.length - 1] as number]?.[1];
  }
  if (source.where === 'querystring') return lastOf(rest.query, source.name);
  const variables = rest.values.stageVariables as Record<string, string> | null;
  return variables?.[source.name];
}

/** A TOKEN authorizer reads its token from one header, its token source (FORMATS-api-identity §1.1). */
export function checkTokenSources(sources: readonly IdentitySource[]): void {
  if (sources.length !== 1 || sources[0]?.where !== 'header') {
    throw new UsageError(
      'a TOKEN authorizer reads one header',
      'give one --identity-source method.request.header.<Name>, or use --type request',
    );
  }
}

/**
 * REST TOKEN and REQUEST authorizer inputs. The request is built exactly as the REST proxy source
 * builds it with a Lambda authorizer, so the authorizer's input and the proxy event for the same
 * request and seed agree field by field (FORMATS-api-identity §1.1, §1.2).
 */
export function prepareRestAuthorizer(
  options: ApigwV1Options,
  kind: 'token' | 'request',
  sources: readonly IdentitySource[],
  templates: Readonly<Record<string, unknown>>,
  run: RunContext,
): EventBuilder {
  // The authorizer never sees the body (FORMATS-api-identity §1.2), so a binary one is no concern.
  const rest = prepareRestRequest({ ...options, authorizer: 'lambda' }, run, false);
  const arnPrefix = executeApiArn(run, rest.site.apiId, rest.stage, '');
  const methodArnOf = (request: HttpRequest) => `${arnPrefix}${request.method}/${request.path.slice(1)}`;
  if (kind === 'token') {
    const fill = compileTemplate(templates.token, 'authorizer.json');
    const source = sources[0] as IdentitySource;
    const name = source.name.toLowerCase();
    const { clientHeader } = rest;
    // The token's header is the client's (the service adds no such header): only the request is sent,
    // none of the event's other values is needed, and the same values come out.
    if (clientHeader !== undefined && !rest.serviceHeaderNames.has(name)) {
      return (ctx) => {
        const { request, value } = clientHeader(ctx, name);
        return fill({ methodArn: methodArnOf(request), authorizationToken: value });
      };
    }
    return (ctx) => {
      const built = rest.build(ctx);
      return fill({
        methodArn: methodArnOf(built.request),
        authorizationToken: restIdentityValue(built, source),
      });
    };
  }
  const fill = compileTemplate(templates.request, 'authorizer.json');
  return (ctx) => {
    const built = rest.build(ctx);
    const { values } = built;
    // Empty maps are {} in an authorizer's input, where the proxy event has null (FORMATS-api-identity §1.2).
    return fill({
      ...values,
      methodArn: methodArnOf(built.request),
      queryStringParameters: values.queryStringParameters ?? {},
      multiValueQueryStringParameters: values.multiValueQueryStringParameters ?? {},
      pathParameters: values.pathParameters ?? {},
      stageVariables: values.stageVariables ?? {},
    });
  };
}
