import { describe, expect, it, vi } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { compileTemplate, FILLS_BEFORE_WRITING, loadTemplate } from '../../src/core/template.js';

/** Runs `work` and counts the functions written from text meanwhile (each object's written fill is one). */
function functionsWritten(work: () => void): number {
  const spy = vi.spyOn(globalThis, 'Function');
  try {
    work();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

/** Enough fills of one template to be well past the switch to written fills. */
const PAST_THE_SWITCH = FILLS_BEFORE_WRITING + 150;

describe('templates are data', () => {
  it('whole-string placeholders take any JSON value; undefined leaves the key out; key order is kept', () => {
    const fill = compileTemplate({ a: '{{n}}', b: '{{absent}}', c: { d: '{{list}}' }, e: 'fixed' }, 't.json');
    expect(JSON.stringify(fill({ n: 42, absent: undefined, list: [1, null] }))).toBe(
      '{"a":42,"c":{"d":[1,null]},"e":"fixed"}',
    );
  });

  it('embedded placeholders are replaced by text', () => {
    const fill = compileTemplate('arn:{{partition}}:sqs:{{region}}:{{account}}:q', 't.json');
    expect(fill({ partition: 'aws', region: 'eu-west-1', account: '123456789012' })).toBe(
      'arn:aws:sqs:eu-west-1:123456789012:q',
    );
  });

  it('an unknown placeholder is an error naming the template, even one that names a property of every object', () => {
    for (const name of ['missing', 'constructor', 'toString', 'hasOwnProperty']) {
      const fill = compileTemplate({ x: `{{${name}}}` }, 'broken.json');
      expect(() => fill({})).toThrow(InputError);
      expect(() => fill({})).toThrow(`template broken.json uses unknown placeholder {{${name}}}`);
    }
  });

  it('anything that looks like code stays text', () => {
    const fill = compileTemplate(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: deliberately code-like text
      { x: '{{ process.exit(1) }}', y: '${1+1}', z: '{{a}}{{b}}', w: '{{__proto__}}' },
      't.json',
    );
    expect(fill({ a: 'A', b: 'B' })).toEqual({
      x: '{{ process.exit(1) }}',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: deliberately code-like text
      y: '${1+1}',
      z: 'AB',
      w: '{{__proto__}}',
    });
  });

  it('keys that look like code, break out of a string or name a built-in are ordinary own keys', () => {
    const keys = [
      '"]; globalThis.leaked = 1; //',
      "'\\",
      '\u2028\u2029',
      '\ud800',
      '__proto__',
      'constructor',
      '',
    ];
    const part = Object.fromEntries(keys.map((key, i) => [key, i % 2 === 0 ? '{{v}}' : `fixed ${i}`]));
    const fill = compileTemplate(part, 't.json');
    // Past the switch the object's own written function fills it: every fill is checked.
    const written = functionsWritten(() => {
      for (let n = 0; n < PAST_THE_SWITCH; n++) {
        const filled = fill({ v: n }) as Record<string, unknown>;
        expect(Object.keys(filled)).toEqual(keys);
        expect(Object.getPrototypeOf(filled)).toBe(Object.prototype);
        expect(keys.map((key) => filled[key])).toEqual([n, 'fixed 1', n, 'fixed 3', n, 'fixed 5', n]);
      }
    });
    expect(written).toBe(1);
    expect('leaked' in globalThis).toBe(false);
  });

  it('the written fill leaves out what is undefined, keeps order and refuses unknown placeholders as the loop does', () => {
    const fill = compileTemplate({ a: '{{a}}', b: '{{b}}', c: { d: '{{a}}-{{b}}' }, e: '{{e}}' }, 'w.json');
    expect(functionsWritten(() => fill({ a: 0, b: 0, e: 0 }))).toBe(0);
    const fills = () => {
      for (let n = 1; n < PAST_THE_SWITCH; n++) {
        const b = n % 3 === 0 ? undefined : n;
        const expected =
          b === undefined
            ? { a: n, c: { d: `${n}-undefined` }, e: null }
            : { a: n, b, c: { d: `${n}-${b}` }, e: null };
        const filled = fill({ a: n, b, e: null }) as Record<string, unknown>;
        expect(Object.keys(filled)).toEqual(Object.keys(expected));
        expect(JSON.stringify(filled)).toBe(JSON.stringify(expected));
      }
    };
    // Two objects, each written once: the event and `c`.
    expect(functionsWritten(fills)).toBe(2);
    expect(() => fill({ a: 1, b: 2 })).toThrow('template w.json uses unknown placeholder {{e}}');
    const builtIn = compileTemplate({ x: '{{constructor}}' }, 'w.json');
    for (let n = 0; n < PAST_THE_SWITCH; n++) expect(builtIn({ constructor: n })).toEqual({ x: n });
    expect(() => builtIn({})).toThrow('template w.json uses unknown placeholder {{constructor}}');
  });

  it('each fill makes fresh objects, so editing one event never changes the next', () => {
    const fill = compileTemplate({ list: [{ k: 'v' }] }, 't.json');
    const first = fill({}) as { list: { k: string }[] };
    (first.list[0] as { k: string }).k = 'edited';
    expect(fill({})).toEqual({ list: [{ k: 'v' }] });
  });

  it('the shipped templates load', () => {
    expect(Object.keys(loadTemplate('sqs'))).toContain('record');
    expect(() => loadTemplate('no-such-source')).toThrow('template no-such-source.json is missing');
  });
});
