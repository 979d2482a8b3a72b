import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { toolCommands } from '../../src/cli/parser.js';
import { commandFolder, projectRoot, run } from '../helpers/cli-process.js';
import { sources } from '../helpers/sources.js';

/** Files the examples name, made here so that each example runs as printed. */
const exampleFiles: Record<string, string | Buffer> = {
  // Binary uploads: a PNG signature and a PDF header are enough for a body that is not text.
  'photo.png': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  'avatar.png': Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  'report.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a])]),
  'order.schema.json': JSON.stringify({
    type: 'object',
    required: ['orderId', 'total', 'currency'],
    properties: {
      orderId: { type: 'integer', minimum: 1 },
      total: { type: 'number', minimum: 0 },
      currency: { enum: ['EUR', 'USD'] },
    },
  }),
};

const examples = [
  ...sources.flatMap((source) => source.examples.map(([example]) => [source.name, example, true] as const)),
  ...toolCommands.flatMap((tool) => tool.examples.map(([example]) => [tool.name, example, false] as const)),
];
const binFolder = commandFolder();

test.concurrent.each(examples)(
  '%s --help example runs as printed: %s',
  async (_command, example, isSource) => {
    // Its own folder and home, so an example that writes a file (even ~/.bashrc) writes it there.
    const folder = mkdtempSync(join(tmpdir(), 'gen-event-example-'));
    for (const [name, text] of Object.entries(exampleFiles)) writeFileSync(join(folder, name), text);
    // The recipe examples name the shipped example recipe.
    cpSync(join(projectRoot, 'examples'), join(folder, 'examples'), { recursive: true });
    const result = await run('bash', ['-o', 'pipefail', '-c', example], {
      cwd: folder,
      env: { ...process.env, HOME: folder, PATH: `${binFolder}:${process.env.PATH}` },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // A source's example prints an event (unless it writes it to a file).
    const printed = result.stdout.toString('utf8');
    if (isSource && printed !== '') expect(() => JSON.parse(printed)).not.toThrow();
  },
);
