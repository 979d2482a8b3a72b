import { handWrittenSqsEvent } from '../baseline-sqs.js';
import type { SourceBench } from '../source-bench.js';
import { TEN_BODIES } from '../ten-bodies.js';

export const bench: SourceBench = {
  givenArgs: ['--body', 'x'],
  throughput: {
    what: '10 records, given bodies',
    options: { bodies: TEN_BODIES },
    handWritten: () => handWrittenSqsEvent(TEN_BODIES),
  },
};
