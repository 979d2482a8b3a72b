import { libraryUrl } from './paths.js';

/** The built library as the bench drives it: by source name, so sources added later are measured too. */
export interface Library {
  generate(source: string, options?: object): Promise<unknown>;
  generateMany(source: string, count: number, options?: object): AsyncGenerator<unknown>;
}

export async function loadLibrary(): Promise<Library> {
  return (await import(libraryUrl)) as Library;
}

/** Whether the built library knows the source (the API Gateway sources arrive on their own branch). */
export async function hasSource(library: Library, source: string): Promise<boolean> {
  try {
    await library.generate(source, { seed: 1 });
    return true;
  } catch (error) {
    if ((error as Error).name === 'UsageError' && /unknown source/.test((error as Error).message))
      return false;
    throw error;
  }
}
