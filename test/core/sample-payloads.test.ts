import { faker } from '@faker-js/faker/locale/en';
import { describe, expect, it } from 'vitest';
import { Random } from '../../src/core/random.js';
import { loadRealisticWords } from '../../src/core/realistic/load-words.js';
import { samplePayload } from '../../src/core/sample-payloads.js';

// Checked against faker's English locale itself, not against the lists gen-event derived from it.
const locale = faker.rawDefinitions;
const FIRST_NAMES = new Set(Object.values(locale.person?.first_name ?? {}).flat());
const LAST_NAMES = new Set(Object.values(locale.person?.last_name ?? {}).flat());
const CITIES = new Set(locale.location?.city_name);
const product = locale.commerce?.product_name as unknown as Record<string, string[]>;

const AT = Date.UTC(2026, 11, 2, 12, 0, 0);
const KEYS: Record<string, readonly string[]> = {
  OrderPlaced: ['type', 'orderId', 'customerId', 'items', 'total', 'currency', 'placedAt'],
  UserSignedUp: ['type', 'userId', 'email', 'name', 'plan', 'marketingOptIn', 'signedUpAt'],
  PaymentCaptured: ['type', 'paymentId', 'orderId', 'amount', 'currency', 'method', 'capturedAt'],
  ShipmentDispatched: [
    'type',
    'shipmentId',
    'orderId',
    'carrier',
    'trackingNumber',
    'destination',
    'dispatchedAt',
  ],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const mailbox = (name: string) =>
  name
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
const cents = (value: unknown) => Math.round((value as number) * 100);

/** Milliseconds from the ISO instant to `AT`, which must lie within [min, max]. */
function expectBefore(iso: unknown, min: number, max: number): void {
  expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const gap = AT - Date.parse(iso as string);
  expect(gap).toBeGreaterThanOrEqual(min);
  expect(gap).toBeLessThanOrEqual(max);
}

async function payloads(count: number): Promise<Record<string, unknown>[]> {
  const words = await loadRealisticWords();
  return Array.from({ length: count }, (_, i) => samplePayload(words, Random.fromParts('sample', i), AT));
}

describe('realistic messages', () => {
  it('are the same for the same generator state', async () => {
    const words = await loadRealisticWords();
    const a = samplePayload(words, Random.fromParts('same', 1), AT);
    expect(samplePayload(words, Random.fromParts('same', 1), AT)).toStrictEqual(a);
    expect(samplePayload(words, Random.fromParts('same', 2), AT)).not.toStrictEqual(a);
  });

  it('come in all four kinds, each with exactly its keys', async () => {
    const seen = new Map<string, number>();
    for (const payload of await payloads(400)) {
      const type = payload.type as string;
      seen.set(type, (seen.get(type) ?? 0) + 1);
      expect(Object.keys(payload)).toStrictEqual(KEYS[type]);
    }
    expect([...seen.keys()].sort()).toStrictEqual(Object.keys(KEYS).sort());
    for (const count of seen.values()) expect(count).toBeGreaterThan(60);
  });

  it('order: product names from the locale, prices in cents, a total that is the exact sum', async () => {
    for (const order of (await payloads(400)).filter((p) => p.type === 'OrderPlaced')) {
      expect(order.orderId).toMatch(/^ord_[a-z0-9]{12}$/);
      expect(order.customerId).toMatch(UUID);
      const items = order.items as Record<string, unknown>[];
      expect(items.length).toBeGreaterThanOrEqual(1);
      expect(items.length).toBeLessThanOrEqual(3);
      let sum = 0;
      for (const item of items) {
        expect(Object.keys(item)).toStrictEqual(['sku', 'name', 'quantity', 'unitPrice']);
        expect(item.sku).toMatch(/^[A-Z0-9]{8}$/);
        const [adjective, material, noun, ...rest] = (item.name as string).split(' ');
        expect(rest).toStrictEqual([]);
        expect(product.adjective).toContain(adjective);
        expect(product.material).toContain(material);
        expect(product.product).toContain(noun);
        expect(
          Number.isInteger(item.quantity) && (item.quantity as number) >= 1 && (item.quantity as number) <= 4,
        ).toBe(true);
        expect(cents(item.unitPrice) / 100).toBe(item.unitPrice);
        expect(cents(item.unitPrice)).toBeGreaterThanOrEqual(300);
        expect(cents(item.unitPrice)).toBeLessThanOrEqual(25_000);
        sum += (item.quantity as number) * cents(item.unitPrice);
      }
      expect(cents(order.total)).toBe(sum);
      expect(order.currency).toBe('USD');
      expectBefore(order.placedAt, 200, 5000);
    }
  });

  it('sign-up: a real first and last name, and an address made from them at a reserved domain', async () => {
    for (const user of (await payloads(400)).filter((p) => p.type === 'UserSignedUp')) {
      const [first, last, ...rest] = (user.name as string).split(' ');
      expect(rest).toStrictEqual([]);
      expect(FIRST_NAMES.has(first as string)).toBe(true);
      for (const part of (last as string).split('-')) expect(LAST_NAMES.has(part)).toBe(true);
      const [local, domain] = (user.email as string).split('@');
      expect(['example.com', 'example.org', 'example.net']).toContain(domain);
      const given = mailbox(first as string);
      const family = mailbox(last as string);
      expect([
        local === `${given}.${family}`,
        new RegExp(`^${given}_${family}\\d{1,2}$`).test(local as string),
        local === `${given.charAt(0)}${family}`,
        new RegExp(`^${given}\\d{1,4}$`).test(local as string),
      ]).toContain(true);
      expect(user.userId).toMatch(UUID);
      expect(['free', 'starter', 'pro']).toContain(user.plan);
      expect(typeof user.marketingOptIn).toBe('boolean');
      expectBefore(user.signedUpAt, 100, 3000);
    }
  });

  it('payment and shipment: ids, amounts, carriers and a US destination from the locale', async () => {
    const all = await payloads(400);
    for (const payment of all.filter((p) => p.type === 'PaymentCaptured')) {
      expect(payment.paymentId).toMatch(/^pay_[A-Za-z0-9]{14}$/);
      expect(cents(payment.amount) / 100).toBe(payment.amount);
      expect(cents(payment.amount)).toBeGreaterThanOrEqual(500);
      expect(cents(payment.amount)).toBeLessThanOrEqual(90_000);
      expect(['USD', 'EUR', 'GBP']).toContain(payment.currency);
      expect(['card', 'paypal', 'bank_transfer']).toContain(payment.method);
      expectBefore(payment.capturedAt, 100, 4000);
    }
    for (const shipment of all.filter((p) => p.type === 'ShipmentDispatched')) {
      expect(shipment.shipmentId).toMatch(UUID);
      expect(['UPS', 'FedEx', 'DHL', 'USPS']).toContain(shipment.carrier);
      expect(shipment.trackingNumber).toMatch(/^[A-Z0-9]{18}$/);
      const destination = shipment.destination as Record<string, unknown>;
      expect(Object.keys(destination)).toStrictEqual(['city', 'postalCode', 'country']);
      expect(CITIES.has(destination.city as string)).toBe(true);
      expect(destination.postalCode).toMatch(/^\d{5}$/);
      expect(destination.country).toBe('US');
      expectBefore(shipment.dispatchedAt, 1000, 60_000);
    }
  });
});
