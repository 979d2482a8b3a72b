import { main } from '../../src/cli/main.js';

/** Runs the CLI in process with files from `files` and standard input from `stdin`. */
export async function runCli(
  args: readonly string[],
  files: Readonly<Record<string, Uint8Array | string>> = {},
  stdin: Uint8Array | string = '',
): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    writeStdout: (text) => {
      stdout += text;
    },
    writeStderr: (text) => {
      stderr += text;
    },
    stderrIsTTY: false,
    inputs: {
      async readFile(path) {
        const content = files[path];
        if (content === undefined) throw new Error(`no test file ${path}`);
        return Buffer.from(content);
      },
      async readStdin() {
        return Buffer.from(stdin);
      },
    },
  });
  return { status, stdout, stderr };
}
