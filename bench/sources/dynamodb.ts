import { DDB_NEW_IMAGE, DDB_OLD_IMAGE, handWrittenDynamoDbEvent } from '../baseline-dynamodb.js';
import type { SourceBench } from '../source-bench.js';

export const bench: SourceBench = {
  givenArgs: ['--new-image', '{"pk":"a"}'],
  throughput: {
    what: '10 records, given images',
    options: { newImage: DDB_NEW_IMAGE, oldImage: DDB_OLD_IMAGE, keys: ['pk', 'sk'], records: 10 },
    handWritten: () => handWrittenDynamoDbEvent(DDB_NEW_IMAGE, DDB_OLD_IMAGE, ['pk', 'sk'], 10),
  },
};
