import type { Faker } from '@faker-js/faker';

/**
 * Realistic business messages for events whose content nobody gave: what an SQS body or a direct
 * invocation payload typically carries. `at` is the event's instant, so dates agree with the event.
 */
type Sample = (faker: Faker, at: number) => Record<string, unknown>;

const money = (faker: Faker, min: number, max: number) => Number(faker.commerce.price({ min, max }));

const orderPlaced: Sample = (faker, at) => {
  const items = Array.from({ length: faker.number.int({ min: 1, max: 3 }) }, () => ({
    sku: faker.string.alphanumeric({ length: 8, casing: 'upper' }),
    name: faker.commerce.productName(),
    quantity: faker.number.int({ min: 1, max: 4 }),
    unitPrice: money(faker, 3, 250),
  }));
  const total = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  return {
    type: 'OrderPlaced',
    orderId: `ord_${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`,
    customerId: faker.string.uuid(),
    items,
    total: Math.round(total * 100) / 100,
    currency: 'USD',
    placedAt: new Date(at - faker.number.int({ min: 200, max: 5000 })).toISOString(),
  };
};

const userSignedUp: Sample = (faker, at) => {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  return {
    type: 'UserSignedUp',
    userId: faker.string.uuid(),
    email: faker.internet.email({ firstName, lastName }).toLowerCase(),
    name: `${firstName} ${lastName}`,
    plan: faker.helpers.arrayElement(['free', 'starter', 'pro']),
    marketingOptIn: faker.datatype.boolean(),
    signedUpAt: new Date(at - faker.number.int({ min: 100, max: 3000 })).toISOString(),
  };
};

const paymentCaptured: Sample = (faker, at) => ({
  type: 'PaymentCaptured',
  paymentId: `pay_${faker.string.alphanumeric({ length: 14 })}`,
  orderId: `ord_${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`,
  amount: money(faker, 5, 900),
  currency: faker.helpers.arrayElement(['USD', 'EUR', 'GBP']),
  method: faker.helpers.arrayElement(['card', 'paypal', 'bank_transfer']),
  capturedAt: new Date(at - faker.number.int({ min: 100, max: 4000 })).toISOString(),
});

const shipmentDispatched: Sample = (faker, at) => ({
  type: 'ShipmentDispatched',
  shipmentId: faker.string.uuid(),
  orderId: `ord_${faker.string.alphanumeric({ length: 12, casing: 'lower' })}`,
  carrier: faker.helpers.arrayElement(['UPS', 'FedEx', 'DHL', 'USPS']),
  trackingNumber: faker.string.alphanumeric({ length: 18, casing: 'upper' }),
  destination: {
    city: faker.location.city(),
    postalCode: faker.location.zipCode(),
    country: faker.location.countryCode(),
  },
  dispatchedAt: new Date(at - faker.number.int({ min: 1000, max: 60000 })).toISOString(),
});

const SAMPLES: readonly Sample[] = [orderPlaced, userSignedUp, paymentCaptured, shipmentDispatched];

/** One realistic message, its kind chosen by the (seeded) faker. */
export function samplePayload(faker: Faker, at: number): Record<string, unknown> {
  return faker.helpers.arrayElement(SAMPLES)(faker, at);
}
