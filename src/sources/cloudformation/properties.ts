import { UsageError } from '../../core/errors.js';
import { setOwn } from '../../core/own-keys.js';

/** Property names CloudFormation itself fills in; the template gives them through their own options. */
const RESERVED: Readonly<Record<string, string>> = {
  ServiceToken: '--service-token',
  ServiceTimeout: '--service-timeout',
};

/**
 * A template's properties as CloudFormation delivers them to the provider: every scalar becomes a string
 * (`true` ⇒ `"true"`, `14` ⇒ `"14"`) [3P cloudformation-coverage-roadmap#1037, aws-cdk#4000]; lists and maps
 * keep their structure with stringified leaves (FORMATS-api-identity §6; the structure part is UNCONFIRMED:
 * chosen because CDK providers read nested lists and maps from ResourceProperties as structures).
 * null is refused (UNCONFIRMED: a template cannot pass a null to a custom resource that arrives as a value;
 * refusing is safer than inventing "null" or dropping the key silently).
 */
export function stringifyProperties(properties: unknown, option: string): Record<string, unknown> {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    throw new UsageError(`${option} is not a JSON object`, `give an object such as '{"RetentionDays":14}'`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(properties)) {
    const own = RESERVED[key];
    if (own !== undefined) {
      throw new UsageError(`${option} sets ${key}, which CloudFormation fills in`, `give ${own} instead`);
    }
    setOwn(out, key, stringifyLeaf(value, `${option} ${key}`));
  }
  return out;
}

function stringifyLeaf(value: unknown, at: string): unknown {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new UsageError(`${at} is not a finite number`, 'give a number JSON can carry');
    return String(value);
  }
  if (value === null) {
    throw new UsageError(
      `${at} is null, which CloudFormation does not deliver`,
      'leave the property out or give "" instead',
    );
  }
  if (Array.isArray(value)) return value.map((item, i) => stringifyLeaf(item, `${at}[${i}]`));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      setOwn(out, key, stringifyLeaf(item, `${at}.${key}`));
    return out;
  }
  throw new UsageError(`${at} is not JSON data`, 'give text, numbers, true/false, lists and objects');
}

/**
 * The paths of leaves that are not strings, for the checker: what CloudFormation delivers has only
 * string leaves (same rule as `stringifyProperties`).
 */
export function nonStringLeaves(value: unknown, at: string): string[] {
  if (typeof value === 'string') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonStringLeaves(item, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, item]) => nonStringLeaves(item, `${at}.${key}`));
  return [at];
}
