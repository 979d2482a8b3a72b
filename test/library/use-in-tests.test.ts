import { SqsSchema } from '@aws-lambda-powertools/parser/schemas/sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { describe, expect, test } from 'vitest';
import { checkResponse, directEvent, generate, sqsEvent, UsageError } from '../../src/index.js';

/** A handler as an application writes one: bad JSON is retried, a message seen 3 times is set aside. */
function handleOrders(event: SQSEvent): SQSBatchResponse & { setAside: string[] } {
  const response: SQSBatchResponse & { setAside: string[] } = { batchItemFailures: [], setAside: [] };
  for (const record of event.Records) {
    if (Number(record.attributes.ApproximateReceiveCount) >= 3) {
      response.setAside.push(record.messageId);
      continue;
    }
    try {
      JSON.parse(record.body);
    } catch {
      response.batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return response;
}

describe('gen-event inside a vitest suite', () => {
  test('sqsEvent makes a batch a handler can be tested with', async () => {
    const event = await sqsEvent({ bodies: ['{"orderId":42}', 'not json'], seed: 1 });

    expect(SqsSchema.safeParse(event).success).toBe(true);
    const [good, bad] = event.Records as [SQSEvent['Records'][0], SQSEvent['Records'][0]];
    expect(handleOrders(event)).toEqual({
      batchItemFailures: [{ itemIdentifier: bad.messageId }],
      setAside: [],
    });
    expect(good.body).toBe('{"orderId":42}');
  });

  test('override changes one nested field and keeps the rest of the record', async () => {
    const plain = await sqsEvent({ bodies: ['{"orderId":42}'], seed: 1 });
    const event = await sqsEvent({
      bodies: ['{"orderId":42}'],
      seed: 1,
      override: { Records: [{ attributes: { ApproximateReceiveCount: '3' } }] },
    });

    const [record] = event.Records as [SQSEvent['Records'][0]];
    const [plainRecord] = plain.Records as [SQSEvent['Records'][0]];
    expect(record.attributes).toEqual({ ...plainRecord.attributes, ApproximateReceiveCount: '3' });
    expect({ ...record, attributes: plainRecord.attributes }).toEqual(plainRecord);
    expect(handleOrders(event)).toEqual({ batchItemFailures: [], setAside: [record.messageId] });
  });

  test('generate(source) is the typed builder by name; same seed, same event', async () => {
    const options = { bodies: ['a', 'b'], queue: 'orders.fifo', seed: 'suite-1' };
    const byName = await generate('sqs', options);
    expect(byName).toEqual(await sqsEvent(options));
    expect(byName.Records.map((r) => r.attributes.MessageGroupId)).toHaveLength(2);
  });

  test('directEvent passes the payload through, and override edits it', async () => {
    const payload = { action: 'refund', order: { id: 42, lines: [{ sku: 'A-1', qty: 1 }] } };
    expect(await directEvent({ payload })).toEqual(payload);
    expect(await directEvent({ payload, override: { order: { lines: [{ qty: 3 }] } } })).toEqual({
      action: 'refund',
      order: { id: 42, lines: [{ sku: 'A-1', qty: 3 }] },
    });
  });
});

describe('override is typed by the event it edits', () => {
  // Each `@ts-expect-error` below fails `npm run typecheck` if the line compiles. At run time the same
  // mistake passes silently and makes an event no handler would see, which is why it must not compile.
  test('a misspelt field does not compile (it would only add a stray key)', async () => {
    const event = await sqsEvent({
      seed: 1,
      // @ts-expect-error `atributes` is not a field of an SQS record
      override: { Records: [{ atributes: { ApproximateReceiveCount: '3' } }] },
    });
    expect(event.Records[0]?.attributes.ApproximateReceiveCount).toBe('1');
    expect(Object.keys(event.Records[0] ?? {})).toContain('atributes');
  });

  test('a number where the event has a string does not compile (the event would be invalid)', async () => {
    const event = await sqsEvent({
      seed: 1,
      // @ts-expect-error ApproximateReceiveCount is a string in an SQS event
      override: { Records: [{ attributes: { ApproximateReceiveCount: 3 } }] },
    });
    expect(SqsSchema.safeParse(event).success).toBe(false);
  });

  test('generate() types override by the source named, and options are checked too', async () => {
    // @ts-expect-error `Record` is not `Records`
    const event = await generate('sqs', { seed: 1, override: { Record: [] } });
    expect(Object.keys(event)).toEqual(['Records', 'Record']);
    // Without TypeScript, the run-time check refuses the misspelt option too.
    // @ts-expect-error `bodys` is not an option of sqsEvent
    const refused = sqsEvent({ bodys: ['x'], seed: 1 });
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(refused).rejects.toThrow("unknown option 'bodys' for sqs (did you mean 'bodies'?)");
  });

  test("checkResponse judges the handler's answer against the batch it answers", async () => {
    const event = await sqsEvent({ bodies: ['{"orderId":42}', 'not json'], seed: 1 });
    const answer = handleOrders(event);
    expect(await checkResponse('sqs', answer, { event })).toStrictEqual({
      source: 'sqs',
      problems: [],
      notes: ['Lambda reads only batchItemFailures; setAside is ignored'],
    });
  });
});
