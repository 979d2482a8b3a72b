import { completionScript, parserCompletionTable } from './completion.js';
import {
  COMPLETION_NAMES_PAGE,
  completionArgumentsPage,
  completionOptionsPage,
  completionPage,
  OVERVIEW_PAGE,
  SHELLS,
  type Shell,
  VERSION_PAGE,
} from './help-pages-names.js';
import { commandNames, parseCommandLine } from './parser.js';

/**
 * Every text the CLI prints without looking at anything but its words: the overview (`--help`), each
 * command's and alias's `--help`, `--version` and the completion scripts. yargs writes them all, once,
 * at build time (scripts/help-pages.mjs); the built command then prints the stored text without
 * loading yargs (src/cli/quick-commands.ts). The page names are the file names under dist/help/.
 */
export async function helpPages(): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  pages.set(OVERVIEW_PAGE, await printed(['--help']));
  pages.set(VERSION_PAGE, await printed(['--version']));
  for (const name of commandNames()) pages.set(name, await printed([name, '--help']));
  for (const shell of SHELLS) {
    pages.set(completionPage(shell), await withShell(shell, completionScript));
  }
  // Tab completion's table, one page per command, so a Tab reads only the command it completes.
  pages.set(COMPLETION_NAMES_PAGE, `${commandNames().join('\n')}\n`);
  for (const name of commandNames()) {
    const options = await parserCompletionTable.options(name);
    const kept = Object.fromEntries(
      Object.entries(options).map(([option, { type, choices, repeatable }]) => [
        option,
        { type, choices, repeatable },
      ]),
    );
    pages.set(completionOptionsPage(name), JSON.stringify(kept));
    const words = await parserCompletionTable.firstArguments(name);
    if (words.length > 0) pages.set(completionArgumentsPage(name), `${words.join('\n')}\n`);
  }
  return pages;
}

async function printed(args: string[]): Promise<string> {
  const parsed = await parseCommandLine(args);
  if (parsed.kind !== 'text') throw new Error(`gen-event ${args.join(' ')} printed no text`);
  return parsed.text;
}

/** yargs picks the script from $SHELL (or $ZSH_NAME), as the user's shell would set them. */
async function withShell<T>(shell: Shell, work: () => Promise<T>): Promise<T> {
  const saved = { SHELL: process.env.SHELL, ZSH_NAME: process.env.ZSH_NAME };
  process.env.SHELL = `/bin/${shell}`;
  delete process.env.ZSH_NAME;
  try {
    return await work();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
