import { executeApiArn } from '../../core/aws.js';
import type { RunContext } from '../../core/context.js';
import { freshCopy } from '../../core/fresh-copy.js';
import { compileTemplate } from '../../core/template.js';
import { checkStageVariables } from '../http/gateway-options.js';
import type { HeaderField } from '../http/headers.js';
import type { HttpRequestOptions } from '../http/options.js';
import type { EventBuilder } from '../source.js';
import {
  checkConnectRequest,
  contextFiller,
  prepareConnect,
  singleAndMulti,
  webSocketSite,
} from '../websocket/connection.js';

// Headers of the upgrade request the authorizer is shown but the `$connect` route is not
// (FORMATS-api-identity §1.5, §2.3: documented for the authorizer, absent from every proxy capture).
const AUTHORIZER_ONLY: readonly HeaderField[] = [
  ['Connection', 'upgrade'],
  ['content-length', '0'],
  ['Upgrade', 'websocket'],
];

/**
 * A WebSocket API's `$connect` REQUEST authorizer input: the upgrade request as the `$connect` route
 * receives it, plus `type`, a `methodArn` with no HTTP method and `stageVariables` (FORMATS-api-identity §1.5).
 */
export function prepareWebSocketAuthorizer(
  options: HttpRequestOptions & { stage?: string; stageVariables?: Readonly<Record<string, string>> },
  templates: Readonly<Record<string, unknown>>,
  run: RunContext,
): EventBuilder {
  const spec = checkConnectRequest(options, 'a $connect authorizer input');
  const site = webSocketSite(options, run);
  const stageVariables = checkStageVariables(options.stageVariables) ?? {};
  const connect = prepareConnect(spec, site, AUTHORIZER_ONLY);
  const fillContext = contextFiller(site);
  const fill = compileTemplate(templates.websocket, 'authorizer.json');
  const methodArn = executeApiArn(run, site.apiId, site.stage, '$connect');
  return (ctx) => {
    const built = connect.build(ctx);
    const headers = singleAndMulti(built.headers);
    const query = singleAndMulti(built.query);
    return fill({
      methodArn,
      headers: headers.single,
      multiValueHeaders: headers.multi,
      // {} for an empty query, as in the REST authorizer input (UNCONFIRMED for WebSocket).
      queryStringParameters: query.single,
      multiValueQueryStringParameters: query.multi,
      stageVariables: freshCopy(stageVariables),
      requestContext: fillContext(built.context),
    });
  };
}
