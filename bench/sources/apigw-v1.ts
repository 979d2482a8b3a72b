import { handWrittenRestEvent } from '../baseline-apigw.js';
import type { SourceBench } from '../source-bench.js';

export const bench: SourceBench = {
  givenArgs: ['--path', '/orders/1'],
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenRestEvent },
};
