import { expect } from 'vitest';
import { runCli } from './cli.js';

/** Runs `gen-event <args> --count <n> --ndjson` in process and returns the events, one per line. */
export async function ndjsonEvents(args: readonly string[], count = 200): Promise<unknown[]> {
  const result = await runCli([...args, '--count', String(count), '--ndjson']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(count);
  return lines.map((line) => JSON.parse(line));
}

/** Runs `gen-event <args>` and returns the one event it prints. */
export async function oneEvent<T>(args: readonly string[], stdin = ''): Promise<T> {
  const result = await runCli(args, stdin);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}
