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
  const lookup = (values: TemplateValues, key: string): unknown => {
    if (!Object.hasOwn(values, key)) {
      throw new InputError(
        `template ${templateName} uses unknown placeholder {{${key}}}`,
        'fix the template',
      );
    }
    return values[key];
  };

  if (typeof part === 'string') {
    const whole = WHOLE.exec(part);
    if (whole) {
      const key = whole[1] as string;
      return (values) => lookup(values, key);
    }
    // Split once: even places hold text, odd places placeholder names.
    const pieces = part.split(EMBEDDED);
    if (pieces.length === 1) return () => part;
    return (values) => {
      let text = pieces[0] as string;
      for (let i = 1; i < pieces.length; i += 2) {
        text += String(lookup(values, pieces[i] as string)) + (pieces[i + 1] as string);
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
