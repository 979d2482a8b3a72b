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
const EMBEDDED = /\{\{([A-Za-z][A-Za-z0-9_.]*)\}\}/g;

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

/** Compiles one part of a template into a function, so filling it per event walks no JSON. */
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
    if (!part.includes('{{')) return () => part;
    return (values) => part.replace(EMBEDDED, (_, key: string) => String(lookup(values, key)));
  }
  if (Array.isArray(part)) {
    const items = part.map((item) => compileTemplate(item, templateName));
    return (values) => items.map((fill) => fill(values));
  }
  if (isPlainObject(part)) {
    const entries = Object.entries(part).map(
      ([key, value]) => [key, compileTemplate(value, templateName)] as const,
    );
    return (values) => {
      const out: Record<string, unknown> = {};
      for (const [key, fill] of entries) {
        const value = fill(values);
        if (value !== undefined) out[key] = value;
      }
      return out;
    };
  }
  return () => part;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
