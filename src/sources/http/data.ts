import type { Random } from '../../core/random.js';
import { compileTemplate, loadTemplate } from '../../core/template.js';
import { fillPath, type PathTemplate, parsePathTemplate } from './routes.js';

/** A client's own request headers, by its User-Agent. */
export interface HttpClient {
  userAgent: string;
  headers: Readonly<Record<string, string>>;
}

/** Where a request comes from: what CloudFront would say about the address. */
export interface HttpNetwork {
  country: string;
  asn: string;
  prefix: string;
}

/** The realistic values every HTTP source draws its defaults from (templates/http.json). */
export interface HttpData {
  clients: readonly HttpClient[];
  networks: readonly HttpNetwork[];
  paths: readonly string[];
  greedyPaths: readonly string[];
  slugs: readonly string[];
  usernames: readonly string[];
  roleNames: readonly string[];
  sessionNames: readonly string[];
  /** `paths`, parsed once per run rather than once per event. */
  pathTemplates: readonly PathTemplate[];
}

export function loadHttpData(): HttpData {
  const data = loadTemplate('http') as unknown as Omit<HttpData, 'pathTemplates'>;
  const pathTemplates = data.paths.map((path) => parsePathTemplate(path, 'templates/http.json path'));
  return { ...data, pathTemplates };
}

/** A realistic public client address, with the network it belongs to. */
export function clientAddress(data: HttpData, rng: Random): { ip: string; network: HttpNetwork } {
  const network = rng.pick(data.networks);
  return { ip: `${network.prefix}.${rng.int(0, 255)}.${rng.int(1, 254)}`, network };
}

/** A value for a path variable that reads like one: ids are numbers or UUIDs, `{proxy+}` a few segments. */
function pathVariableValue(data: HttpData, rng: Random, name: string, greedy: boolean): string {
  if (greedy) return rng.pick(data.greedyPaths);
  if (/id$/i.test(name)) return rng.int(0, 1) === 0 ? String(rng.int(1, 99_999)) : rng.uuid();
  return rng.pick(data.slugs);
}

/**
 * A realistic path that `template` (a resource or route) matches: one from the data's list for no
 * template or the catch-all `/{proxy+}`, else the template with its variables filled.
 */
export function samplePath(data: HttpData, rng: Random, template?: PathTemplate): string {
  const chosen =
    template === undefined || template.text === '/{proxy+}' ? rng.pick(data.pathTemplates) : template;
  return fillPath(chosen, (name, greedy) => pathVariableValue(data, rng, name, greedy));
}

/** A role session name, as SDKs and people name them. */
export function sessionName(data: HttpData, rng: Random, username: string, epochMs: number): string {
  const fill = compileTemplate(rng.pick(data.sessionNames), 'http.json');
  return fill({ username, epoch: Math.floor(epochMs / 1000) }) as string;
}
