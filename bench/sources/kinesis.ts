import { handWrittenKinesisEvent } from '../baseline-kinesis.js';
import type { SourceBench } from '../source-bench.js';
import { TEN_BODIES } from '../ten-bodies.js';

export const bench: SourceBench = {
  givenArgs: ['--data', 'x'],
  throughput: {
    what: '10 records, given data',
    options: { data: TEN_BODIES },
    handWritten: () => handWrittenKinesisEvent(TEN_BODIES),
  },
};
