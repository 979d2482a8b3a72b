import type { SourceBench } from '../source-bench.js';

/** A refund request as a test would send it with `aws lambda invoke`. */
const PAYLOAD_TEXT = JSON.stringify({
  action: 'refund',
  orderId: 'ord_gv9oora742tk',
  amount: 392.28,
  currency: 'USD',
  reason: 'customer request',
  items: [{ sku: 'KX82JD0Q', quantity: 1 }],
});

export const bench: SourceBench = {
  givenArgs: ['--payload', '{"a":1}'],
  throughput: {
    what: 'given payload',
    options: { payload: JSON.parse(PAYLOAD_TEXT) },
    // By hand: a fresh copy of the payload for each event, as a handler under test may change it.
    handWritten: () => JSON.parse(PAYLOAD_TEXT),
  },
};
