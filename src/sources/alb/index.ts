import { flag, text } from '../../core/option-shapes.js';
import type { Random } from '../../core/random.js';
import { givenOnly, optionalBoolean, optionalString } from '../../core/raw-options.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { albEncodesBase64, bodyText, PASSED_AS_TEXT, warnIfBinaryAsText } from '../http/body.js';
import { loadHttpData, samplePath } from '../http/data.js';
import { headerLayout, headerValue, lowerCaseName } from '../http/headers.js';
import { allValues, allValuesIn, lastValues, lastValuesIn } from '../http/maps.js';
import {
  type HttpRequestOptions,
  hostOption,
  httpRequestFromRaw,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
} from '../http/options.js';
import { rawQueryGroups } from '../http/query.js';
import { describeRequest, sendRequest } from '../http/request.js';
import { forwardingHeaders, traceRoot, withoutForwardedFor } from '../http/service-headers.js';
import type { RawOptions, Source } from '../source.js';
import { parseTargetGroup, targetGroupArn } from './target-group.js';

/** An Application Load Balancer request to a Lambda target group (FORMATS §2). */
export interface AlbOptions extends HttpRequestOptions {
  /** The target group attribute `lambda.multi_value_headers.enabled`: headers and query as multi-value maps. */
  multiValue?: boolean;
  /** Target group name or ARN (an ARN sets the region and account). */
  targetGroup?: string;
}

/** ALB's limit on the request body it passes to Lambda, 1 MB (FORMATS §1.6). */
const ALB_LIMIT_BYTES = 1024 * 1024;

export const alb: Source<AlbOptions> = {
  name: 'alb',
  // ALB's own limit is on the body (checked in prepare); the event as a whole is a synchronous invoke.
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    ...httpRequestOptionTable,
    ...hostOption,
    'multi-value': {
      type: 'boolean',
      description:
        'Target group with multi-value headers: multiValueHeaders and multiValueQueryStringParameters only',
    },
    'target-group': {
      type: 'string',
      valueName: '<name|arn>',
      description: 'Target group name or ARN (an ARN sets region and account)',
    },
  },
  libraryOptions: { ...httpRequestLibraryOptions, multiValue: flag(), targetGroup: text() },
  examples: [
    [
      'gen-event alb --path "/orders?status=open&status=late" --multi-value',
      'repeated query keys, every value kept',
    ],
    [`gen-event alb --method POST --json '{"sku":"A-1"}' --header 'X-Request-Id: 42'`, 'a JSON POST'],
    [
      'gen-event alb --target-group api --region eu-west-1 --account-id 123456789012',
      'the target group ARN in your account and region',
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<AlbOptions> {
    return {
      ...(await httpRequestFromRaw(raw, args)),
      ...givenOnly({
        multiValue: optionalBoolean(raw, 'multi-value'),
        targetGroup: optionalString(raw, 'target-group'),
      }),
    };
  },

  implied(options) {
    const arn = options.targetGroup === undefined ? undefined : parseTargetGroup(options.targetGroup).arn;
    return arn ? { region: arn.region, accountId: arn.accountId } : {};
  },

  async prepare(options, run) {
    const template = loadTemplate('alb');
    const fill = compileTemplate(template.event, 'alb.json');
    const data = loadHttpData();
    const spec = describeRequest(options);
    const group = parseTargetGroup(
      options.targetGroup ?? run.rng.pick(template.targetGroupNames as string[]),
    );
    const arn = targetGroupArn(group, run);
    const host = spec.host ?? loadBalancerHost(template, run.rng, run.region, run.dnsSuffix);
    const listener = run.rng.pick(template.listeners as { port: string; proto: string }[]);
    if (spec.body && spec.body.length > ALB_LIMIT_BYTES) {
      run.warn(
        `the body is ${spec.body.length} bytes; ALB refuses bodies over ${ALB_LIMIT_BYTES} bytes for Lambda targets`,
      );
    }
    warnIfBinaryAsText(
      spec,
      albEncodesBase64(spec.contentType, headerValue(spec.headers, 'content-encoding')),
      run.warn,
      { service: 'ALB', ...PASSED_AS_TEXT },
    );
    const multiValue = options.multiValue === true;

    return (ctx) => {
      const request = sendRequest(spec, { host, path: () => samplePath(data, ctx.rng) }, ctx, data);
      const fields = [
        ...withoutForwardedFor(request.headers),
        ...forwardingHeaders(request, traceRoot(ctx.time, ctx.rng), listener),
      ];
      const headers = headerLayout(fields, lowerCaseName);
      // ALB passes the query as sent, never decoded (FORMATS §0.2).
      const query = rawQueryGroups(request.rawQuery);
      const empty = request.body.length === 0;
      // An empty body is "" and never base64 (FORMATS §0.3).
      const base64 =
        !empty && albEncodesBase64(request.contentType, headerValue(request.headers, 'content-encoding'));
      return fill({
        targetGroupArn: arn,
        httpMethod: request.method,
        path: request.path,
        // One pair or the other, never both (FORMATS §0.1).
        queryStringParameters: multiValue ? undefined : lastValues(query),
        multiValueQueryStringParameters: multiValue ? allValues(query) : undefined,
        headers: multiValue ? undefined : lastValuesIn(fields, headers),
        multiValueHeaders: multiValue ? allValuesIn(fields, headers) : undefined,
        body: bodyText(request.body, base64),
        isBase64Encoded: base64,
      });
    };
  },
};

/** `<load balancer>-<digits>.<region>.elb.amazonaws.com`, the DNS name of an internet-facing ALB. */
function loadBalancerHost(
  template: Readonly<Record<string, unknown>>,
  rng: Random,
  region: string,
  dnsSuffix: string,
) {
  const name = rng.pick(template.loadBalancerNames as string[]);
  return `${name}-${rng.int(100_000_000, 2_099_999_999)}.${region}.elb.${dnsSuffix}`;
}
