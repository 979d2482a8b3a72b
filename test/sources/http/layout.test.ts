import { describe, expect, test } from 'vitest';
import {
  type HeaderField,
  headerLayout,
  lowerCaseName,
  restHeaderName,
} from '../../../src/sources/http/headers.js';
import { allValuesIn, joinedValuesIn, lastValuesIn } from '../../../src/sources/http/maps.js';

const FIELDS: HeaderField[] = [
  ['X-B', '1'],
  ['Host', 'a.example'],
  ['x-b', '2'],
  ['authorization', 't'],
  ['Accept', '*/*'],
];

describe('header layouts', () => {
  test('group case-insensitively, show the first spelling, sort by lowercase name', () => {
    const layout = headerLayout(FIELDS, restHeaderName);
    expect(layout.groups.map((g) => [g.key, g.name, g.at])).toEqual([
      ['accept', 'Accept', [4]],
      ['authorization', 'Authorization', [3]],
      ['host', 'Host', [1]],
      ['x-b', 'X-B', [0, 2]],
    ]);
    expect(JSON.stringify(lastValuesIn(FIELDS, layout))).toBe(
      '{"Accept":"*/*","Authorization":"t","Host":"a.example","X-B":"2"}',
    );
    expect(JSON.stringify(allValuesIn(FIELDS, layout))).toBe(
      '{"Accept":["*/*"],"Authorization":["t"],"Host":["a.example"],"X-B":["1","2"]}',
    );
  });

  test('one layout per list of names and spelling rule, whatever the values', () => {
    const other: HeaderField[] = FIELDS.map(([name], i) => [name, `v${i}`]);
    expect(headerLayout(other, restHeaderName)).toBe(headerLayout(FIELDS, restHeaderName));
    expect(headerLayout(FIELDS, lowerCaseName)).not.toBe(headerLayout(FIELDS, restHeaderName));
    expect(JSON.stringify(joinedValuesIn(other, headerLayout(other, lowerCaseName)))).toBe(
      '{"accept":"v4","authorization":"v3","host":"v1","x-b":"v0,v2"}',
    );
    const reordered: HeaderField[] = [FIELDS[1] as HeaderField, FIELDS[0] as HeaderField];
    expect(headerLayout(reordered, lowerCaseName).groups.map((g) => g.at)).toEqual([[0], [1]]);
  });

  test('__proto__ stays an ordinary key of the maps', () => {
    const fields: HeaderField[] = [
      ['__proto__', 'x'],
      ['A', 'y'],
    ];
    const layout = headerLayout(fields, lowerCaseName);
    expect(layout.plain).toBe(false);
    const map = lastValuesIn(fields, layout);
    expect(Object.keys(map)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(JSON.stringify(map)).toBe('{"__proto__":"x","a":"y"}');
  });
});
