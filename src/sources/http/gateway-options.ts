import { UsageError } from '../../core/errors.js';
import type { ArgumentReader } from '../../core/inputs.js';
import { type LibraryOptionTable, record, text } from '../../core/option-shapes.js';
import { givenOnly, optionalString, stringList } from '../../core/raw-options.js';
import { isPlainObject } from '../../core/template.js';
import type { OptionTable, RawOptions } from '../source.js';
import { type HttpRequestOptions, httpRequestFromRaw, pairMap } from './options.js';

/** Options API Gateway REST and HTTP APIs share: stages and what an authorizer passes on. */
export interface GatewayOptions {
  stage?: string;
  stageVariables?: Readonly<Record<string, string>>;
  /** Claims of the JWT / Cognito token, as strings; they override the realistic defaults. */
  claims?: Readonly<Record<string, string>>;
}

export const gatewayLibraryOptions: LibraryOptionTable<GatewayOptions> = {
  stage: text(),
  stageVariables: record(text()),
  claims: record(text()),
};

export function gatewayOptionTable(defaultStage: string): OptionTable {
  return {
    stage: { type: 'string', valueName: '<name>', description: `Stage name (default ${defaultStage})` },
    'stage-variable': {
      type: 'string',
      repeatable: true,
      valueName: '<k>=<v>',
      description: 'A stage variable (stageVariables)',
    },
    claim: {
      type: 'string',
      repeatable: true,
      valueName: '<k>=<v>',
      description: 'A token claim for the JWT/Cognito authorizer (overrides the defaults)',
    },
    'authorizer-context': {
      type: 'string',
      repeatable: true,
      valueName: '<k>=<v>|<json>',
      description: 'The Lambda authorizer context: k=v (repeatable) or one JSON object (text, @file or -)',
    },
  };
}

/**
 * The CLI options both API Gateway sources read: the request, the stage, the authorizer (checked
 * against the source's own list when the run is prepared) and what it passes on.
 */
export async function gatewayFromRaw(
  raw: RawOptions,
  args: ArgumentReader,
): Promise<
  HttpRequestOptions &
    GatewayOptions & { authorizer?: string; authorizerContext?: Readonly<Record<string, unknown>> }
> {
  return {
    ...(await httpRequestFromRaw(raw, args)),
    ...givenOnly({
      authorizer: optionalString(raw, 'authorizer'),
      stage: optionalString(raw, 'stage'),
      stageVariables: pairMap(raw, 'stage-variable'),
      claims: pairMap(raw, 'claim'),
      authorizerContext: await authorizerContextFromRaw(raw, args),
    }),
  };
}

/**
 * `--authorizer-context`: `k=v` pairs (values as text), or one JSON object whose values keep their
 * JSON types, which HTTP APIs pass on as they are (FORMATS-api-identity §1.6).
 */
async function authorizerContextFromRaw(
  raw: RawOptions,
  args: ArgumentReader,
): Promise<Record<string, unknown> | undefined> {
  const [first, ...rest] = stringList(raw, 'authorizer-context');
  if (first === undefined || !/^\s*(?:[{[]|@|-$)/.test(first)) return pairMap(raw, 'authorizer-context');
  if (rest.length > 0) {
    throw new UsageError(
      '--authorizer-context gives a JSON object and more values',
      'give one JSON object, or k=v pairs',
    );
  }
  const context = await args.readJson(first, '--authorizer-context');
  if (!isPlainObject(context)) {
    throw new UsageError(
      '--authorizer-context is not a JSON object',
      'give an object such as {"tenant":"acme","tier":2}',
    );
  }
  return context;
}

// Stage names: letters, digits, hyphens and underscores, at most 128 characters.
const STAGE = /^[A-Za-z0-9_-]{1,128}$/;
// Stage variable names: letters, digits and underscores; values may not be empty.
const STAGE_VARIABLE = /^[A-Za-z0-9_]{1,64}$/;

export function checkStage(stage: string, allowDefault: boolean): string {
  if ((allowDefault && stage === '$default') || STAGE.test(stage)) return stage;
  throw new UsageError(
    `--stage '${stage}' is not a stage name`,
    `use letters, digits, - and _${allowDefault ? ", or '$default'" : ''}`,
  );
}

/** The stage variables, or undefined when there are none. */
export function checkStageVariables(
  variables: Readonly<Record<string, string>> | undefined,
): Record<string, string> | undefined {
  const entries = Object.entries(variables ?? {});
  for (const [name, value] of entries) {
    if (!STAGE_VARIABLE.test(name)) {
      throw new UsageError(`--stage-variable name '${name}' is not valid`, 'use letters, digits and _');
    }
    if (value.length === 0) throw new UsageError(`--stage-variable ${name} is empty`, 'give it a value');
  }
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Refuses authorizer options that the chosen authorizer does not use. */
export function checkAuthorizerOptions(
  authorizer: string,
  used: Readonly<Record<string, readonly string[]>>,
  given: Readonly<Record<string, unknown>>,
): void {
  for (const [option, value] of Object.entries(given)) {
    if (value === undefined) continue;
    const users = used[option] ?? [];
    if (!users.includes(authorizer)) {
      throw new UsageError(
        `--${option} is for the ${users.join(' or ')} authorizer, not ${authorizer}`,
        `add --authorizer ${users[0]} or drop --${option}`,
      );
    }
  }
}
