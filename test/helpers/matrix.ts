import { expect } from 'vitest';
import { runCli } from './cli.js';

/** Runs the CLI in process and returns what it printed, failing on any error or warning. */
export async function cliOutput(args: readonly string[], stdin = ''): Promise<string> {
  const result = await runCli(args, stdin);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

/** Runs `gen-event <args> --count <n> --ndjson` in process and returns the events, one per line. */
export async function ndjsonEvents(args: readonly string[], count = 200): Promise<unknown[]> {
  const lines = (await cliOutput([...args, '--count', String(count), '--ndjson'])).trimEnd().split('\n');
  expect(lines).toHaveLength(count);
  return lines.map((line) => JSON.parse(line));
}

/** Runs `gen-event <args>` and returns the one event it prints. */
export async function oneEvent<T>(args: readonly string[], stdin = ''): Promise<T> {
  return JSON.parse(await cliOutput(args, stdin)) as T;
}
