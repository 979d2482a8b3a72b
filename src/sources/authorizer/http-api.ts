import { executeApiArn } from '../../core/aws.js';
import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import { compileTemplate } from '../../core/template.js';
import { type HttpApiRequest, prepareHttpApiRequest } from '../apigw-v2/http-api-request.js';
import type { ApigwV2Options } from '../apigw-v2/index.js';
import { headerLayout, lowerCaseName } from '../http/headers.js';
import { allValues, allValuesIn, lastValues, lastValuesIn } from '../http/maps.js';
import { decodedQueryGroups } from '../http/query.js';
import { withoutForwardedFor } from '../http/service-headers.js';
import type { EventBuilder } from '../source.js';
import type { IdentitySource } from './identity-sources.js';

/** The value API Gateway reads for an identity source: as the 2.0 payload shows it, repeats comma-joined. */
function httpApiIdentityValue(
  built: HttpApiRequest,
  source: IdentitySource,
  stageVariables: Readonly<Record<string, string>> | undefined,
): string {
  const { payload } = built;
  const value =
    source.where === 'header'
      ? payload.headers[source.name.toLowerCase()]
      : source.where === 'querystring'
        ? payload.queryStringParameters?.[source.name]
        : stageVariables?.[source.name];
  return value ?? '';
}

/**
 * HTTP API Lambda authorizer inputs, payload 2.0 and 1.0. The request is built exactly as the HTTP
 * API source builds it with a Lambda authorizer, so the input and the proxy event for the same
 * request and seed agree field by field (FORMATS-api-identity §1.3, §1.4).
 */
export function prepareHttpApiAuthorizer(
  options: ApigwV2Options,
  payloadVersion: '1.0' | '2.0',
  sources: readonly IdentitySource[],
  templates: Readonly<Record<string, unknown>>,
  run: RunContext,
): EventBuilder {
  const httpApi = prepareHttpApiRequest({ ...options, authorizer: 'lambda' }, run);
  // The stage appears literally, `$default` included (FORMATS-api-identity §1.3).
  const arnOf = (built: HttpApiRequest) =>
    executeApiArn(run, httpApi.site.apiId, httpApi.stage, `${built.request.method}/${built.path.slice(1)}`);
  const identityOf = (built: HttpApiRequest) =>
    sources.map((source) => httpApiIdentityValue(built, source, httpApi.stageVariables));

  if (payloadVersion === '2.0') {
    const fill = compileTemplate(templates.httpV2, 'authorizer.json');
    // The proxy event's fields less body and isBase64Encoded; identitySource holds the values, in
    // the configured order (FORMATS-api-identity §1.3).
    return (ctx) => {
      const built = httpApi.build(ctx);
      // Without identity sources the key is left out (FORMATS-api-identity §1.3, UNCONFIRMED).
      const identitySource = sources.length > 0 ? identityOf(built) : undefined;
      return fill({ ...built.values, routeArn: arnOf(built), identitySource });
    };
  }

  if (sources.length === 0) {
    throw new UsageError(
      'a payload 1.0 authorizer input always has an identity source',
      'give at least one identity source, or use payload 2.0',
    );
  }
  const fill = compileTemplate(templates.httpV1, 'authorizer.json');
  const { route } = httpApi;
  const resource = route.kind === 'default' ? '$default' : route.path.text;
  return (ctx) => {
    const built = httpApi.build(ctx);
    const { request } = built;
    // Payload 1.0 follows the HTTP API 1.0 proxy conventions: lowercase header names, the cookie
    // header kept, single- and multi-value maps, {} for empty maps as in the documented input
    // (FORMATS-api-identity §1.4; UNCONFIRMED, no real capture).
    const fields = [...withoutForwardedFor(request.headers), ...built.serviceHeaders];
    const headers = headerLayout(fields, lowerCaseName);
    const query = decodedQueryGroups(request.rawQuery);
    return fill({
      ...built.values,
      methodArn: arnOf(built),
      // The values comma-joined, in identitySource and authorizationToken alike (FORMATS-api-identity §1.4).
      identitySource: identityOf(built).join(','),
      resource,
      path: built.path,
      headers: lastValuesIn(fields, headers),
      multiValueHeaders: allValuesIn(fields, headers),
      queryStringParameters: lastValues(query),
      multiValueQueryStringParameters: allValues(query),
      pathParameters: built.values.pathParameters ?? {},
      stageVariables: built.values.stageVariables ?? {},
    });
  };
}
