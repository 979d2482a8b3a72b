import { type EventChecker, isRecord, type ProblemList } from '../../check/problems.js';
import { detectSns } from './detect.js';

const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SIGNATURE = /^[A-Za-z0-9+/]{342}==$|^[A-Za-z0-9+/]{683}=$/; // RSA-2048 or -4096, base64
const CERT_URL =
  /^https:\/\/sns\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/SimpleNotificationService-[0-9a-f]{32}\.pem$/;
const ATTRIBUTE_TYPES = ['String', 'Number', 'Binary', 'String.Array'];
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** SNS → Lambda events (FORMATS-events §2.1). */
export const snsChecker: EventChecker = {
  kind: 'sns',
  source: 'sns',
  detect: detectSns,

  check(event, problems) {
    (event.Records as unknown[]).forEach((record, i) => {
      const at = `Records[${i}]`;
      if (!isRecord(record)) problems.add(at, 'a record is an object');
      else checkRecord(record, at, problems);
    });
  },
};

function checkRecord(record: Record<string, unknown>, at: string, problems: ProblemList): void {
  problems.expectEqual(`${at}.EventSource`, record.EventSource, 'aws:sns', 'EventSource is aws:sns');
  problems.expectEqual(`${at}.EventVersion`, record.EventVersion, '1.0', 'EventVersion is "1.0"');
  const sns = isRecord(record.Sns) ? record.Sns : undefined;
  if (!sns) {
    problems.add(`${at}.Sns`, 'Sns holds the notification');
    return;
  }
  const where = `${at}.Sns`;
  const topicArn = typeof sns.TopicArn === 'string' ? sns.TopicArn : '';
  const topic = TOPIC_ARN.exec(topicArn);
  if (!topic)
    problems.add(
      `${where}.TopicArn`,
      'TopicArn is an SNS topic ARN',
      'arn:aws:sns:<region>:<account>:<topic>',
    );
  // The subscription ARN is the topic ARN and a subscription id (the documented example's bare topic ARN is a placeholder).
  const subscription = String(record.EventSubscriptionArn ?? '');
  if (!subscription.startsWith(`${topicArn}:`) || !UUID.test(subscription.slice(topicArn.length + 1))) {
    problems.add(
      `${at}.EventSubscriptionArn`,
      'EventSubscriptionArn is the topic ARN and a subscription id',
      `${topicArn}:<uuid>`,
    );
  }
  problems.expectEqual(`${where}.Type`, sns.Type, 'Notification', 'Type is Notification');
  problems.expectMatch(`${where}.MessageId`, sns.MessageId, UUID, 'MessageId is UUID-formatted');
  if (typeof sns.Message !== 'string')
    problems.add(`${where}.Message`, 'Message is a string (JSON stays serialised)');
  problems.expectMatch(
    `${where}.Timestamp`,
    sns.Timestamp,
    ISO_MS,
    'Timestamp is ISO-8601 with milliseconds and Z',
  );
  // Lambda events say 1 even for SignatureVersion 2 topics (FORMATS-events §0 rule 8).
  problems.expectEqual(
    `${where}.SignatureVersion`,
    sns.SignatureVersion,
    '1',
    'SignatureVersion is "1" in Lambda events',
  );
  problems.expectMatch(
    `${where}.Signature`,
    sns.Signature,
    SIGNATURE,
    'Signature is a base64 RSA signature (344 characters for 2048 bits)',
  );
  // Lambda spells the URL keys …Url; …URL belongs to the SQS and HTTP envelopes (§0 rule 7).
  for (const wrong of ['SigningCertURL', 'UnsubscribeURL']) {
    if (wrong in sns)
      problems.add(`${where}.${wrong}`, `Lambda events spell it ${wrong.replace('URL', 'Url')}`);
  }
  const cert = CERT_URL.exec(String(sns.SigningCertUrl ?? ''));
  if (!cert)
    problems.add(
      `${where}.SigningCertUrl`,
      'SigningCertUrl is https://sns.<region>.amazonaws.com/SimpleNotificationService-<32 hex>.pem',
    );
  else if (topic)
    problems.expectEqual(
      `${where}.SigningCertUrl`,
      cert[1],
      topic[1],
      'the certificate is served from the topic region',
    );
  if (topic) {
    const host = String(sns.SigningCertUrl ?? '').replace(/\/SimpleNotificationService.*$/, '');
    problems.expectEqual(
      `${where}.UnsubscribeUrl`,
      sns.UnsubscribeUrl,
      `${host}/?Action=Unsubscribe&SubscriptionArn=${subscription}`,
      'UnsubscribeUrl names the subscription ARN',
    );
  }
  // Subject is null, not absent, when none was published (§0 rule 6).
  if (!('Subject' in sns))
    problems.add(`${where}.Subject`, 'Subject is present (null when none was published)');
  else if (sns.Subject !== null && typeof sns.Subject !== 'string')
    problems.add(`${where}.Subject`, 'Subject is a string or null');
  checkAttributes(sns.MessageAttributes, `${where}.MessageAttributes`, problems);
}

function checkAttributes(attributes: unknown, where: string, problems: ProblemList): void {
  if (!isRecord(attributes)) {
    problems.add(where, 'MessageAttributes is an object ({} when there are none)');
    return;
  }
  for (const [name, attribute] of Object.entries(attributes)) {
    const at = `${where}["${name}"]`;
    if (!isRecord(attribute) || typeof attribute.Type !== 'string' || typeof attribute.Value !== 'string') {
      problems.add(at, 'an attribute is {Type, Value}, both strings');
      continue;
    }
    if (!ATTRIBUTE_TYPES.includes(attribute.Type))
      problems.add(`${at}.Type`, 'Type is String, Number, Binary or String.Array');
    if (attribute.Type === 'Binary' && !BASE64.test(attribute.Value))
      problems.add(`${at}.Value`, 'a Binary value is base64');
    if (attribute.Type === 'Number' && !Number.isFinite(Number(attribute.Value)))
      problems.add(`${at}.Value`, 'a Number value is a number');
    if (attribute.Type === 'String.Array') {
      let array = false;
      try {
        array = Array.isArray(JSON.parse(attribute.Value));
      } catch {}
      if (!array) problems.add(`${at}.Value`, 'a String.Array value is a JSON array');
    }
  }
}
