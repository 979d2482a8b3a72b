import type { Random } from './random.js';
import {
  emailAddress,
  mixedAlnum,
  personName,
  price,
  productName,
  upperAlnum,
  usAddress,
} from './realistic/values.js';
import type { RealisticWords } from './realistic/words.js';

/**
 * Realistic business messages for events whose content nobody gave: what an SQS body or a direct
 * invocation payload typically carries. Every value comes from the event's own `rng`, so a seed gives
 * the same message; `at` is the event's instant, so the message's dates fall just before it.
 */
type Sample = (words: RealisticWords, rng: Random, at: number) => Record<string, unknown>;

const before = (rng: Random, at: number, min: number, max: number) =>
  new Date(at - rng.int(min, max)).toISOString();

const orderPlaced: Sample = (words, rng, at) => {
  const items = Array.from({ length: rng.int(1, 3) }, () => ({
    sku: upperAlnum(rng, 8),
    name: productName(rng, words),
    quantity: rng.int(1, 4),
    unitPrice: price(rng, 3, 250),
  }));
  // Summed in cents: the total is exact, as an order system keeps it.
  const cents = items.reduce((sum, item) => sum + item.quantity * Math.round(item.unitPrice * 100), 0);
  return {
    type: 'OrderPlaced',
    orderId: `ord_${rng.lowerAlnum(12)}`,
    customerId: rng.uuid(),
    items,
    total: cents / 100,
    currency: 'USD',
    placedAt: before(rng, at, 200, 5000),
  };
};

const userSignedUp: Sample = (words, rng, at) => {
  const name = personName(rng, words);
  return {
    type: 'UserSignedUp',
    userId: rng.uuid(),
    email: emailAddress(rng, name),
    name: `${name.first} ${name.last}`,
    plan: rng.pick(['free', 'starter', 'pro']),
    marketingOptIn: rng.int(0, 1) === 1,
    signedUpAt: before(rng, at, 100, 3000),
  };
};

const paymentCaptured: Sample = (_words, rng, at) => ({
  type: 'PaymentCaptured',
  paymentId: `pay_${mixedAlnum(rng, 14)}`,
  orderId: `ord_${rng.lowerAlnum(12)}`,
  amount: price(rng, 5, 900),
  currency: rng.pick(['USD', 'EUR', 'GBP']),
  method: rng.pick(['card', 'paypal', 'bank_transfer']),
  capturedAt: before(rng, at, 100, 4000),
});

const shipmentDispatched: Sample = (words, rng, at) => {
  const { city, postalCode } = usAddress(rng, words);
  return {
    type: 'ShipmentDispatched',
    shipmentId: rng.uuid(),
    orderId: `ord_${rng.lowerAlnum(12)}`,
    carrier: rng.pick(['UPS', 'FedEx', 'DHL', 'USPS']),
    trackingNumber: upperAlnum(rng, 18),
    destination: { city, postalCode, country: 'US' },
    dispatchedAt: before(rng, at, 1000, 60000),
  };
};

const SAMPLES: readonly Sample[] = [orderPlaced, userSignedUp, paymentCaptured, shipmentDispatched];

/** One realistic message, its kind drawn from `rng`. */
export function samplePayload(words: RealisticWords, rng: Random, at: number): Record<string, unknown> {
  return rng.pick(SAMPLES)(words, rng, at);
}
