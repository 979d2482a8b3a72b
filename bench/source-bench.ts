/**
 * What the bench knows of one source beyond its name, from bench/sources/<name>.ts (one small file
 * per source). Every source in the catalog is measured whether or not it has such a file; without one,
 * its throughput is shown with no baseline and its cold start only with realistic values.
 */
export interface SourceBench {
  /** Options that give every value, so the cold start is measured without realistic values too. */
  givenArgs?: readonly string[];
  /** The library's options and the hand-written code that builds the same JSON with no library. */
  throughput?: {
    what: string;
    options: object;
    handWritten: () => unknown;
  };
}

/** The bench's own file for a source, when there is one (bench/.out/sources/<name>.js). */
export async function sourceBench(name: string): Promise<SourceBench | undefined> {
  const { existsSync } = await import('node:fs');
  const url = new URL(`./sources/${name}.js`, import.meta.url);
  if (!existsSync(url)) return undefined;
  return ((await import(url.href)) as { bench: SourceBench }).bench;
}
