import { recordsFrom } from '../../check/problems.js';

/** A DynamoDB Streams batch: its records name `aws:dynamodb`. */
export const detectDynamodb = recordsFrom('aws:dynamodb');
