/**
 * The names of the pages under dist/help/ that are not a command's own `--help` (src/cli/help-pages.ts).
 * They start with `_`, which no command name does, so a command never shares a page name with them.
 */
export const OVERVIEW_PAGE = '_overview';
export const VERSION_PAGE = '_version';
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];
export const completionPage = (shell: Shell) => `_completion-${shell}`;
/** The command names and aliases Tab completes, one a line. */
export const COMPLETION_NAMES_PAGE = '_completion-names';
/** A command's options for Tab completion, as JSON (src/cli/completion-words.ts). */
export const completionOptionsPage = (command: string) => `_completion-options-${command}`;
/** The words a command's first positional is one of, one a line, for the commands that have such words. */
export const completionArgumentsPage = (command: string) => `_completion-arguments-${command}`;
