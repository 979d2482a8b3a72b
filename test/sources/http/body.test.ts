import { describe, expect, test } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import {
  albEncodesBase64,
  checkBinaryMediaType,
  defaultContentType,
  formBody,
  httpApiEncodesBase64,
  isTextMediaType,
  isUtf8,
  restEncodesBase64,
} from '../../../src/sources/http/body.js';

describe('text content types (FORMATS §1.5)', () => {
  test.each([
    ['text/plain', true],
    ['text/csv; charset=utf-8', true],
    ['application/json', true],
    ['Application/JSON; charset=UTF-8', true],
    ['application/javascript', true],
    ['application/xml', true],
    ['application/x-www-form-urlencoded', false],
    ['application/vnd.api+json', false],
    ['multipart/form-data; boundary=x', false],
    ['image/png', false],
    ['idk', false],
    [undefined, false],
  ])('%s is text: %s', (type, text) => {
    expect(isTextMediaType(type)).toBe(text);
    expect(httpApiEncodesBase64(type)).toBe(!text);
    expect(albEncodesBase64(type, undefined)).toBe(!text);
  });

  test('ALB encodes any body with a Content-Encoding', () => {
    expect(albEncodesBase64('application/json', 'gzip')).toBe(true);
  });
});

describe('REST binaryMediaTypes', () => {
  test('match exactly, by type/* or */*, without parameters', () => {
    expect(restEncodesBase64('image/png', ['image/png'])).toBe(true);
    expect(restEncodesBase64('image/png; q=1', ['image/*'])).toBe(true);
    expect(restEncodesBase64('application/json', ['*/*'])).toBe(true);
    expect(restEncodesBase64('image/png', ['image/jpeg'])).toBe(false);
    expect(restEncodesBase64('image/png', [])).toBe(false);
    expect(restEncodesBase64(undefined, ['image/*'])).toBe(false);
  });

  test('entries are checked and lowercased', () => {
    expect(checkBinaryMediaType('Image/PNG')).toBe('image/png');
    expect(checkBinaryMediaType('*/*')).toBe('*/*');
    expect(() => checkBinaryMediaType('png')).toThrow(UsageError);
    expect(() => checkBinaryMediaType('*/png')).toThrow(UsageError);
  });
});

describe('bodies', () => {
  test('UTF-8 or binary', () => {
    expect(isUtf8(Buffer.from('café'))).toBe(true);
    expect(isUtf8(Buffer.from([0xff, 0xd8, 0xff]))).toBe(false);
  });

  test('the Content-Type a client sends for a body without one', () => {
    expect(defaultContentType(Buffer.from(' {"a":1} '), true)).toBe('application/json');
    expect(defaultContentType(Buffer.from('[1,'), true)).toBe('text/plain');
    expect(defaultContentType(Buffer.from('hello'), true)).toBe('text/plain');
    expect(defaultContentType(Buffer.from([0xff]), false)).toBe('application/octet-stream');
  });

  test('forms are urlencoded with + for spaces', () => {
    expect(
      formBody([
        ['name', 'Jane Doe'],
        ['tag', 'a&b'],
        ['tag', 'é'],
      ]),
    ).toBe('name=Jane+Doe&tag=a%26b&tag=%C3%A9');
  });
});
