import { recordsFrom } from '../../check/problems.js';

/** A Kinesis Data Streams batch: its records name `aws:kinesis`. */
export const detectKinesis = recordsFrom('aws:kinesis');
