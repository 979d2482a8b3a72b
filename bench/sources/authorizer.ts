import { randomUUID } from 'node:crypto';
import { ID_CHARS } from '../baseline-http.js';
import { pick, randomChars } from '../baseline-random.js';
import type { SourceBench } from '../source-bench.js';

/** A REST TOKEN authorizer's input as a test would write it (FORMATS-api-identity §1.1). */
const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const PATHS = ['orders', 'users', 'api/v2/invoices'];

function handWrittenTokenInput(): unknown {
  return {
    type: 'TOKEN',
    methodArn: `arn:aws:execute-api:us-east-1:123456789012:${randomChars(ID_CHARS, 10)}/prod/GET/${pick(PATHS)}/${randomUUID()}`,
    authorizationToken: `Bearer ${randomChars(TOKEN_CHARS, 40)}`,
  };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenTokenInput },
};
