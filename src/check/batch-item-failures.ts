import { isRecord, type ProblemList } from './problems.js';
import { kindOf, WHOLE } from './response-values.js';

/**
 * A partial batch response, `{batchItemFailures: [{itemIdentifier}]}`, as the event source mappings
 * of SQS, Kinesis, DynamoDB Streams and Kafka read it when `ReportBatchItemFailures` is on (LDG
 * "partial batch response" pages). Success: nothing returned (null), `{}`, or a null or empty list.
 * Complete failure: a response Lambda cannot read, a null or empty itemIdentifier, an entry whose
 * key is misspelt ("bad key name").
 */
export interface BatchIdentity {
  /** What the event calls the identifier: `messageId`, `sequenceNumber`. */
  name: string;
  /** Why a given (not null) itemIdentifier is malformed, or undefined when it is well formed. */
  malformed(identifier: unknown): string | undefined;
  /** The key that names a record, for comparing with the batch. */
  key(identifier: unknown): string;
}

export const FAILS = 'Lambda treats the whole batch as failed and retries it';

/** The strings-only identifier of SQS, Kinesis and DynamoDB Streams. */
export function stringIdentity(name: string): BatchIdentity {
  return {
    name,
    malformed: (identifier) =>
      typeof identifier !== 'string'
        ? `itemIdentifier is ${kindOf(identifier)}, not the record's ${name} string: ${FAILS}`
        : identifier === ''
          ? `itemIdentifier is empty: ${FAILS}`
          : undefined,
    key: (identifier) => identifier as string,
  };
}

/**
 * Checks the response's shape and, when `batch` (the keys of the event's records, in order) is
 * known, that every identifier names one of them. Returns the keys reported, in order.
 */
export function checkBatchItemFailures(
  response: unknown,
  identity: BatchIdentity,
  batch: readonly string[] | undefined,
  problems: ProblemList,
): string[] {
  if (batch === undefined)
    problems.note(`without --event the itemIdentifiers are not compared with the batch's ${identity.name}s`);
  if (response === null || response === undefined) return [];
  if (!isRecord(response)) {
    problems.add(
      WHOLE,
      `the response is ${kindOf(response)}, not an object: ${FAILS}`,
      '{"batchItemFailures": [{"itemIdentifier": "…"}]}',
    );
    return [];
  }
  // Other keys are ignored by Lambda: a note, since a misspelt batchItemFailures reports no failure.
  for (const key of Object.keys(response)) {
    if (key !== 'batchItemFailures') problems.note(`Lambda reads only batchItemFailures; ${key} is ignored`);
  }
  const failures = response.batchItemFailures;
  if (failures === undefined || failures === null) return [];
  if (!Array.isArray(failures)) {
    problems.add(
      'batchItemFailures',
      `batchItemFailures is ${kindOf(failures)}, not an array: ${FAILS}`,
      '[{"itemIdentifier": "…"}]',
    );
    return [];
  }
  const known = batch === undefined ? undefined : new Set(batch);
  const reported: string[] = [];
  failures.forEach((failure, index) => {
    const path = `batchItemFailures[${index}]`;
    if (!isRecord(failure)) {
      problems.add(
        path,
        `an entry is ${kindOf(failure)}, not {"itemIdentifier": …}: ${FAILS}`,
        '{"itemIdentifier": "…"}',
      );
      return;
    }
    for (const key of Object.keys(failure)) {
      if (key !== 'itemIdentifier')
        problems.add(
          `${path}.${key}`,
          `an entry has only itemIdentifier; a misspelt key fails it: ${FAILS}`,
          'itemIdentifier',
        );
    }
    const identifier = failure.itemIdentifier;
    const message =
      identifier === undefined || identifier === null
        ? `itemIdentifier is ${kindOf(identifier)}: ${FAILS}`
        : identity.malformed(identifier);
    if (message !== undefined) {
      problems.add(`${path}.itemIdentifier`, message, `a ${identity.name} of the batch`);
      return;
    }
    const key = identity.key(failure.itemIdentifier);
    if (known !== undefined && !known.has(key)) {
      problems.add(
        `${path}.itemIdentifier`,
        `${key} names no record of the batch: ${FAILS}`,
        `one of the batch's ${identity.name}s`,
      );
      return;
    }
    reported.push(key);
  });
  return reported;
}

/** The event's records, or undefined when `Records` is not an array. */
export function recordsOf(event: Record<string, unknown> | undefined): Record<string, unknown>[] | undefined {
  if (event === undefined || !Array.isArray(event.Records)) return undefined;
  return event.Records.filter(isRecord);
}
