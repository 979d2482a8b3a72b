/** How the caller was authorised: each mode gives `identity` its own shape (FORMATS-api-identity §5.1). */
export const APPSYNC_IDENTITIES = ['none', 'api-key', 'cognito', 'iam', 'oidc', 'lambda'] as const;
export type AppSyncIdentityMode = (typeof APPSYNC_IDENTITIES)[number];

/** The three root operation types; any other parent type is an object type of the schema. */
export const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

export const isRootType = (type: string): boolean => (ROOT_TYPES as readonly string[]).includes(type);

/** The largest `maxBatchSize` a resolver can be given (FORMATS-api-identity §5.2). */
export const MAX_BATCH_SIZE = 2000;

/** A direct Lambda resolver invocation from AppSync (FORMATS-api-identity §5). */
export interface AppSyncOptions {
  /** The field being resolved, e.g. `getPost` (default: a field of the parent type). */
  field?: string;
  /** `Query`, `Mutation`, `Subscription` or an object type such as `Post` (default `Query`). */
  parentType?: string;
  /**
   * The field's arguments (default: realistic ones for the field). With `batch`, a list gives each
   * item its own.
   */
  arguments?: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[];
  /** How the caller was authorised (default `cognito`). */
  identity?: AppSyncIdentityMode;
  /**
   * The fields the query selects below this one: GraphQL (`'id title author { name }'`) or a list
   * of paths (`['id', 'author/name']`).
   */
  selection?: string | readonly string[];
  /**
   * The parent object, for a field of an object type (root types have none). With `batch`, a list
   * gives each item its own.
   */
  source?: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[];
  /** The operation's variables, `info.variables` (default `{}`). */
  variables?: Readonly<Record<string, unknown>>;
  /** Headers of the GraphQL request, added to (or replacing) the client's own. */
  headers?: Readonly<Record<string, string>>;
  /** The result of the previous function of a pipeline resolver, `prev.result` (default: no pipeline, `prev: null`). */
  prev?: unknown;
  /** What earlier steps of the resolver put in the stash (default `{}`). */
  stash?: Readonly<Record<string, unknown>>;
  /** A batch invoke: an array of this many events for the same field (1 to 2000). */
  batch?: number;
}
