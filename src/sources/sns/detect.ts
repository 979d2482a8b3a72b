import { recordsFrom } from '../../check/problems.js';

/** An SNS notification: its records name `aws:sns` under `EventSource`, capitalised as SNS writes it. */
export const detectSns = recordsFrom('aws:sns', 'EventSource');
