import { parseArn } from '../../core/aws.js';
import type { RunContext } from '../../core/context.js';
import { UsageError } from '../../core/errors.js';
import type { Random } from '../../core/random.js';

/** An MSK cluster as the event names it: its ARN and the brokers Lambda connected to. */
export interface MskCluster {
  name: string;
  /** `<uuid>-<n>`, the last part of the cluster ARN (when given as a name, MSK's id is made up). */
  id: string;
  /** Region and account when the cluster was given as an ARN. */
  arn?: { region: string; accountId: string };
}

// MSK cluster names: 1 to 64 letters, digits and hyphens, starting with a letter (CreateCluster).
const CLUSTER_NAME = /^[A-Za-z][A-Za-z0-9-]{0,63}$/;
const CLUSTER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-\d{1,2}$/;
// Lambda's SelfManagedEventSource endpoint pattern: host names of letters, digits and inner hyphens, and a port.
const BROKER =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])\.)*(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]):\d{1,5}$/;

/** Reads `--cluster <name|arn>`; an ARN (`arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>-<n>`) also places the run. */
export function parseCluster(text: string): Omit<MskCluster, 'id'> & { id?: string } {
  if (!text.startsWith('arn:')) {
    if (!CLUSTER_NAME.test(text)) {
      throw new UsageError(
        `--cluster '${text}' is not an MSK cluster name`,
        'use 1 to 64 letters, digits and hyphens, starting with a letter',
      );
    }
    return { name: text };
  }
  const parsed = parseArn(text);
  const resource = /^cluster\/([^/]+)\/([^/]+)$/.exec(parsed?.resource ?? '');
  if (
    parsed?.service !== 'kafka' ||
    !resource ||
    !CLUSTER_NAME.test(resource[1] as string) ||
    !CLUSTER_ID.test(resource[2] as string)
  ) {
    throw new UsageError(
      `--cluster '${text}' is not an MSK cluster ARN`,
      'use arn:aws:kafka:<region>:<account>:cluster/<name>/<uuid>-<n>',
    );
  }
  return {
    name: resource[1] as string,
    id: resource[2] as string,
    arn: { region: parsed.region, accountId: parsed.accountId },
  };
}

/** The id MSK gives a cluster: a UUID and a small revision number (`…-2`, `…-4`, `…-25` in AWS examples). */
export function clusterId(rng: Random): string {
  return `${rng.uuid()}-${rng.int(1, 25)}`;
}

export function clusterArn(cluster: MskCluster, run: RunContext): string {
  return `arn:${run.partition}:kafka:${run.region}:${run.accountId}:cluster/${cluster.name}/${cluster.id}`;
}

/**
 * MSK broker endpoints, `b-<n>.<cluster>.<6 characters>.c<n>.kafka.<region>.<suffix>:<port>`, in no
 * particular order (the AWS example lists b-2 before b-1). The port is the IAM-authenticated one, 9098,
 * the usual choice for Lambda (9092 plaintext, 9094 TLS, 9096 SASL/SCRAM are the others).
 */
export function mskBrokers(cluster: MskCluster, run: RunContext, rng: Random): string {
  const host = cluster.name.toLowerCase();
  const label = rng.lowerAlnum(6);
  const cell = rng.int(1, 9);
  const count = rng.int(2, 3);
  const numbers = Array.from({ length: count }, (_, i) => i + 1);
  for (let i = numbers.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [numbers[i], numbers[j]] = [numbers[j] as number, numbers[i] as number];
  }
  return numbers
    .map((n) => `b-${n}.${host}.${label}.c${cell}.kafka.${run.region}.${run.dnsSuffix}:9098`)
    .join(',');
}

/** Reads `--bootstrap-servers host:port,...` (1 to 10 brokers, as Lambda's API allows). */
export function parseBootstrapServers(text: string): string {
  const brokers = text.split(',');
  if (brokers.length > 10 || !brokers.every((broker) => BROKER.test(broker))) {
    throw new UsageError(
      `--bootstrap-servers '${text}' is not a list of brokers`,
      'give 1 to 10 host:port pairs separated by commas, e.g. kafka-1.example.com:9092,kafka-2.example.com:9092',
    );
  }
  return text;
}

/** Whether `text` is a comma-separated list of host:port brokers (for the checker). */
export function isBrokerList(text: unknown): boolean {
  return typeof text === 'string' && text.split(',').every((broker) => BROKER.test(broker));
}
