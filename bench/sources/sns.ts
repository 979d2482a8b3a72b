import { randomBytes, randomUUID } from 'node:crypto';
import { handWrittenPayload } from '../baseline-payload.js';
import type { SourceBench } from '../source-bench.js';

/** An SNS notification as a test would write it (FORMATS-events §2): the message is a business event. */
function handWrittenSnsEvent(): unknown {
  const topicArn = 'arn:aws:sns:us-east-1:123456789012:order-events-production';
  const subscriptionArn = `${topicArn}:${randomUUID()}`;
  const now = Date.now();
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: '1',
          Timestamp: new Date(now).toISOString(),
          Signature: randomBytes(256).toString('base64'),
          SigningCertUrl: `https://sns.us-east-1.amazonaws.com/SimpleNotificationService-${randomBytes(16).toString('hex')}.pem`,
          MessageId: randomUUID(),
          Message: JSON.stringify(handWrittenPayload(now)),
          MessageAttributes: {},
          Type: 'Notification',
          UnsubscribeUrl: `https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
          TopicArn: topicArn,
          Subject: null,
        },
      },
    ],
  };
}

export const bench: SourceBench = {
  throughput: { what: 'realistic values', options: {}, handWritten: handWrittenSnsEvent },
};
