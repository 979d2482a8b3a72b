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
    applySet(target, parseSetArg('a.b[1].c=3'));
    expect(target).toEqual({ a: { b: [undefined, { c: 3 }] } });
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
