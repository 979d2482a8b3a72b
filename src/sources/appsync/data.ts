import { loadTemplate } from '../../core/template.js';

/** One resolver of the sample schema (templates/appsync.json): what a client typically asks of it. */
export interface FieldSample {
  name: string;
  arguments: Record<string, unknown>;
  selection: string;
  /** The parent object, for fields of object types. */
  source?: Record<string, unknown>;
}

/** The realistic values the appsync source draws from (templates/appsync.json). */
export interface AppSyncData {
  fields: Readonly<Record<string, readonly FieldSample[]>>;
  titles: readonly string[];
  contents: readonly string[];
  comments: readonly string[];
  words: readonly string[];
  limits: readonly number[];
  groups: readonly (readonly string[])[];
  tenants: readonly string[];
  roles: readonly string[];
  oidcIssuers: readonly string[];
  amplifyUserAgents: readonly string[];
}

export function loadAppSyncData(): AppSyncData {
  return loadTemplate('appsync') as unknown as AppSyncData;
}
