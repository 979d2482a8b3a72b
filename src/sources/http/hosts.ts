import type { ImpliedPlacement, RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';

/**
 * The host names and ids of API Gateway and function URLs, which agree with each other in every
 * event: `domainName` is the host, `domainPrefix` its first label, and on the service's own host
 * name that label is the API or URL id (FORMATS §1.3, §3.2, §5).
 */
const EXECUTE_API_HOST = /^([a-z0-9]{10})\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/;
const FUNCTION_URL_HOST = /^([a-z0-9]{32})\.lambda-url\.([a-z0-9-]+)\.on\.aws$/;

/** `^[A-Za-z0-9_-]{15}=$`: REST `extendedRequestId` and HTTP API `requestId`, 11 bytes in base64url (FORMATS §1.3). */
export function gatewayRequestId(rng: Random): string {
  return `${rng.bytes(11).toString('base64url')}=`;
}

export function parseExecuteApiHost(host: string): { apiId: string; region: string } | undefined {
  const match = EXECUTE_API_HOST.exec(host);
  return match ? { apiId: match[1] as string, region: match[2] as string } : undefined;
}

export function parseFunctionUrlHost(host: string): { urlId: string; region: string } | undefined {
  const match = FUNCTION_URL_HOST.exec(host);
  return match ? { urlId: match[1] as string, region: match[2] as string } : undefined;
}

/** The first label of a host name: `domainPrefix`. */
export const firstLabel = (host: string): string => host.split('.', 1)[0] as string;

/** Where an API Gateway API is reached: its id, and the host the client used. */
export interface GatewaySite {
  apiId: string;
  domainName: string;
  domainPrefix: string;
  /** Whether the client used the API's own `execute-api` host rather than a custom domain. */
  ownHost: boolean;
}

/** The region an `execute-api` host names, so ARNs and region fields agree with it. */
export function impliedByGatewayHost(host: string | undefined): ImpliedPlacement {
  const parsed = host === undefined ? undefined : parseExecuteApiHost(host.toLowerCase());
  return parsed ? { region: parsed.region } : {};
}

export function gatewaySite(host: string | undefined, run: RunContext): GatewaySite {
  if (host?.includes(':')) {
    throw new UsageError(`--host ${host} names a port`, 'API Gateway listens on 443 only; drop the port');
  }
  const own = host === undefined ? undefined : parseExecuteApiHost(host);
  const apiId = own?.apiId ?? run.rng.lowerAlnum(10);
  const domainName = host ?? `${apiId}.execute-api.${run.region}.${run.dnsSuffix}`;
  if (own && domainName !== `${apiId}.execute-api.${run.region}.${run.dnsSuffix}`) {
    throw new UsageError(
      `--host ${host} is not in ${run.region}'s partition`,
      `use ${apiId}.execute-api.${run.region}.${run.dnsSuffix}`,
    );
  }
  return {
    apiId,
    domainName,
    domainPrefix: firstLabel(domainName),
    ownHost: host === undefined || own !== undefined,
  };
}
