import { beforeAll, describe } from 'vitest';
import { snsEvent } from '../../src/index.js';
import { type Editable, REMOVED, testBrokenRules } from './helpers.js';

const bases: Record<string, Editable> = {};

beforeAll(async () => {
  bases.plain = await snsEvent({ messages: ['hello'], seed: 1 });
  bases.attributes = await snsEvent({
    subject: 'Hi',
    attributes: { b: { type: 'Binary', value: 'AgME' }, l: { type: 'String.Array', value: '["a"]' } },
    seed: 1,
  });
});

const at = 'Records[0].Sns';
describe('sns checker rules', () => {
  testBrokenRules('sns', bases, [
    [
      'Subject is null, not absent',
      'plain',
      { [`${at}.Subject`]: REMOVED },
      `${at}.Subject`,
      /null when none/,
    ],
    [
      'SignatureVersion is 1 in Lambda events',
      'plain',
      { [`${at}.SignatureVersion`]: '2' },
      `${at}.SignatureVersion`,
      /"1"/,
    ],
    [
      'Lambda spells SigningCertUrl',
      'plain',
      (e) => {
        e.Records[0].Sns.SigningCertURL = e.Records[0].Sns.SigningCertUrl;
      },
      `${at}.SigningCertURL`,
      /SigningCertUrl/,
    ],
    [
      'SigningCertUrl shape',
      'plain',
      { [`${at}.SigningCertUrl`]: 'https://sns.us-east-1.amazonaws.com/SimpleNotification' },
      `${at}.SigningCertUrl`,
      /32 hex/,
    ],
    [
      'the certificate region is the topic region',
      'plain',
      (e) => {
        e.Records[0].Sns.SigningCertUrl = e.Records[0].Sns.SigningCertUrl.replace('us-east-1', 'eu-west-1');
      },
      `${at}.SigningCertUrl`,
      /topic region/,
    ],
    [
      'UnsubscribeUrl names the subscription',
      'plain',
      { [`${at}.UnsubscribeUrl`]: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe' },
      `${at}.UnsubscribeUrl`,
      /subscription ARN/,
    ],
    [
      'Signature is base64 of an RSA signature',
      'plain',
      { [`${at}.Signature`]: 'EXAMPLE' },
      `${at}.Signature`,
      /RSA signature/,
    ],
    [
      'EventSubscriptionArn is not the bare topic ARN',
      'plain',
      (e) => {
        e.Records[0].EventSubscriptionArn = e.Records[0].Sns.TopicArn;
      },
      'Records[0].EventSubscriptionArn',
      /subscription id/,
    ],
    ['Message is a string', 'plain', { [`${at}.Message`]: { a: 1 } }, `${at}.Message`, /string/],
    [
      'Timestamp has milliseconds',
      'plain',
      { [`${at}.Timestamp`]: '2019-01-02T12:45:07Z' },
      `${at}.Timestamp`,
      /milliseconds/,
    ],
    [
      'Type is Notification',
      'plain',
      { [`${at}.Type`]: 'SubscriptionConfirmation' },
      `${at}.Type`,
      /Notification/,
    ],
    ['TopicArn is an SNS ARN', 'plain', { [`${at}.TopicArn`]: 'topic' }, `${at}.TopicArn`, /topic ARN/],
    [
      'MessageAttributes is {} not absent',
      'plain',
      { [`${at}.MessageAttributes`]: REMOVED },
      `${at}.MessageAttributes`,
      /\{\} when/,
    ],
    [
      'a Binary value is base64',
      'attributes',
      { [`${at}.MessageAttributes.b.Value`]: 'TestBinary!' },
      `${at}.MessageAttributes["b"].Value`,
      /base64/,
    ],
    [
      'a String.Array value is a JSON array',
      'attributes',
      { [`${at}.MessageAttributes.l.Value`]: 'a,b' },
      `${at}.MessageAttributes["l"].Value`,
      /JSON array/,
    ],
    [
      'attribute types',
      'attributes',
      { [`${at}.MessageAttributes.b.Type`]: 'Blob' },
      `${at}.MessageAttributes["b"].Type`,
      /String, Number/,
    ],
  ]);
});
