import { isRecord, recordsFrom } from '../../check/problems.js';

/** An S3 notification: its records name `aws:s3`. */
export const detectS3 = recordsFrom('aws:s3');

/** The test event S3 sends when a notification is configured. */
export const detectS3TestEvent = (event: unknown): boolean =>
  isRecord(event) && event.Event === 's3:TestEvent';
