import { describe, expect, it } from 'vitest';
import { canonicalNumber, numberIssue } from '../../../src/sources/dynamodb/attribute-value.js';
import { itemSize, streamRecordSize } from '../../../src/sources/dynamodb/item-size.js';
import { marshallItem } from '../../../src/sources/dynamodb/marshall.js';

describe('plain JSON to AttributeValues, every type', () => {
  it('scalars, null, lists and maps', () => {
    expect(
      marshallItem(
        {
          s: 'Hello',
          empty: '',
          n: 35,
          f: 123.45,
          neg: -0.5,
          big: 1e21,
          tiny: 1.5e-7,
          t: true,
          no: false,
          nil: null,
          l: ['Cookies', 3, [true], { k: null }],
          m: { Name: 'Joe', Age: 35, Nested: { Deep: [] } },
          emptyMap: {},
        },
        '--new-image',
      ),
    ).toStrictEqual({
      s: { S: 'Hello' },
      empty: { S: '' },
      n: { N: '35' },
      f: { N: '123.45' },
      neg: { N: '-0.5' },
      big: { N: '1000000000000000000000' },
      tiny: { N: '0.00000015' },
      t: { BOOL: true },
      no: { BOOL: false },
      nil: { NULL: true },
      l: { L: [{ S: 'Cookies' }, { N: '3' }, { L: [{ BOOL: true }] }, { M: { k: { NULL: true } } }] },
      m: { M: { Name: { S: 'Joe' }, Age: { N: '35' }, Nested: { M: { Deep: { L: [] } } } } },
      emptyMap: { M: {} },
    });
  });

  it('sets by --set-type: strings, numbers (JSON numbers or their text) and base64 binary', () => {
    expect(
      marshallItem(
        { tags: ['Giraffe', 'Zebra'], scores: [1234, '567.80', 1e2], blobs: ['AAEqQQ==', 'QSoBAA=='] },
        '--new-image',
        { tags: 'SS', scores: 'NS', blobs: 'BS' },
      ),
    ).toStrictEqual({
      tags: { SS: ['Giraffe', 'Zebra'] },
      scores: { NS: ['1234', '567.8', '100'] },
      blobs: { BS: ['AAEqQQ==', 'QSoBAA=='] },
    });
  });

  it('the typed form: binary, sets, exact numbers and DynamoDB JSON maps, anywhere in the item', () => {
    expect(
      marshallItem(
        {
          photo: { $B: 'iVBORw0KGgo=' },
          price: { $N: '12345678901234567890.50' },
          tags: { $SS: ['a', 'b'] },
          ids: { $NS: ['1', '2.0'] },
          raw: { $BS: ['AA=='] },
          nested: { inner: [{ $B: 'AQID' }] },
          literal: { $M: { S: { S: 'x' } } },
          flag: { $BOOL: false },
          nothing: { $NULL: true },
          text: { $S: 'plain' },
          list: { $L: [{ N: '1' }] },
          dollar: { $other: 1 },
        },
        '--new-image',
      ),
    ).toStrictEqual({
      photo: { B: 'iVBORw0KGgo=' },
      price: { N: '12345678901234567890.5' },
      tags: { SS: ['a', 'b'] },
      ids: { NS: ['1', '2'] },
      raw: { BS: ['AA=='] },
      nested: { M: { inner: { L: [{ B: 'AQID' }] } } },
      literal: { M: { S: { S: 'x' } } },
      flag: { BOOL: false },
      nothing: { NULL: true },
      text: { S: 'plain' },
      list: { L: [{ N: '1' }] },
      dollar: { M: { $other: { N: '1' } } },
    });
  });

  it.each([
    [{ a: { $B: 'not base64!' } }, {}, '--new-image a.B: B holds base64 text'],
    [{ a: { $SS: [] } }, {}, '--new-image a.SS: SS holds a non-empty array of strings'],
    [{ a: ['x', 'x'] }, { a: 'SS' }, '--new-image a.SS[1]: a set holds each member once'],
    [{ a: [1, '1.0'] }, { a: 'NS' }, '--new-image a.NS[1]: a set holds each member once'],
    [{ a: [1, 'x'] }, { a: 'NS' }, "--new-image a.NS[1]: 'x' is not a number"],
    [{ a: 'x' }, { a: 'SS' }, '--new-image a is not an array, but --set-type makes it SS'],
    [{ a: { $NULL: false } }, {}, '--new-image a.NULL: NULL holds true'],
    [{ a: { $M: { b: 'x' } } }, {}, '--new-image a.M.b: an AttributeValue is an object such as {"S":"text"}'],
    [{ a: { $N: '1'.repeat(39) } }, {}, `--new-image a.N: '${'1'.repeat(39)}' has 39 significant digits`],
    [{ a: { $N: '1E+126' } }, {}, "--new-image a.N: '1E+126' is outside the range"],
    [{ '': 1 }, {}, '--new-image has an empty attribute name'],
  ] as const)('refuses %j', (item, setTypes, message) => {
    expect(() => marshallItem(item, '--new-image', setTypes)).toThrow(message);
  });
});

