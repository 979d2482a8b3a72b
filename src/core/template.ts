import { readFileSync } from 'node:fs';
import { packageRoot } from '../package-root.js';
import { InputError } from './errors.js';

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
        throw new InputError(
          `template ${templateName} uses unknown placeholder {{${key}}}`,
          'fix the template',
        );
      }
      return value;
    };
  };

  if (typeof part === 'string') {
    const whole = WHOLE.exec(part);
    if (whole) return reader(whole[1] as string);
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
    return (values) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = (fills[i] as FilledTemplate)(values);
        if (value !== undefined) out[keys[i] as string] = value;
      }
      return out;
    };
  }
  return () => part;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
