import { isRecord } from '../../check/problems.js';

const isKafka = (event: unknown, source: string) =>
  isRecord(event) && event.eventSource === source && isRecord(event.records);

/** A batch from Amazon MSK: `eventSource` is `aws:kafka`. */
export const detectKafkaMsk = (event: unknown): boolean => isKafka(event, 'aws:kafka');

/** A batch from a self-managed cluster: `eventSource` is `SelfManagedKafka`. */
export const detectKafkaSelfManaged = (event: unknown): boolean => isKafka(event, 'SelfManagedKafka');
