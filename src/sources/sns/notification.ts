import type { RunContext } from '../../core/context.js';
import type { Random } from '../../core/random.js';
import type { SnsMessageAttribute } from './attributes.js';

/** One published message as SNS delivers it to each subscriber. */
export interface SnsNotification {
  messageId: string;
  topicArn: string;
  subscriptionArn: string;
  /** Absent when none was published. */
  subject?: string;
  message: string;
  timestamp: string;
  /** The topic's setting: `1` (SHA1) or `2` (SHA256). */
  signatureVersion: '1' | '2';
  signature: string;
  signingCertUrl: string;
  unsubscribeUrl: string;
  attributes: Readonly<Record<string, SnsMessageAttribute>>;
}

/** What is fixed per subscription: the topic, the subscription and the signing certificate. */
export interface SnsSubscription {
  topicArn: string;
  subscriptionArn: string;
  signingCertUrl: string;
  unsubscribeUrl: string;
  signatureVersion: '1' | '2';
}

export function snsSubscription(
  run: RunContext,
  topicArn: string,
  signatureVersion: '1' | '2',
): SnsSubscription {
  const subscriptionArn = `${topicArn}:${run.rng.uuid()}`;
  const host = `https://sns.${run.region}.${run.dnsSuffix}`;
  return {
    topicArn,
    subscriptionArn,
    // FORMATS-events §2.1: the certificate file is named by 32 hex digits.
    signingCertUrl: `${host}/SimpleNotificationService-${run.rng.hex(32)}.pem`,
    unsubscribeUrl: `${host}/?Action=Unsubscribe&SubscriptionArn=${subscriptionArn}`,
    signatureVersion,
  };
}

/** SNS message ids are UUID-formatted with version nibble 5 (FORMATS-events §2.1). */
export function snsMessageId(rng: Random): string {
  const bytes = rng.bytes(16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An RSA-2048 signature's shape: 256 bytes, 344 characters of base64 (FORMATS-events §2.1). */
export function snsSignature(rng: Random): string {
  return rng.bytes(256).toString('base64');
}

/**
 * The `Sns` object of a Lambda record (FORMATS-events §2.1, key order of the documented example):
 * `Subject` is `null` when none was published, `MessageAttributes` `{}` when none, the URL keys spelt
 * `…Url`, and `SignatureVersion` always `"1"` whatever the topic's setting (§0 rule 8).
 */
export function lambdaSns(n: SnsNotification): Record<string, unknown> {
  return {
    SignatureVersion: '1',
    Timestamp: n.timestamp,
    Signature: n.signature,
    SigningCertUrl: n.signingCertUrl,
    MessageId: n.messageId,
    Message: n.message,
    MessageAttributes: copyAttributes(n.attributes),
    Type: 'Notification',
    UnsubscribeUrl: n.unsubscribeUrl,
    TopicArn: n.topicArn,
    Subject: n.subject ?? null,
  };
}

/** A record of the event SNS invokes Lambda with, in the documented example's key order. */
export function lambdaRecord(n: SnsNotification): Record<string, unknown> {
  return {
    EventVersion: '1.0',
    EventSubscriptionArn: n.subscriptionArn,
    EventSource: 'aws:sns',
    Sns: lambdaSns(n),
  };
}

/**
 * The body SNS puts in an SQS message when raw delivery is off (FORMATS-events §2.2): pretty-printed
 * with `" : "` and 2-space indents, no final newline, `Subject` only when published, the URL keys
 * spelt `…URL`, `MessageAttributes` last and only when there are some (each attribute on one line).
 */
export function sqsEnvelopeBody(n: SnsNotification): string {
  const fields: [string, string][] = [
    ['Type', 'Notification'],
    ['MessageId', n.messageId],
    ['TopicArn', n.topicArn],
  ];
  if (n.subject !== undefined) fields.push(['Subject', n.subject]);
  fields.push(
    ['Message', n.message],
    ['Timestamp', n.timestamp],
    ['SignatureVersion', n.signatureVersion],
    ['Signature', n.signature],
    ['SigningCertURL', n.signingCertUrl],
    ['UnsubscribeURL', n.unsubscribeUrl],
  );
  const lines = fields.map(([key, value]) => `  ${JSON.stringify(key)} : ${JSON.stringify(value)}`);
  const names = Object.keys(n.attributes);
  if (names.length > 0) {
    const entries = names.map(
      (name) => `    ${JSON.stringify(name)} : ${JSON.stringify(n.attributes[name])}`,
    );
    lines.push(`  "MessageAttributes" : {\n${entries.join(',\n')}\n  }`);
  }
  return `{\n${lines.join(',\n')}\n}`;
}

function copyAttributes(
  attributes: Readonly<Record<string, SnsMessageAttribute>>,
): Record<string, SnsMessageAttribute> {
  const out: Record<string, SnsMessageAttribute> = {};
  for (const name of Object.keys(attributes)) out[name] = { ...(attributes[name] as SnsMessageAttribute) };
  return out;
}
