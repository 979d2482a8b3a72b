import { isRecord } from '../../check/problems.js';
import type { ResponseChecker } from '../../check/response-checker.js';
import { checkResponseSize, kindOf, LAMBDA_RESPONSE_BYTES, WHOLE } from '../../check/response-values.js';
import { isBase64 } from '../../core/bytes.js';

const RESULTS = ['Ok', 'Dropped', 'ProcessingFailed'];
const FAILED = 'Firehose counts the record as failed (ProcessingFailed)';

/**
 * A Firehose data-transformation answer (Firehose "Transform source data": "the transformed record
 * must contain the same record ID. Any mismatch … is treated as a data transformation failure"):
 * `{records: [{recordId, result, data, metadata?}]}`, every recordId of the invocation exactly once,
 * `data` base64 (required for `Ok`), `metadata.partitionKeys` string values for dynamic partitioning.
 */
export const firehoseResponseChecker: ResponseChecker = {
  source: 'firehose',
  event: 'optional',
  eventMismatch: (event) =>
    typeof event.invocationId === 'string' && Array.isArray(event.records)
      ? undefined
      : 'is not a Firehose transformation invocation (no invocationId and records)',
  check(response, event, problems) {
    if (!isRecord(response) || !Array.isArray(response.records)) {
      problems.add(
        isRecord(response) ? 'records' : WHOLE,
        `${isRecord(response) ? 'records is' : 'the response is'} ${kindOf(isRecord(response) ? response.records : response)}, not {"records": [...]}: Firehose fails the whole invocation`,
        '{"records": [{"recordId", "result", "data"}]}',
      );
      return;
    }
    const seen = new Map<string, number>();
    response.records.forEach((record, index) => {
      const path = `records[${index}]`;
      if (!isRecord(record)) {
        problems.add(
          path,
          `a record is ${kindOf(record)}, not an object: ${FAILED}`,
          '{"recordId", "result", "data"}',
        );
        return;
      }
      if (typeof record.recordId !== 'string') {
        problems.add(
          `${path}.recordId`,
          `recordId is ${kindOf(record.recordId)}, not the event record's id: ${FAILED}`,
          'a recordId of the event',
        );
      } else if (seen.has(record.recordId)) {
        problems.add(
          `${path}.recordId`,
          `recordId ${record.recordId} is answered twice (first at records[${seen.get(record.recordId)}])`,
          'each recordId once',
        );
      } else {
        seen.set(record.recordId, index);
      }
      if (typeof record.result !== 'string' || !RESULTS.includes(record.result)) {
        problems.add(
          `${path}.result`,
          `result ${record.result === undefined ? 'is missing' : `${JSON.stringify(record.result)} is not one of Ok, Dropped, ProcessingFailed`}: ${FAILED}`,
          RESULTS.join(' | '),
        );
      }
      if (record.data === undefined) {
        if (record.result === 'Ok')
          problems.add(
            `${path}.data`,
            `data is missing from an Ok record: ${FAILED}`,
            'the transformed data, base64',
          );
      } else if (!isBase64(record.data)) {
        problems.add(`${path}.data`, `data is not base64: ${FAILED}`, 'canonical padded base64');
      }
      const metadata = record.metadata;
      if (metadata !== undefined) {
        const keys = isRecord(metadata) ? metadata.partitionKeys : undefined;
        if (!isRecord(keys)) {
          problems.add(
            `${path}.metadata`,
            'metadata holds partitionKeys, an object of partition key names to strings',
            '{"partitionKeys": {"name": "value"}}',
          );
        } else {
          for (const [name, value] of Object.entries(keys)) {
            if (typeof value !== 'string')
              problems.add(
                `${path}.metadata.partitionKeys.${name}`,
                `a partition key is ${kindOf(value)}, not a string: ${FAILED}`,
                'a string',
              );
          }
        }
      }
    });
    if (event === undefined) {
      problems.note('without --event the recordIds are not compared with the invocation');
    } else if (Array.isArray(event.records)) {
      const ids = event.records.map((record) => (isRecord(record) ? String(record.recordId) : ''));
      const expected = new Set(ids);
      for (const [id, index] of seen) {
        if (!expected.has(id))
          problems.add(
            `records[${index}].recordId`,
            `recordId ${id} is not in the invocation: ${FAILED}`,
            'a recordId of the event',
          );
      }
      for (const id of ids) {
        if (!seen.has(id))
          problems.add(
            'records',
            `recordId ${id} of the invocation is not answered: ${FAILED}`,
            'every recordId of the event once',
          );
      }
    }
    checkResponseSize(
      response,
      LAMBDA_RESPONSE_BYTES,
      "Lambda's 6 MB response limit (Firehose fails the invocation)",
      problems,
    );
  },
};
