import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkerEntries } from '../../src/check/registry.js';

const sourcesDir = new URL('../../src/sources/', import.meta.url);

describe('the checker registry', () => {
  it("lists each checker by its own source's detector, and loads that checker", async () => {
    const kinds: string[] = [];
    for (const entry of checkerEntries) {
      const checker = await entry.load();
      expect(checker.detect, checker.kind).toBe(entry.detect);
      kinds.push(checker.kind);
    }
    expect(new Set(kinds).size).toBe(kinds.length);
  });

  it("keeps every detector cheap: a source's detect.ts imports only the shared record tests", () => {
    const detectors = readdirSync(sourcesDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
      /(^|\/)detect[\w-]*\.ts$/.test(file),
    );
    expect(detectors.length).toBeGreaterThanOrEqual(16);
    for (const file of detectors) {
      const imports = [...readFileSync(new URL(file, sourcesDir), 'utf8').matchAll(/from '([^']+)'/g)].map(
        ([, path]) => path,
      );
      for (const path of imports)
        expect(
          ['../../check/problems.js', '../http/detect-payload-v2.js'],
          `${file} imports ${path}`,
        ).toContain(path);
    }
  });
});
