import { handWrittenCognitoEvent } from '../baseline-cognito.js';
import type { SourceBench } from '../source-bench.js';

const EMAIL = 'ana@example.com';

export const bench: SourceBench = {
  givenArgs: ['--trigger', 'PostConfirmation_ConfirmSignUp', '--user-attribute', `email=${EMAIL}`],
  throughput: {
    what: 'post confirmation, given email',
    options: { trigger: 'PostConfirmation_ConfirmSignUp', userAttributes: { email: EMAIL } },
    handWritten: () => handWrittenCognitoEvent(EMAIL),
  },
};
