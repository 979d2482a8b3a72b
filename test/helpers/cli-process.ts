import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root and the built command, as `npm test` leaves them (it builds before vitest runs). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const builtBin = join(projectRoot, 'bin', 'gen-event.js');

export interface Finished {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs a program to its end, feeding `input` on stdin, and collects its output as bytes. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: Buffer | string } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') }),
    );
    // A program may exit without reading its input (a help page, a usage error): writing to its closed
    // pipe then fails with EPIPE, which says nothing about the run; its status and output do.
    child.stdin.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error);
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Runs the built `gen-event` as a user would. */
export function runGenEvent(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Finished> {
  return run(process.execPath, [builtBin, ...args], options);
}

/** A folder holding a `gen-event` command that runs the built CLI, to put first on PATH for shells. */
export function commandFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'gen-event-bin-'));
  const command = join(folder, 'gen-event');
  writeFileSync(command, `#!/bin/sh\nexec "${process.execPath}" "${builtBin}" "$@"\n`);
  chmodSync(command, 0o755);
  return folder;
}
