import { describe, expect, test } from 'vitest';
import { commonOptionTable } from '../../src/core/common-options.js';
import { direct } from '../../src/sources/direct/index.js';
import { runCli } from '../helpers/cli.js';
import { commandFolder, run, runGenEvent } from '../helpers/cli-process.js';
import { sources } from '../helpers/sources.js';

/** The completion protocol as the scripts speak it: the words typed so far, the last one being completed. */
async function candidates(...words: string[]): Promise<string[]> {
  const { status, stdout, stderr } = await runCli(['--get-yargs-completions', ...words]);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return stdout.split('\n').filter((line) => line !== '');
}

describe('completion protocol', () => {
  test('a source name completes from its first letters, with or without the program name first', async () => {
    expect(await candidates('sq')).toEqual(['sqs']);
    expect(await candidates('gen-event', 'sq')).toEqual(['sqs']);
    expect(await candidates('gen-event', 'inv')).toEqual(['invoke']);
    expect(await candidates('gen-event', '')).toEqual([
      ...sources.flatMap((source) => [source.name, ...source.aliases]),
      'list',
      'seed',
      'check',
      'check-response',
      'context',
      'completion',
    ]);
    expect(await candidates('gen-event', 'ap')).toEqual(['apigw-v1', 'apigateway', 'apigw-v2', 'appsync']);
  });

  test('check-response completes its source first, then its options', async () => {
    expect(await candidates('gen-event', 'check-response', 'k')).toEqual(['kinesis', 'kafka']);
    expect(await candidates('gen-event', 'check-response', 'sqs', '--e')).toEqual(['--event']);
  });

  test("a source's options are its own and the common ones, then --help", async () => {
    expect(await candidates('gen-event', 'direct', '--')).toEqual([
      '--payload',
      '--schema',
      ...Object.keys(commonOptionTable).map((name) => `--${name}`),
      '--help',
    ]);
    expect(Object.keys(direct.options)).toEqual(['payload', 'schema']);
    expect(await candidates('gen-event', 'sqs', '--rec')).toEqual(['--records', '--receive-count']);
  });

  test('an option already given is not offered again, unless it can repeat', async () => {
    expect(await candidates('gen-event', 'sqs', '--queue', 'q', '--qu')).toEqual([]);
    expect(await candidates('gen-event', 'sqs', '--body', 'a', '--bo')).toEqual(['--body', '--body-schema']);
    expect(await candidates('gen-event', 'sqs', '--fifo', '--fi')).toEqual([]);
  });

  test("an option's value gets no candidates, so the shell completes a file name", async () => {
    expect(await candidates('gen-event', 'sqs', '--body-schema', '')).toEqual([]);
    expect(await candidates('gen-event', 'direct', '--out', 'ev')).toEqual([]);
    // A flag takes no value: the next word is an option again.
    expect(await candidates('gen-event', 'sqs', '--trace', '--tr')).toEqual([]);
    expect(await candidates('gen-event', 'sqs', '--trace', '--fi')).toEqual(['--fifo']);
  });
});

describe('gen-event completion', () => {
  test('prints the bash script by default and the zsh script (checked as text) when $SHELL is zsh', async () => {
    const bash = await runGenEvent(['completion'], { env: { ...process.env, SHELL: '/bin/bash' } });
    expect(bash.status).toBe(0);
    const bashScript = bash.stdout.toString('utf8');
    expect(bashScript).toContain('gen-event --get-yargs-completions');
    expect(bashScript).toContain(
      'complete -o bashdefault -o default -F _gen-event_yargs_completions gen-event\n',
    );

    const zsh = await runGenEvent(['completion'], { env: { ...process.env, SHELL: '/usr/bin/zsh' } });
    expect(zsh.status).toBe(0);
    const zshScript = zsh.stdout.toString('utf8');
    expect(zshScript.startsWith('#compdef gen-event\n')).toBe(true);
    expect(zshScript).toContain('gen-event --get-yargs-completions');
    expect(zshScript).toContain('compdef _gen-event_yargs_completions gen-event');
  });

  test('the bash script, sourced in a real bash, completes sources and options with Tab', async () => {
    const bash = await runGenEvent(['completion'], { env: { ...process.env, SHELL: '/bin/bash' } });
    // What bash does on Tab: set COMP_WORDS/COMP_CWORD, call the function, read COMPREPLY.
    const complete = (line: string) => `
      read -ra COMP_WORDS <<< ${JSON.stringify(line)}
      ${line.endsWith(' ') ? 'COMP_WORDS+=("")' : ''}
      COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))
      _gen-event_yargs_completions
      echo "${line}=>\${COMPREPLY[*]}"`;
    const lines = ['gen-event sq', 'gen-event sqs --rec', 'gen-event direct --pa', 'gen-event sqs --out '];
    const script = `source /dev/stdin <<'SCRIPT'\n${bash.stdout.toString('utf8')}SCRIPT\n${lines.map(complete).join('\n')}`;
    const result = await run('bash', ['-c', script], {
      env: { ...process.env, PATH: `${commandFolder()}:${process.env.PATH}` },
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.toString('utf8')).toBe(
      [
        'gen-event sq=>sqs',
        'gen-event sqs --rec=>--records --receive-count',
        'gen-event direct --pa=>--payload',
        'gen-event sqs --out =>',
        '',
      ].join('\n'),
    );
  });
});
