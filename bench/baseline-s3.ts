import { createHash, randomBytes } from 'node:crypto';
import { randomBetween, randomChars } from './baseline-random.js';

const UPPER_ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * What a person would write by hand for the S3 notification `gen-event s3 --key … --body …` makes,
 * with no library: node:crypto for the ids and the eTag, the key form-encoded, the same fields in the
 * same order (FORMATS-events §1.1). The bench measures gen-event against this.
 */
export function handWrittenS3Event(key: string, body: string): unknown {
  const now = Date.now();
  const encodedKey = encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'us-east-1',
        eventTime: new Date(now).toISOString(),
        eventName: 'ObjectCreated:Put',
        userIdentity: { principalId: `AWS:AIDA${randomChars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 17)}` },
        requestParameters: {
          sourceIPAddress: `${randomBetween(1, 223)}.${randomBetween(0, 255)}.${randomBetween(0, 255)}.${randomBetween(1, 254)}`,
        },
        responseElements: {
          'x-amz-request-id': randomChars(UPPER_ALNUM, 16),
          'x-amz-id-2': randomBytes(57).toString('base64'),
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'OnUpload',
          bucket: {
            name: 'photos',
            ownerIdentity: { principalId: `A${randomChars(UPPER_ALNUM, 13)}` },
            arn: 'arn:aws:s3:::photos',
          },
          object: {
            key: encodedKey,
            size: Buffer.byteLength(body),
            eTag: createHash('md5').update(body).digest('hex'),
            sequencer: `00${Math.floor(now / 1000)
              .toString(16)
              .toUpperCase()}${randomChars('0123456789ABCDEF', 8)}`,
          },
        },
      },
    ],
  };
}
