/** Ten realistic message bodies of a few hundred bytes, as a fixture set would hold. */
export const TEN_BODIES: readonly string[] = Array.from({ length: 10 }, (_, i) =>
  JSON.stringify({
    type: 'OrderPlaced',
    orderId: `ord_${(1000 + i).toString(36)}x9k2m4q`,
    customerId: `3f6c2a1e-8b7d-4c5e-9a0f-${String(100000000000 + i)}`,
    items: [
      { sku: 'KX82JD0Q', name: 'Ergonomic Steel Chair', quantity: 1 + (i % 3), unitPrice: 129.99 },
      { sku: 'PL03MZ7A', name: 'Small Cotton Towels', quantity: 2, unitPrice: 14.5 },
    ],
    total: 158.99 + i,
    currency: 'USD',
    placedAt: '2025-06-01T12:00:00.000Z',
  }),
);