describe('DynamoDB numbers', () => {
  it.each([
    ['1.50', '1.5'],
    ['015E-1', '1.5'],
    ['-0', '0'],
    ['0.000', '0'],
    ['1E+3', '1000'],
    ['+12.5e-3', '0.0125'],
    ['123.45', '123.45'],
  ])('%s is returned as %s', (text, canonical) => {
    expect(canonicalNumber(text)).toBe(canonical);
  });

  it('limits: 38 significant digits, 1E-130 to below 1E+126', () => {
    expect(numberIssue(`${'9'.repeat(38)}000`)).toBeUndefined();
    expect(numberIssue('1E-130')).toBeUndefined();
    expect(numberIssue('1E-131')).toMatch(/outside the range/);
    expect(numberIssue('9.9E+125')).toBeUndefined();
    expect(numberIssue('1.')).toBeUndefined();
    expect(numberIssue('.')).toMatch(/not a number/);
    expect(numberIssue('0x10')).toMatch(/not a number/);
  });
});

describe('SizeBytes (FORMATS-events §5.4)', () => {
  const S = (S: string) => ({ S });
  it('the sizes of real captures: 20, 46 and 70 bytes', () => {
    const keys = { id: S('id_value') };
    expect(streamRecordSize(keys, { id: S('id_value') })).toBe(20);
    expect(
      streamRecordSize(keys, { id2: S('id2_new_value'), id: S('id_value') }, { id: S('id_value') }),
    ).toBe(46);
    expect(
      streamRecordSize(
        { my_partition_key: S('hello world') },
        { binary_key: { B: 'Zm9vYmFy' }, my_partition_key: S('hello world') },
      ),
    ).toBe(70);
  });

  it("the Lambda documentation's records: 26 and 59 bytes", () => {
    const keys = { Id: { N: '101' } };
    expect(streamRecordSize(keys, { Message: S('New item!'), Id: { N: '101' } })).toBe(26);
    expect(
      streamRecordSize(
        keys,
        { Message: S('This item has changed'), Id: { N: '101' } },
        { Message: S('New item!'), Id: { N: '101' } },
      ),
    ).toBe(59);
  });

  it('numbers, booleans, null, sets, maps and lists by the item-size rule', () => {
    // N: ceil(significant digits / 2) + 1; leading and trailing zeros do not count.
    expect(itemSize({ n: { N: '12345' } })).toBe(1 + 4);
    expect(itemSize({ n: { N: '1000' } })).toBe(1 + 2);
    expect(itemSize({ n: { N: '0.0012' } })).toBe(1 + 2);
    expect(itemSize({ b: { BOOL: false }, z: { NULL: true } })).toBe(4);
    expect(itemSize({ s: { SS: ['ab', 'cde'] }, n: { NS: ['1', '22'] }, b: { BS: ['AAEqQQ=='] } })).toBe(
      1 + 5 + (1 + 2 + 2) + (1 + 4),
    );
    // M and L: 3 bytes, plus each member and 1 byte per member; a map's member names count.
    expect(itemSize({ m: { M: {} }, l: { L: [] } })).toBe(1 + 3 + 1 + 3);
    expect(itemSize({ m: { M: { Name: S('Joe'), Age: { N: '35' } } } })).toBe(
      1 + 3 + (4 + 3 + 1) + (3 + 2 + 1),
    );
    expect(itemSize({ l: { L: [S('Cookies'), { N: '3.14159' }] } })).toBe(1 + 3 + (7 + 1) + (4 + 1));
    expect(itemSize({ é: S('ü') })).toBe(4);
  });
});
