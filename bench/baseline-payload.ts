import { randomUUID } from 'node:crypto';
import { pick, randomBetween, randomChars } from './baseline-random.js';

/**
 * The realistic business message a person would write by hand for a test event whose content nobody
 * gave (an order, a sign-up, a payment, a shipment), as gen-event's realistic values carry: values
 * from short lists and node:crypto, no library.
 */
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PRODUCTS = ['Practical Bamboo Salad', 'Generic Silk Computer', 'Sleek Steel Chair', 'Rustic Wool Hat'];
const PEOPLE = [
  ['Elvira', 'Lowe-Yost'],
  ['Marcus', 'Okafor'],
  ['Hana', 'Suzuki'],
];
const CITIES = ['Markshaven', 'Lake Annie', 'Port Ella'];
const price = (min: number, max: number) => Math.round((min + Math.random() * (max - min)) * 100) / 100;
const before = (at: number, min: number, max: number) => new Date(at - randomBetween(min, max)).toISOString();

export function handWrittenPayload(at: number): Record<string, unknown> {
  switch (randomBetween(0, 3)) {
    case 0: {
      const items = Array.from({ length: randomBetween(1, 3) }, () => ({
        sku: randomChars(UPPER, 8),
        name: pick(PRODUCTS),
        quantity: randomBetween(1, 4),
        unitPrice: price(3, 250),
      }));
      const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
      return {
        type: 'OrderPlaced',
        orderId: `ord_${randomChars(ALNUM, 12)}`,
        customerId: randomUUID(),
        items,
        total: Math.round(total * 100) / 100,
        currency: 'USD',
        placedAt: before(at, 200, 5000),
      };
    }
    case 1: {
      const [first, last] = pick(PEOPLE) as [string, string];
      return {
        type: 'UserSignedUp',
        userId: randomUUID(),
        email: `${first}_${last}@example.com`.toLowerCase(),
        name: `${first} ${last}`,
        plan: pick(['free', 'starter', 'pro']),
        marketingOptIn: Math.random() < 0.5,
        signedUpAt: before(at, 100, 3000),
      };
    }
    case 2:
      return {
        type: 'PaymentCaptured',
        paymentId: `pay_${randomChars(ALNUM, 14)}`,
        orderId: `ord_${randomChars(ALNUM, 12)}`,
        amount: price(5, 900),
        currency: pick(['USD', 'EUR', 'GBP']),
        method: pick(['card', 'paypal', 'bank_transfer']),
        capturedAt: before(at, 100, 4000),
      };
    default:
      return {
        type: 'ShipmentDispatched',
        shipmentId: randomUUID(),
        orderId: `ord_${randomChars(ALNUM, 12)}`,
        carrier: pick(['UPS', 'FedEx', 'DHL', 'USPS']),
        trackingNumber: randomChars(UPPER, 18),
        destination: { city: pick(CITIES), postalCode: String(randomBetween(10000, 99999)), country: 'US' },
        dispatchedAt: before(at, 1000, 60000),
      };
  }
}
