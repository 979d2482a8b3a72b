import { UsageError } from '../../core/errors.js';
import { setOwn } from '../../core/own-keys.js';

/**
 * Path templates: REST resources (`/users/{id}`, `/{proxy+}`) and HTTP API route paths. A `{name}`
 * matches one path segment, a greedy `{name+}` the rest of the path; values are taken from the path
 * as sent, not decoded (FORMATS §3.1).
 */
export type TemplateSegment = { literal: string } | { variable: string; greedy: boolean };

export interface PathTemplate {
  readonly text: string;
  readonly segments: readonly TemplateSegment[];
}

const VARIABLE = /^\{([A-Za-z0-9._-]+)(\+)?\}$/;

export function parsePathTemplate(text: string, option: string): PathTemplate {
  const refuse = (why: string): never => {
    throw new UsageError(`${option} '${text}' ${why}`, "write it like '/users/{id}' or '/{proxy+}'");
  };
  if (!text.startsWith('/')) refuse('does not start with /');
  if (text === '/') return { text, segments: [] };
  const names = new Set<string>();
  const parts = text.slice(1).split('/');
  const segments = parts.map((part, index): TemplateSegment => {
    if (part.length === 0) refuse('has an empty segment');
    const variable = VARIABLE.exec(part);
    if (!variable) {
      if (/[{}]/.test(part)) refuse(`has '${part}', which is neither a name nor a whole {variable}`);
      return { literal: part };
    }
    const name = variable[1] as string;
    const greedy = variable[2] === '+';
    if (greedy && index !== parts.length - 1) refuse('has a greedy {name+} that is not the last segment');
    if (names.has(name)) refuse(`names {${name}} twice`);
    names.add(name);
    return { variable: name, greedy };
  });
  return { text, segments };
}

/** The path parameters when `path` matches the template, else undefined. */
export function matchPath(template: PathTemplate, path: string): Record<string, string> | undefined {
  if (template.segments.length === 0) return path === '/' ? {} : undefined;
  const parts = path.slice(1).split('/');
  const parameters: Record<string, string> = {};
  for (let i = 0; i < template.segments.length; i++) {
    const segment = template.segments[i] as TemplateSegment;
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return undefined;
    } else if (segment.greedy) {
      const rest = parts.slice(i).join('/');
      if (rest.length === 0) return undefined;
      setOwn(parameters, segment.variable, rest);
      return parameters;
    } else {
      const part = parts[i];
      if (part === undefined || part.length === 0) return undefined;
      setOwn(parameters, segment.variable, part);
    }
  }
  return parts.length === template.segments.length ? parameters : undefined;
}

/** A path the template matches, with each variable filled by `valueFor`. */
export function fillPath(
  template: PathTemplate,
  valueFor: (variable: string, greedy: boolean) => string,
): string {
  if (template.segments.length === 0) return '/';
  return template.segments
    .map(
      (segment) => `/${'literal' in segment ? segment.literal : valueFor(segment.variable, segment.greedy)}`,
    )
    .join('');
}

/** The methods API Gateway and function URLs accept (and the Powertools schemas know). */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

export function checkMethod(method: string, option = '--method'): string {
  const upper = method.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(upper)) {
    throw new UsageError(
      `${option} '${method}' is not an HTTP method`,
      `use one of ${HTTP_METHODS.join(', ')}`,
    );
  }
  return upper;
}

/** An HTTP API route: `$default`, or `METHOD /path` where METHOD may be `ANY` (FORMATS §4.1). */
export type RouteKey = { kind: 'default' } | { kind: 'route'; method: string; path: PathTemplate };

export function parseRouteKey(text: string, option = '--route'): RouteKey {
  if (text === '$default') return { kind: 'default' };
  const match = /^(\S+) (\/\S*)$/.exec(text);
  if (!match) {
    throw new UsageError(`${option} '${text}' is not a route`, "write '$default' or 'GET /items/{id}'");
  }
  const method = match[1] === 'ANY' ? 'ANY' : checkMethod(match[1] as string, option);
  if (method !== match[1]) {
    throw new UsageError(`${option} '${text}' has a lowercase method`, `write ${method} in capitals`);
  }
  return { kind: 'route', method, path: parsePathTemplate(match[2] as string, option) };
}
