import { UsageError } from '../../core/errors.js';
import { choice } from '../../core/option-shapes.js';
import { givenOnly, optionalString } from '../../core/raw-options.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { formatRequestTime } from '../../core/time.js';
import { httpApiEncodesBase64, PASSED_AS_TEXT, warnIfBinaryAsText } from '../http/body.js';
import { loadHttpData, samplePath } from '../http/data.js';
import type { HeaderField } from '../http/headers.js';
import { parseFunctionUrlHost } from '../http/hosts.js';
import { iamAuthorizer, iamCaller, sigV4Headers } from '../http/iam.js';
import {
  type HttpRequestOptions,
  httpRequestFromRaw,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
} from '../http/options.js';
import { payloadV2Request } from '../http/payload-v2.js';
import { describeRequest, sendRequest } from '../http/request.js';
import { forwardingHeaders, HTTPS_LISTENER, traceRoot } from '../http/service-headers.js';
import type { RawOptions, Source } from '../source.js';

export const FUNCTION_URL_AUTH = ['none', 'iam'] as const;
export type FunctionUrlAuth = (typeof FUNCTION_URL_AUTH)[number];

/** A request to a Lambda function URL: payload format 2.0 with the differences of FORMATS §5. */
export interface FunctionUrlOptions extends HttpRequestOptions {
  /** The URL's AuthType: `none` (default; accountId "anonymous") or `iam` (SigV4-signed). */
  auth?: FunctionUrlAuth;
}

export const functionUrl: Source<FunctionUrlOptions> = {
  name: 'function-url',
  // The request size limit of function URLs is not documented: the sync invoke limit holds (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    ...httpRequestOptionTable,
    host: {
      type: 'string',
      valueName: '<url-id>.lambda-url.<region>.on.aws',
      description: "The function URL's host (default: a new 32-character url id)",
    },
    auth: { type: 'string', choices: FUNCTION_URL_AUTH, description: 'AuthType of the URL (default none)' },
  },
  libraryOptions: { ...httpRequestLibraryOptions, auth: choice(FUNCTION_URL_AUTH) },
  examples: [
    [
      'gen-event url --path "/search?q=caf%C3%A9&tag=a&tag=b" --cookie theme=dark',
      'decoded, comma-joined query',
    ],
    [
      'gen-event function-url --auth iam --method PUT --body @avatar.png --content-type image/png',
      'a signed binary upload',
    ],
    [`gen-event url --json '{"event":"signup"}' --seed 3`, 'a reproducible JSON POST'],
  ],

  async fromRaw(raw: RawOptions, args): Promise<FunctionUrlOptions> {
    return {
      ...(await httpRequestFromRaw(raw, args)),
      ...givenOnly({ auth: optionalString(raw, 'auth') as FunctionUrlAuth | undefined }),
    };
  },

  implied(options) {
    const host = options.host === undefined ? undefined : parseFunctionUrlHost(options.host.toLowerCase());
    return host ? { region: host.region } : {};
  },

  async prepare(options, run) {
    const template = loadTemplate('function-url');
    const fill = compileTemplate(template.event, 'function-url.json');
    const data = loadHttpData();
    const spec = describeRequest(options);
    warnIfBinaryAsText(spec, httpApiEncodesBase64(spec.contentType), run.warn, {
      service: 'the function URL',
      ...PASSED_AS_TEXT,
    });
    const auth = options.auth ?? 'none';
    let urlId = run.rng.lowerAlnum(32);
    if (spec.host !== undefined) {
      const host = parseFunctionUrlHost(spec.host);
      if (!host) {
        throw new UsageError(
          `--host ${spec.host} is not a function URL host`,
          'give <32 letters and digits>.lambda-url.<region>.on.aws',
        );
      }
      urlId = host.urlId;
    }
    const domainName = `${urlId}.lambda-url.${run.region}.on.aws`;
    const tls = run.rng.pick(template.tls as { version: string; cipherSuite: string }[]);
    const caller = auth === 'iam' ? iamCaller(run, data) : undefined;

    return (ctx) => {
      const { rng } = ctx;
      const request = sendRequest(spec, { host: domainName, path: () => samplePath(data, rng) }, ctx, data);
      const serviceHeaders: HeaderField[] = [
        ['x-amzn-tls-cipher-suite', tls.cipherSuite],
        ['x-amzn-tls-version', tls.version],
        ...forwardingHeaders(request, traceRoot(ctx.time, rng), HTTPS_LISTENER),
      ];
      // AWS_IAM: the SigV4 headers stay, the authorization header is taken out (FORMATS §5).
      if (caller) serviceHeaders.push(...sigV4Headers(caller, request.body, ctx.time, rng, undefined));
      // Function URLs keep the cookie header beside cookies[] (FORMATS §0.9).
      const payload = payloadV2Request(
        request,
        serviceHeaders,
        caller ? ['authorization'] : [],
        request.path,
      );
      return fill({
        // AuthType NONE: the caller is "anonymous" and there is no authorizer (FORMATS §5).
        accountId: caller ? run.accountId : 'anonymous',
        urlId,
        authorizer: caller ? iamAuthorizer(caller) : undefined,
        domainName,
        method: request.method,
        sourceIp: request.sourceIp,
        userAgent: request.userAgent,
        requestId: rng.uuid(),
        time: formatRequestTime(ctx.time),
        timeEpoch: ctx.time,
        // Last: spread first, V8 builds every event's table several times slower (keys are disjoint).
        ...payload,
      });
    };
  },
};
