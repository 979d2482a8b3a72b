import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { albEvent, apigwV2Event, generate } from '../../../src/index.js';
import { runCli } from '../../helpers/cli.js';

// Bytes that are not UTF-8: a service that passes them as text replaces them with U+FFFD.
const BINARY = new Uint8Array([0xff, 0xfe, 0x00, 0x01]);
const FIX = 'give the binary Content-Type, e.g. --content-type application/octet-stream';

describe('a binary body sent with a text Content-Type is passed as mangled text, and gen-event says so', () => {
  test.each([
    ['the HTTP API', 'apigw-v2'],
    ['the function URL', 'function-url'],
    ['ALB', 'alb'],
  ] as const)('%s', async (service, source) => {
    const warnings: string[] = [];
    const event = await generate(source, {
      body: BINARY,
      contentType: 'application/json',
      onWarning: (w: string) => warnings.push(w),
    });
    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('\uFFFD\uFFFD\u0000\u0001');
    expect(warnings).toEqual([
      `the body is binary but application/json is a text type; ${service} would pass it as mangled text (${FIX})`,
    ]);
  });

  test('no warning for a binary type, text with a text type, or (ALB) a Content-Encoding', async () => {
    const warnings: string[] = [];
    const onWarning = (w: string) => warnings.push(w);
    await apigwV2Event({ body: BINARY, contentType: 'application/octet-stream', onWarning });
    await apigwV2Event({ body: '{"a":1}', contentType: 'application/json', onWarning });
    await albEvent({
      body: BINARY,
      contentType: 'application/json',
      headers: { 'Content-Encoding': 'gzip' },
      onWarning,
    });
    expect(warnings).toEqual([]);
  });

  test('the CLI prints it once on stderr and still writes the event', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gen-event-binary-')), 'bin.dat');
    writeFileSync(file, BINARY);
    const result = await runCli([
      'http-api',
      '--body',
      `@${file}`,
      '--content-type',
      'application/json',
      '--count',
      '2',
      '--ndjson',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')).toHaveLength(3);
    expect(result.stderr).toBe(
      `gen-event: warning: the body is binary but application/json is a text type; the HTTP API would pass it as mangled text (${FIX})\n`,
    );
  });
});
