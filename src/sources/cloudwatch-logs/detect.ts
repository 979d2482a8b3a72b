import { isRecord } from '../../check/problems.js';

/** A subscription filter delivery: one `awslogs` object. */
export const detectCloudWatchLogs = (event: unknown): boolean => isRecord(event) && isRecord(event.awslogs);
