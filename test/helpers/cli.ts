import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { processInputReader } from '../../src/core/inputs.js';
import { builtBin } from './cli-process.js';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in process, with standard input given as text. */
export async function runCli(args: readonly string[], stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    inputs: {
      openFile: processInputReader.openFile,
      openStdin: () => Readable.from([Buffer.from(stdin, 'utf8')]),
    },
    stderrIsTTY: false,
    whileWriting: (work) => work(() => undefined),
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** The built command (`npm test` builds before the tests run). */
export const binPath = builtBin;

/** Runs the built CLI as a real process (the build runs before the tests in `npm test`). */
export function spawnCli(
  args: readonly string[],
  options: { stdin?: string; cwd?: string; nodeFlags?: readonly string[] } = {},
): CliResult {
  const result = spawnSync(process.execPath, [...(options.nodeFlags ?? []), binPath, ...args], {
    input: options.stdin ?? '',
    cwd: options.cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}
