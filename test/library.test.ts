import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { directEvent, generate, generateMany, InputError, sqsEvent, UsageError } from '../src/index.js';
import { runCli } from './helpers/cli.js';

describe('the library and the CLI agree', () => {
  it('sqsEvent gives the same event as the CLI for the same options', async () => {
    const fromLibrary = await sqsEvent({
      bodies: ['a', 'b'],
      fifo: true,
      queue: 'orders',
      groupId: 'g',
      attributes: { tenant: 'acme', weight: { dataType: 'Number', value: '2' } },
      seed: 1,
      region: 'eu-west-1',
    });
    const fromCli = await runCli([
      'sqs',
      '--body',
      'a',
      '--body',
      'b',
      '--fifo',
      '--queue',
      'orders',
      '--group-id',
      'g',
      '--attribute',
      'tenant=acme',
      '--attribute',
      'weight:Number=2',
      '--seed',
      '1',
      '--region',
      'eu-west-1',
    ]);
    expect(JSON.parse(fromCli.stdout)).toEqual(fromLibrary);
  });

  it('generate("direct") and directEvent agree with the CLI', async () => {
    const viaGenerate = await generate('direct', { payload: { a: 1 }, seed: 2 });
    const viaBuilder = await directEvent({ payload: { a: 1 }, seed: 2 });
    const viaCli = JSON.parse((await runCli(['direct', '--payload', '{"a":1}', '--seed', '2'])).stdout);
    expect(viaGenerate).toEqual({ a: 1 });
    expect(viaBuilder).toEqual(viaGenerate);
    expect(viaCli).toEqual(viaGenerate);
    const realistic = await generate('invoke', { seed: 3 });
    expect(JSON.parse((await runCli(['invoke', '--seed', '3'])).stdout)).toEqual(realistic);
  });

  it('override and set edit the event, typed', async () => {
    const event: SQSEvent = await sqsEvent({
      bodies: ['x'],
      override: { Records: [{ attributes: { ApproximateReceiveCount: '3' } }] },
      set: ['Records[0].awsRegion=zz'],
    });
    expect(event.Records[0]?.attributes.ApproximateReceiveCount).toBe('3');
    expect(event.Records[0]?.awsRegion).toBe('zz');
  });

  it('generateMany yields independent events with times moving forward', async () => {
    const events: SQSEvent[] = [];
    for await (const event of generateMany('sqs', 5, { bodies: ['x'], seed: 1 })) events.push(event);
    const ids = events.map((e) => e.Records[0]?.messageId);
    expect(new Set(ids).size).toBe(5);
    const times = events.map((e) => Number(e.Records[0]?.attributes.ApproximateFirstReceiveTimestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('the library throws typed errors and never prints', async () => {
    await expect(sqsEvent({ fifo: true, records: 11 })).rejects.toBeInstanceOf(UsageError);
    await expect(sqsEvent({ region: 'moon-1' })).rejects.toThrow(/not an AWS region/);
    const warnings: string[] = [];
    await sqsEvent({ bodies: [''], onWarning: (message) => warnings.push(message) });
    expect(warnings).toEqual(['an SQS message body is empty; SQS refuses empty messages']);
    await expect(sqsEvent({ bodies: [''], strict: true })).rejects.toThrow(/empty messages/);
    await expect(directEvent({ schema: { type: 'integer', minimum: 5, maximum: 1 } })).rejects.toBeInstanceOf(
      InputError,
    );
  });
});
