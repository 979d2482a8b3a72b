import { UsageError } from '../../core/errors.js';
import { choice, flag, integer, text } from '../../core/option-shapes.js';
import {
  givenOnly,
  optionalBoolean,
  optionalInteger,
  optionalString,
  stringList,
} from '../../core/raw-options.js';
import { headerArgParser } from '../http/headers.js';
import {
  hostOption,
  httpRequestFromRaw,
  httpRequestLibraryOptions,
  httpRequestOptionTable,
  paramShape,
} from '../http/options.js';
import type { RawOptions, Source } from '../source.js';
import { prepareCloudFrontEvents } from './event.js';
import {
  type CloudFrontOptions,
  EDGE_EVENT_TYPES,
  EDGE_ORIGINS,
  type EdgeEventType,
  type EdgeOrigin,
} from './options.js';

export type { CloudFrontOptions, EdgeEventType, EdgeOrigin } from './options.js';

function oneOf<Word extends string>(raw: RawOptions, name: string, words: readonly Word[]): Word | undefined {
  const value = optionalString(raw, name);
  if (value === undefined || (words as readonly string[]).includes(value)) return value as Word | undefined;
  throw new UsageError(`--${name} '${value}' is not one of ${words.join(', ')}`, 'give one of them');
}

export const cloudfront: Source<CloudFrontOptions> = {
  name: 'cloudfront',
  // Lambda@Edge invokes synchronously; the request and any included body are far below 6 MB (FORMATS §1.6).
  sizeLimit: { bytes: 6 * 1024 * 1024, what: 'synchronous invoke payload limit' },
  options: {
    'event-type': {
      type: 'string',
      choices: EDGE_EVENT_TYPES,
      valueName: '<type>',
      description: 'viewer-request (default), origin-request, origin-response or viewer-response',
    },
    origin: {
      type: 'string',
      choices: EDGE_ORIGINS,
      valueName: '<kind>',
      description: 'Origin events: a custom origin (default) or an S3 bucket',
    },
    ...httpRequestOptionTable,
    ...hostOption,
    'include-body': {
      type: 'boolean',
      description:
        'Request events: Include body on; the body as base64, truncated at 40 KB viewer / 1 MB origin',
    },
    status: {
      type: 'number',
      valueName: '<code>',
      description: 'Response events: the origin’s HTTP status (default 200)',
    },
    'response-header': {
      type: 'string',
      repeatable: true,
      valueName: "'<Name>: <value>'",
      description: 'Response events: a response header (a repeated name is multi-value)',
    },
    'cloudfront-headers': {
      type: 'boolean',
      description: 'Origin events: the CloudFront-* viewer headers a policy adds (country, device, protocol)',
    },
    'distribution-id': {
      type: 'string',
      valueName: '<id>',
      description: 'Distribution id, E + 13 letters or digits (default: a new one)',
    },
  },
  libraryOptions: {
    ...httpRequestLibraryOptions,
    eventType: choice(EDGE_EVENT_TYPES),
    origin: choice(EDGE_ORIGINS),
    includeBody: flag(),
    status: integer(100, 599),
    responseHeaders: paramShape,
    cloudFrontHeaders: flag(),
    distributionId: text(),
  },
  examples: [
    ["gen-event cloudfront --path '/index.html?lang=en' --header 'Accept: text/html'", 'a viewer request'],
    [
      "gen-event edge --event-type origin-request --origin s3 --method POST --body 'a=1' --include-body",
      'an origin request to an S3 origin with the body included',
    ],
    [
      'gen-event cloudfront --event-type origin-response --status 404',
      "the origin's 404 as an origin-response function sees it",
    ],
  ],

  async fromRaw(raw: RawOptions, args): Promise<CloudFrontOptions> {
    const responseHeaders = stringList(raw, 'response-header').map(headerArgParser('--response-header'));
    return {
      ...(await httpRequestFromRaw(raw, args)),
      ...givenOnly({
        eventType: oneOf<EdgeEventType>(raw, 'event-type', EDGE_EVENT_TYPES),
        origin: oneOf<EdgeOrigin>(raw, 'origin', EDGE_ORIGINS),
        includeBody: optionalBoolean(raw, 'include-body'),
        status: optionalInteger(raw, 'status', 100, 599),
        responseHeaders: responseHeaders.length > 0 ? responseHeaders : undefined,
        cloudFrontHeaders: optionalBoolean(raw, 'cloudfront-headers'),
        distributionId: optionalString(raw, 'distribution-id'),
      }),
    };
  },

  async prepare(options, run) {
    return prepareCloudFrontEvents(options, run);
  },
};
