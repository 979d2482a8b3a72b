import { readFileSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkEvent } from '../check/registry.js';
import { maxInputFromRaw, maxInputOption } from '../core/common-options.js';
import { checkFitsInString, serializeEvent } from '../core/engine.js';
import { InterruptedError, UsageError } from '../core/errors.js';
import { checkFixtureTargets, type FixtureTarget, holdsText } from '../core/folder-targets.js';
import { readFileBounded } from '../core/inputs.js';
import { listJsonFiles, writeFileAtomic } from '../core/output.js';
import { optionalBoolean } from '../core/raw-options.js';
import { parseRecipe, recipeInputReader } from '../core/recipe.js';
import type { RawOptions } from '../sources/source.js';
import type { CommandSpec } from './command-spec.js';
import { afterFiles, filesWritten } from './event-output.js';
import type { CliIO } from './io.js';
import { openEventStream, warnOnce } from './run-source.js';

export const seedCommand: CommandSpec = {
  name: 'seed',
  aliases: [],
  positionals: '<recipe>',
  summary: 'Write the fixture folder a recipe describes (the same bytes every time)',
  options: {
    check: {
      type: 'boolean',
      description: 'Write nothing; exit 1 listing missing, stale, edited and extra files',
    },
    force: { type: 'boolean', description: 'Replace fixture files that differ from the recipe' },
    'allow-outside': {
      type: 'boolean',
      description: "Let the recipe's out name a folder outside the recipe's own folder (or an absolute one)",
    },
    'max-input': maxInputOption,
  },
  examples: [
    ['gen-event seed examples/recipe.json', 'write the fixtures the recipe names'],
    [
      'gen-event seed examples/recipe.json && gen-event seed examples/recipe.json --check',
      'in CI: fail when the folder no longer matches the recipe',
    ],
  ],
};

type FileState = 'missing' | 'same' | 'differs';

/** `gen-event seed <recipe> [--check] [--force]`. Returns the exit status. */
export async function runSeed(positionals: readonly string[], raw: RawOptions, io: CliIO): Promise<number> {
  const [recipePath, ...rest] = positionals;
  if (recipePath === undefined)
    throw new UsageError('seed needs a recipe file', 'write gen-event seed <recipe.json>');
  if (rest.length > 0)
    throw new UsageError(`seed takes one recipe, not ${positionals.length}`, 'run it once per recipe');
  const check = optionalBoolean(raw, 'check') ?? false;
  const force = optionalBoolean(raw, 'force') ?? false;
  const allowOutside = optionalBoolean(raw, 'allow-outside') ?? false;
  const maxInput = maxInputFromRaw(raw);

  const text = (await readFileBounded(io.inputs, recipePath, maxInput)).toString('utf8');
  const recipe = await parseRecipe(text, recipePath, { allowOutside });
  const inputs = recipeInputReader(io.inputs, recipePath);
  // Every target is checked before anything is generated, and everything is generated and compared
  // before anything is written: a refused run writes nothing.
  const targets = checkFixtureTargets(
    recipe.outDir,
    recipe.fixtures.map((f) => f.file),
  );

  const planned: { path: string; text: string; state: FileState; target: FixtureTarget }[] = [];
  for (const [i, fixture] of recipe.fixtures.entries()) {
    const stream = await openEventStream(fixture.source, fixture.options, inputs, warnOnce(io), {
      override: fixture.override,
      maxInput,
    });
    const event = stream.next();
    checkFitsInString(event);
    const eventText = serializeEvent(event, fixture.compact);
    const path = join(recipe.outDir, fixture.file);
    const target = targets[i] ?? { exists: false };
    const state: FileState = !target.exists
      ? 'missing'
      : holdsText(path, target, eventText)
        ? 'same'
        : 'differs';
    planned.push({ path, text: eventText, state, target });
  }
  refuseOverwritingInputs(
    planned.map((p) => p.path),
    [recipe.path, ...inputs.filesRead],
  );
  const extras = listJsonFiles(recipe.outDir).filter(
    (file) => file !== recipe.path && !planned.some((p) => p.path === file),
  );
  const show = displayPath;

  if (check) {
    const lines: string[] = [];
    for (const { path, state, target } of planned) {
      if (state === 'missing') lines.push(`${show(path)}: missing (run gen-event seed to write it)`);
      if (state === 'differs')
        lines.push(`${show(path)}: ${await describeDifference(path, target, maxInput)}`);
    }
    for (const extra of extras)
      lines.push(`${show(extra)}: extra, not in the recipe (delete it or add it to the recipe)`);
    if (lines.length > 0) {
      await io.writeStdout(`${lines.join('\n')}\n${lines.length} file(s) do not match ${recipePath}\n`);
      return 1;
    }
    await io.writeStdout(`${planned.length} fixture(s) match ${recipePath}\n`);
    return 0;
  }

  const differing = planned.filter((p) => p.state === 'differs');
  if (differing.length > 0 && !force) {
    const shown = differing
      .slice(0, 3)
      .map((p) => show(p.path))
      .join(', ');
    throw new UsageError(
      `${differing.length} fixture file(s) differ from the recipe: ${shown}${differing.length > 3 ? ', …' : ''}`,
      'run with --check to see why, or --force to replace them',
    );
  }
  const toWrite = planned.filter((p) => p.state !== 'same');
  await io.whileWriting(async (interrupted) => {
    let written = 0;
    try {
      for (const { path, text: eventText, state } of toWrite) {
        writeFileAtomic(path, eventText, state === 'differs');
        written += 1;
        if (written % 64 === 0) await new Promise((resolve) => setImmediate(resolve));
        const signal = interrupted();
        if (signal) throw new InterruptedError(signal, filesWritten(written, toWrite.length));
      }
    } catch (error) {
      throw written > 0 ? afterFiles(error, written, toWrite.length) : error;
    }
  });
  for (const extra of extras) io.writeStderr(`gen-event: warning: ${show(extra)} is not in the recipe\n`);
  await io.writeStdout(
    `${toWrite.length} written, ${planned.length - toWrite.length} unchanged in ${show(recipe.outDir)}\n`,
  );
  return 0;
}

/** A fixture never replaces the recipe or a file the recipe reads (a payload, a schema, a merge). */
function refuseOverwritingInputs(targets: readonly string[], read: readonly string[]): void {
  const readReal = new Set(read.map(realOrResolved));
  for (const target of targets) {
    if (readReal.has(realOrResolved(target))) {
      throw new UsageError(
        `the fixture ${displayPath(target)} would replace a file the recipe reads`,
        'rename the fixture, or move the file it would replace',
      );
    }
  }
}

function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** A file that differs is stale when it is still a valid event, hand-edited when it breaks a rule. */
async function describeDifference(path: string, target: FixtureTarget, maxInput: number): Promise<string> {
  if (target.exists && target.size > maxInput)
    return `hand-edited: larger than the input limit of ${maxInput} bytes (run gen-event seed --force to rewrite it)`;
  let event: unknown;
  try {
    event = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return 'hand-edited: no longer valid JSON (run gen-event seed --force to rewrite it)';
  }
  const { problems } = await checkEvent(event);
  if (problems.length > 0) {
    const first = problems[0];
    return `hand-edited: ${first?.path}: ${first?.message} (run gen-event seed --force to rewrite it)`;
  }
  return 'stale: differs from what the recipe makes now (run gen-event seed --force to rewrite it)';
}

/** A path relative to the working folder when it lies inside it, else as it is. */
function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}
