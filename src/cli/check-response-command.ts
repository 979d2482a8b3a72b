import { maxInputOption } from '../core/common-options.js';
import type { CommandSpec } from './command-spec.js';

/**
 * `gen-event check-response <source> <file|->`: a command of its own rather than `check --response`,
 * because a response cannot be told apart the way an event can (`{"statusCode": 200}` answers ALB,
 * REST, HTTP API and function URLs alike), so the source is named.
 */
export const checkResponseCommand: CommandSpec = {
  name: 'check-response',
  aliases: [],
  positionals: '<source> <file|->',
  // The sources whose service reads the answer; the registry holds only lazy imports.
  firstArguments: async () => Object.keys((await import('../check/response-registry.js')).responseCheckers),
  summary: "Check a handler's return value (a file, - for stdin) against what the source's service accepts",
  options: {
    event: {
      type: 'string',
      valueName: '<file|->',
      description: 'The event the handler answered: adds the rules that tie the response to it',
    },
    json: { type: 'boolean', description: 'Print a machine-readable report' },
    'max-input': maxInputOption,
  },
  examples: [
    [
      'gen-event sqs --records 2 --seed 1 --out batch.json && echo \'{"batchItemFailures":[]}\' | gen-event check-response sqs - --event batch.json',
      'a partial batch response against the batch it answers',
    ],
    [
      'echo \'{"statusCode":200,"body":"ok"}\' | gen-event check-response http-api -',
      'an HTTP API response (payload 2.0)',
    ],
    [
      'echo \'{"isAuthorized":true}\' | gen-event check-response authorizer --json -',
      'a machine-readable report',
    ],
  ],
};
