import { describe, expect, it } from 'vitest';
import {
  contentDeduplicationId,
  md5OfBody,
  md5OfMessageAttributes,
} from '../../../src/sources/sqs/digests.js';

const attribute = (dataType: string, value: string) =>
  dataType.startsWith('Binary')
    ? { binaryValue: value, stringListValues: [], binaryListValues: [], dataType }
    : { stringValue: value, stringListValues: [], binaryListValues: [], dataType };

describe('SQS digests against values AWS produced', () => {
  it('md5OfBody matches real deliveries', () => {
    // Bodies and digests of real SQS deliveries (FORMATS §6.3 verification).
    expect(md5OfBody('Sample content.')).toBe('b58e1d0a86521415d25b85b89f6ad6cd');
    expect(md5OfBody('Test message.')).toBe('e4e68fb7bd0e697a0ae8f1bb342846b3');
  });

  it('md5OfMessageAttributes matches a real String attribute', () => {
    expect(md5OfMessageAttributes({ 'sample-attribute': attribute('String', 'sample-value') })).toBe(
      '7c815262be77a62f56671125069ca888',
    );
  });

  it('md5OfMessageAttributes matches a real String + Number set, whatever the input order', () => {
    const expected = 'd25a6aea97eb8f585bfa92d314504a92';
    const weeks = attribute('Number', '6');
    const author = attribute('String', 'John Grisham');
    const title = attribute('String', 'The Whistler');
    expect(md5OfMessageAttributes({ WeeksOn: weeks, Author: author, Title: title })).toBe(expected);
    expect(md5OfMessageAttributes({ Title: title, WeeksOn: weeks, Author: author })).toBe(expected);
  });

  it('md5OfMessageAttributes decodes Binary values and keeps custom type suffixes', () => {
    // Cross-checked with the reference digest implementation for String, Number and Binary together.
    expect(
      md5OfMessageAttributes({
        Priority: attribute('Number', '7'),
        Source: attribute('String', 'checkout-service'),
        Thumbprint: attribute('Binary', '3q2+7wAB'),
      }),
    ).toBe('fbadc4d0f02470872609063ae9c80566');
    const plain = md5OfMessageAttributes({ price: attribute('Number', '9.5') });
    const suffixed = md5OfMessageAttributes({ price: attribute('Number.float', '9.5') });
    expect(suffixed).not.toBe(plain);
  });

  it('a Number uses the String transport byte: encoding it as Binary gives another digest', () => {
    const asNumber = md5OfMessageAttributes({ WeeksOn: attribute('Number', '6') });
    const asBinaryTransport = md5OfMessageAttributes({
      WeeksOn: attribute('Binary', Buffer.from('6').toString('base64')),
    });
    expect(asNumber).not.toBe(asBinaryTransport);
  });

  it('no attributes means no digest (the key is absent)', () => {
    expect(md5OfMessageAttributes({})).toBeUndefined();
  });

  it('content-based deduplication is the SHA-256 hex of the body', () => {
    expect(contentDeduplicationId('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
