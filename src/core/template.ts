import { readFileSync } from 'node:fs';
import { packageRoot } from '../package-root.js';
import { InputError } from './errors.js';
import { setOwn } from './own-keys.js';

/**
 * Templates are data. A string that is exactly `{{name}}` is replaced by the value `name` (any JSON
 * value; `undefined` leaves the key out, which is how optional fields stay absent). `{{name}}` inside
 * a longer string is replaced by the value's text. Nothing in a template is ever evaluated: a
 * placeholder can only name a value the source put in the table.
 */
export type TemplateValues = Readonly<Record<string, unknown>>;
export type FilledTemplate = (values: TemplateValues) => unknown;

const WHOLE = /^\{\{([A-Za-z][A-Za-z0-9_.]*)\}\}$/;
const EMBEDDED = /\{\{([A-Za-z][A-Za-z0-9_.]*)\}\}/;

/** Reads `templates/<name>.json`: an object whose keys are the template's parts (`event`, `record`…). */
export function loadTemplate(name: string, root: URL = packageRoot): Readonly<Record<string, unknown>> {
  const url = new URL(`templates/${name}.json`, root);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch {
    throw new InputError(`template ${name}.json is missing`, 'reinstall gen-event');
  }
  const parsed: unknown = JSON.parse(text);
  if (!isPlainObject(parsed))
    throw new InputError(`template ${name}.json is not an object`, 'reinstall gen-event');
  return parsed;
}

/** How many times an object is filled by the loop before its own function is written. */
export const FILLS_BEFORE_WRITING = 100;

/** The name of a string that is exactly one placeholder, `{{name}}`. */
function wholePlaceholder(part: unknown): string | undefined {
  return typeof part === 'string' ? WHOLE.exec(part)?.[1] : undefined;
}

function unknownPlaceholder(templateName: string, key: string): InputError {
  return new InputError(`template ${templateName} uses unknown placeholder {{${key}}}`, 'fix the template');
}

/**
 * Compiles one part of a template into a function, so filling it per event walks no JSON and runs no
 * regular expression: the engine fills a record template thousands of times a second.
 */
export function compileTemplate(part: unknown, templateName: string): FilledTemplate {
  /** Reads placeholder `key` from the table; a placeholder the source did not put there is an error. */
  const reader = (key: string): FilledTemplate => {
    // A defined value is the table's own, unless an object's built-in (`{{constructor}}`) has that name.
    const builtIn = key in Object.prototype;
    return (values) => {
      const value = values[key];
      if ((value === undefined || builtIn) && !Object.hasOwn(values, key)) {
        throw unknownPlaceholder(templateName, key);
      }
      return value;
    };
  };

  const whole = wholePlaceholder(part);
  if (whole !== undefined) return reader(whole);
  if (typeof part === 'string') {
    // Split once: even places hold text, odd places placeholder names.
    const pieces = part.split(EMBEDDED);
    if (pieces.length === 1) return () => part;
    const texts = pieces.filter((_, i) => i % 2 === 0);
    const reads = pieces.filter((_, i) => i % 2 === 1).map(reader);
    return (values) => {
      let text = texts[0] as string;
      for (let i = 0; i < reads.length; i++) {
        text += String((reads[i] as FilledTemplate)(values)) + (texts[i + 1] as string);
      }
      return text;
    };
  }
  if (Array.isArray(part)) {
    const items = part.map((item) => compileTemplate(item, templateName));
    return (values) => items.map((fill) => fill(values));
  }
  if (isPlainObject(part)) {
    const keys = Object.keys(part);
    const fills = keys.map((key) => compileTemplate(part[key], templateName));
    const looped = loopedObjectFill(keys, fills);
    // The loop first; the written fill once the object has been filled often enough to pay for
    // compiling it (about 0.1 ms an object), so a run of one event never compiles one.
    let written: FilledTemplate | undefined;
    let fillsBeforeWriting = FILLS_BEFORE_WRITING;
    return (values) => {
      if (written !== undefined) return written(values);
      fillsBeforeWriting -= 1;
      if (fillsBeforeWriting === 0) written = writtenObjectFill(part, keys, fills, templateName) ?? looped;
      return looped(values);
    };
  }
  return () => part;
}

/** Fills an object key by key; `undefined` leaves a key out. */
function loopedObjectFill(keys: readonly string[], fills: readonly FilledTemplate[]): FilledTemplate {
  return (values) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = (fills[i] as FilledTemplate)(values);
      if (value !== undefined) setOwn(out, keys[i] as string, value);
    }
    return out;
  };
}

/**
 * The same fill as loopedObjectFill, written out as a function of its own for this one object: each
 * key a named store and each whole placeholder a named read, which V8 runs about five times faster
 * than the loop, whose single store site sees the keys of every template. The function's text holds
 * only the template's key and placeholder names, each written as a JSON string literal, so neither a
 * template nor a value can become code. Undefined where code generation from strings is turned off
 * (`--disallow-code-generation-from-strings`): the loop fills the object then.
 */
function writtenObjectFill(
  part: Record<string, unknown>,
  keys: readonly string[],
  fills: readonly FilledTemplate[],
  templateName: string,
): FilledTemplate | undefined {
  const literal = (text: string) => JSON.stringify(text);
  let body = 'const out = {};\nlet value;\n';
  keys.forEach((key, i) => {
    const name = wholePlaceholder(part[key]);
    if (name === undefined) {
      body += `value = fills[${i}](values);\n`;
    } else {
      // As the reader above: only an own value of the table, whatever Object.prototype holds.
      const missing = name in Object.prototype ? 'true' : 'value === undefined';
      body += `value = values[${literal(name)}];\n`;
      body += `if (${missing} && !hasOwn(values, ${literal(name)})) throw unknown(${literal(name)});\n`;
    }
    const store =
      key === '__proto__' ? `setOwn(out, ${literal(key)}, value)` : `out[${literal(key)}] = value`;
    body += `if (value !== undefined) ${store};\n`;
  });
  let make: (...parts: unknown[]) => FilledTemplate;
  try {
    make = new Function(
      'fills',
      'hasOwn',
      'unknown',
      'setOwn',
      `return (values) => {\n${body}return out;\n};`,
    ) as typeof make;
  } catch (error) {
    // Only Node refusing code generation; a text that did not compile would be a fault here.
    if (error instanceof EvalError) return undefined;
    throw error;
  }
  return make(fills, Object.hasOwn, (name: string) => unknownPlaceholder(templateName, name), setOwn);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
