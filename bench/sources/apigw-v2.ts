import { handWrittenHttpApiEvent } from '../baseline-apigw.js';
import type { SourceBench } from '../source-bench.js';

export const bench: SourceBench = {
  givenArgs: ['--json', '{"a":1}'],
  throughput: {
    what: 'realistic values, JSON body',
    options: { json: { a: 1 } },
    handWritten: handWrittenHttpApiEvent,
  },
};
