import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { applySet, deepMerge, parseSetArg, parseSetPath } from '../../src/core/overrides.js';
import { md5OfBody } from '../../src/sources/sqs/digests.js';
import { runCli } from '../helpers/cli.js';

describe('--set paths', () => {
  it('parses dots, indexes and quoted keys', () => {
    expect(parseSetPath('Records[0].attributes.SenderId')).toEqual(['Records', 0, 'attributes', 'SenderId']);
    expect(parseSetPath('headers["x-forwarded.for"]')).toEqual(['headers', 'x-forwarded.for']);
    expect(parseSetPath('a[1][2].b')).toEqual(['a', 1, 2, 'b']);
  });

  it.each([
    ['', /empty path/],
    ['a..b', /empty segment/],
    ['a.', /ends with a dot/],
    ['a[x]', /not an index/],
    ['a[0', /unclosed/],
    ['__proto__.polluted', /__proto__/],
    ['a.constructor.prototype', /constructor/],
    ['a["prototype"]', /prototype/],
  ])('refuses %j', (path, message) => {
    expect(() => parseSetPath(path)).toThrow(UsageError);
    expect(() => parseSetPath(path)).toThrow(message);
  });

  it('values are JSON when they parse as JSON, else text', () => {
    expect(parseSetArg('a=42').value).toBe(42);
    expect(parseSetArg('a="42"').value).toBe('42');
    expect(parseSetArg('a={"b":[1]}').value).toEqual({ b: [1] });
    expect(parseSetArg('a=null').value).toBeNull();
    expect(parseSetArg('a=hello world').value).toBe('hello world');
    expect(parseSetArg('a=x=y').value).toBe('x=y');
    expect(() => parseSetArg('novalue')).toThrow("has no '='");
    expect(() => parseSetArg('a={"__proto__":{"x":1}}')).toThrow(/__proto__/);
  });

  it('creates missing objects and arrays', () => {
    const target: Record<string, unknown> = {};
    applySet(target, parseSetArg('a.b[0].c=3'));
    applySet(target, parseSetArg('a.b[1]=4'));
    expect(target).toEqual({ a: { b: [{ c: 3 }, 4] } });
  });

  it('quoted keys hold ], = and dots; a bad escape is a usage error', () => {
    expect(parseSetArg('headers["a]b"]=1')).toEqual({ path: ['headers', 'a]b'], value: 1 });
    expect(parseSetArg('headers["a=b"].c=x=y')).toEqual({ path: ['headers', 'a=b', 'c'], value: 'x=y' });
    expect(parseSetArg('h["q\\"u\\\\o"]=1').path).toEqual(['h', 'q"u\\o']);
    expect(parseSetArg('h["\\u0041"]=1').path).toEqual(['h', 'A']);
    const bad = () => parseSetArg('h["a\\q"]=1');
    expect(bad).toThrow(UsageError);
    expect(bad).toThrow(
      `--set 'h["a\\q"]=1' has a bad escape in ["a\\q"] (inside ["..."] write \\" for a quote and \\\\ for a backslash)`,
    );
    expect(() => parseSetArg('h["a]=1')).toThrow(/has a quoted key that is not closed/);
  });

  it('an index past the end of a list is refused, not a hole or a huge allocation', () => {
    const event = { Records: [{ body: 'a' }] };
    expect(() => applySet(event, parseSetArg('Records[5].body=1'))).toThrow(
      "--set path 'Records[5].body' has the index 5, but Records has 1 element (use an index from 0 to 1 (1 adds an element))",
    );
    expect(() => applySet(event, parseSetArg('Records[99999999].body=1'))).toThrow(/has the index 99999999/);
    expect(() => applySet(event, parseSetArg('fresh[3]=1'))).toThrow(/but fresh has 0 elements/);
    expect(() => applySet(event, parseSetArg('Records.length=0'))).toThrow(
      "--set path 'Records.length' names the field 'length' of Records, which is a list (use an index, as in Records[0])",
    );
    expect(event).toEqual({ Records: [{ body: 'a' }] });
    applySet(event, parseSetArg('Records[1].body=b'));
    expect(event.Records).toEqual([{ body: 'a' }, { body: 'b' }]);
  });
});

describe('--merge', () => {
  it('merges objects key by key and arrays element by element', () => {
    const target = { Records: [{ body: 'a', keep: 1 }, { body: 'b' }], top: { x: 1, y: 2 } };
    deepMerge(target, { Records: [{ body: 'x' }], top: { y: null } });
    expect(target).toEqual({ Records: [{ body: 'x', keep: 1 }, { body: 'b' }], top: { x: 1, y: null } });
  });

  it('refuses keys that reach a prototype, and no prototype changes', () => {
    const patch = JSON.parse('{"a":{"__proto__":{"polluted":true}}}') as unknown;
    expect(() => deepMerge({ a: {} }, patch)).toThrow(UsageError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(() => deepMerge({}, JSON.parse('{"constructor":{"prototype":{"p":1}}}'))).toThrow(/constructor/);
  });
});

describe('--set and --merge on a generated event', () => {
  it('edit the final JSON verbatim, --set after --merge', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const patchFile = join(mkdtempSync(join(tmpdir(), 'gen-event-')), 'patch.json');
    writeFileSync(
      patchFile,
      JSON.stringify({ Records: [{ body: 'merged', attributes: { ApproximateReceiveCount: '9' } }] }),
    );
    const result = await runCli([
      'sqs',
      '--body',
      'original',
      '--records',
      '2',
      '--merge',
      patchFile,
      '--set',
      'Records[1].body=edited',
      '--set',
      'Records[0].attributes.SenderId=AIDAEXAMPLE',
      '--set',
      'extra.flag=true',
    ]);
    expect(result.status).toBe(0);
    const event = JSON.parse(result.stdout);
    expect(event.Records[0].body).toBe('merged');
    // Edits are verbatim: md5OfBody is left as generated, so a deliberately broken event is possible.
    expect(event.Records[0].md5OfBody).toBe(md5OfBody('original'));
    expect(event.Records[0].attributes.ApproximateReceiveCount).toBe('9');
    expect(event.Records[0].attributes.SenderId).toBe('AIDAEXAMPLE');
    expect(event.Records[0].attributes.SentTimestamp).toMatch(/^\d{13}$/);
    expect(event.Records[1].body).toBe('edited');
    expect(event.extra).toEqual({ flag: true });
  });

  it('--merge - reads the patch from standard input', async () => {
    const result = await runCli(['sqs', '--body', 'x', '--merge', '-'], '{"Records":[{"awsRegion":"xx"}]}');
    expect(JSON.parse(result.stdout).Records[0].awsRegion).toBe('xx');
  });

  it('an invalid merge file is an input error that says where it broke', async () => {
    const result = await runCli(['sqs', '--merge', '-'], '{\n  "Records": [,]\n}');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'gen-event: standard input is not valid JSON at line 2 column 15 (fix the JSON)\n',
    );
  });
});
