import { handWrittenS3Event } from '../baseline-s3.js';
import type { SourceBench } from '../source-bench.js';
import { TEN_BODIES } from '../ten-bodies.js';

const KEY = '2025/summer trip.jpg';
const BODY = TEN_BODIES[0] as string;

export const bench: SourceBench = {
  givenArgs: ['--key', 'x', '--body', 'x'],
  throughput: {
    what: 'given key and body',
    options: { bucket: 'photos', key: KEY, body: BODY, configurationId: 'OnUpload' },
    handWritten: () => handWrittenS3Event(KEY, BODY),
  },
};
