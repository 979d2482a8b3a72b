import { recordsFrom } from '../../check/problems.js';

/** An SQS batch: its records name `aws:sqs` (FORMATS §1). */
export const detectSqs = recordsFrom('aws:sqs');
