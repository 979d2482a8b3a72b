import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { spawnCli } from '../helpers/cli.js';

/**
 * Past the hundredth fill of an object, templates switch from the loop to written functions
 * (src/core/template.ts): these runs cross that switch in every source with an object template,
 * recorded with the build before it existed (80130ac).
 */
const PAST_THE_SWITCH: readonly (readonly [string, string])[] = [
  [
    'apigw-v2 --seed 9 --count 150 --ndjson',
    'a7777007a016d4f4ccb55e10e15add0467565dc31c99201367be1842c8812f31',
  ],
  [
    'sqs --seed 9 --records 10 --count 20 --ndjson',
    'c4c0251bb2926fc268af6a6c493ead89c1524deee011eecb01f0e7540be1615c',
  ],
  [
    'kinesis --seed 9 --count 120 --ndjson',
    'b89edf362248e0c4c2239d8be2fe5d678868d2f7e3418e00c5556f4d13ddae92',
  ],
  [
    'alb --seed 9 --count 120 --ndjson --multi-value',
    '44d8f8744be92ebb92071e673c36438fa8728e7fa59ebc2407d7f99dc0509310',
  ],
  [
    'apigw-v1 --seed 9 --count 110 --ndjson',
    '4483ff756f999d2b928df95b47b1616c361d4c5746e94e8f62511d29f0e53724',
  ],
  [
    'function-url --seed 9 --count 110 --ndjson',
    '23ca6f8f7233e4342ea6996352df6b9c05f94134ddc3fff203fba642c7709788',
  ],
  [
    'appsync --seed 9 --count 110 --ndjson',
    'caf583549eabdfc1fc859e9a2df914ca7c49fa5de28d679b31a32e31fc3be789',
  ],
  [
    'authorizer --seed 9 --count 110 --ndjson',
    '1f58eb8e99972e99ef71a2af18c97d75615afb1a5a5729df7ad061ae796a3034',
  ],
  [
    'authorizer --seed 10 --type request --count 110 --ndjson',
    '7a8e2c609ecdad2c5a2f36239acdcb0ef931688d222c935a78f341ddf62da55d',
  ],
  [
    'cloudwatch-logs --seed 9 --count 110 --ndjson',
    'c932d4e9965d0208c8454b0983f3a836a6316c49ed03845ae41818b64009905b',
  ],
  [
    'dynamodb --seed 9 --records 10 --count 11 --ndjson',
    '06bbdb1f474447423272ff35f8fee0996033290cb3d62e66a566593c1b8a6ce7',
  ],
  ['kafka --seed 9 --count 110 --ndjson', '6c58bb47a926ae20633517a271335f381bb75d28e60f02d6fdf16002abee4abe'],
  ['s3 --seed 9 --count 110 --ndjson', '7e3cb044f932c74081a8a1c280e84d8b7b3f317a392699718617339a99f959cc'],
  [
    'websocket --seed 9 --count 110 --ndjson',
    '9f9de770ea9ad05123e3eda3992a30ff0ddb39a2af113a365d0e89f99ebc40fe',
  ],
];

/**
 * SHA-256 of the real CLI's output for fixed seeds, recorded when the derivation of per-event randomness last
 * changed on purpose (realistic messages drawn from gen-event's own word lists instead of a seeded faker):
 * an optimisation may change how an event is made, never a byte of it. Realistic bodies, FIFO sequence
 * numbers, attributes, trace headers, HTTP requests with authorizers and NDJSON runs are all covered. Each entry is a command line (words split at single spaces) and the SHA-256 of
 * what it prints.
 */
const PINNED: readonly (readonly [string, string])[] = [
  ['sqs --seed 42', '4af6767186cb7ed0584b9fb8cdb688ebcaf20171db2c95e3f25296ebf9470cb1'],
  ['sqs --seed 1 --records 20 --trace', '750fbafaf53496def46a139727486b8d71aedcf8cbbc48e1d4e90e4cebb0731d'],
  ['sqs --seed 2 --records 10 --fifo', '4dc3f2c0387dc2f75412ea69d21355fe41505a49df40e4991623fa6a5d6f7d82'],
  [
    'sqs --seed 3 --body a --body b --body c --records 7 --fifo --trace',
    'ba81fb1a04274c95d3ff3ac261fc903dfde3f6debd9467b008133af3b0419bf3',
  ],
  [
    'sqs --seed 4 --body x --attribute a=1 --attribute b:Number=2 --attribute c:Binary=3q2+7w== --records 3',
    'd62a1ddaca65036f7cb25b3a6e9f33649d7464323ff9793285f8aa063a48ba41',
  ],
  [
    'sqs --seed 5 --queue orders.fifo --body a --body b --group-id g --receive-count 3',
    '9402118a910b2cb7e75ed57c236125ba3fd6f396fd2d4bcd545677342fffca96',
  ],
  ['sqs --seed 6 --count 40 --ndjson', '1155a843b85d9257363982990298dbd005b1e6e78cce456094fc99ddc7973803'],
  [
    'sqs --seed 7 --count 30 --ndjson --body {"a":1} --records 3',
    '4be6c23c19cedb2cca7f0636b2113bb2b1655e8b5e5dc275909c67457f645151',
  ],
  ['sns --seed 8 --count 20 --ndjson', '60f27f15ff143175d74a2e38556e2902593547107842e33d497d353dc8338bbb'],
  ['direct --seed 3', '468d39917582ad24183dd2de7fedd15b5f25d54f6c64712a69027b686c9637d9'],
  ['direct --seed 4 --count 40 --ndjson', 'f493da19017973fbebc024d62748f09a40385affdcc150c0843dcf47d073a0e2'],
  [
    'apigw-v1 --seed 1 --count 40 --ndjson',
    '701bb974f6ff8c2e4cdfa69b2bd2a2a93078c9b4c6203fbdcd8747bb27dddab4',
  ],
  [
    'apigw-v2 --seed 2 --count 40 --ndjson',
    'a9957daa5f3c96aa0a8eec822ec4b9ecfcf153415c142eb3ceadb73d7506a84a',
  ],
  [
    'apigw-v2 --seed 3 --json {"a":1} --authorizer jwt --query tag=a --query tag=b',
    '5629d5170b308eb55e2aa6c8965b1187876626ad5cdb1a993fb67f2ffd24a1b3',
  ],
  [
    'function-url --seed 4 --auth iam --cookie a=b --count 20 --ndjson',
    '8d4fc9159d23b830701b500e7297ad358e63b2c1f70c219f66a608b62bee9fe7',
  ],
  ['alb --seed 5 --count 40 --ndjson', 'd612b57471a6bc7be53be5438b7a6c53116409f3631f0c059ee96208005ef385'],
  [
    'apigw-v1 --seed 6 --authorizer cognito --query a=1 --query a=2',
    '94ec90401bba9c83ea7a140c119c514117c081d4d0999128c8ae0f63a6c28501',
  ],
  // gzip output included: zlib level 6, mtime 0 and OS byte 0x13 make it the same on every machine.
  ['cloudwatch-logs --seed 1', '181475e15febbc8b5958c8a76f9d512ae83dd33ca4d8cc56d6ebcd53760e24d2'],
  ['logs --seed 2 --count 40 --ndjson', 'f0a44781f829d6e82b395e5f2087e90efe45b7edd58df5fd63d10ab24d9ffb06'],
  [
    'kafka --seed 1 --records 5 --header a=b',
    'f6632e69f665b12e13694feb6eb9d979d45ead3336a1aef4bc96347600213d0e',
  ],
  [
    'kafka --seed 2 --self-managed --count 40 --ndjson',
    '29bc5c354b6dc677c782edd67cebb119133d70638fd71db83f81ae78231361aa',
  ],
  ['firehose --seed 1 --records 4', '270712b27b199c6f60e1329d652e8b2e604b9be58ef7bcb94dba5d660be5740b'],
  [
    'firehose --seed 2 --source-stream s --count 40 --ndjson',
    'b19f4825f43306303da657343f6b2b2f5e35e96e63b902e76283744194c6dedf',
  ],
  [
    'dynamodb --seed 1 --records 5 --event-name MODIFY',
    '362544f5b5d1257b709848e1b270066ec2878d911f38af2534b7d3eaae769252',
  ],
  [
    'dynamodb --seed 2 --count 30 --ndjson --ttl',
    'b51431feb1af4a5d0a6a8c9d5f76bc252b8fc33e92e6ccbdc173ca0688442c61',
  ],
  [
    'dynamodb --seed 3 --new-image {"pk":"a","n":1.5,"t":["x","y"]} --set-type t=SS',
    'b64e0985b070762ef19952e60051d3ea6937f2bb63cdb70fe26d0a6792c5eec4',
  ],
  ...PAST_THE_SWITCH,
  ['kinesis --seed 1 --records 5', 'ecb8e63df0c785d85ba0190e7699d983b9ae0d4c5be0c67687aa3e1f0c9a7698'],
  [
    'kinesis --seed 2 --count 30 --ndjson --encrypted',
    '3a8b1d429a0a1baea1193f67f524a5be2dcb7c7039c23f884485891603e64ce2',
  ],
  [
    'kinesis --seed 3 --data a --data b --records 3 --shard 5',
    'cf0f4d43c5ad9bad3fd7f12053d7a167bbbbe6e523720b36be6c0bd308eb1346',
  ],
];

describe('a seed gives the same bytes it was recorded with', () => {
  it.each(PINNED)('%s', (command, digest) => {
    const result = spawnCli(command.split(' '));
    expect(result.status).toBe(0);
    expect(createHash('sha256').update(result.stdout).digest('hex')).toBe(digest);
  });
});

// Where Node refuses to compile code from strings, the loop fills every object past the switch too:
// the runs that cross it must give the same bytes.
describe('the same bytes where code generation from strings is turned off', () => {
  it.each(PAST_THE_SWITCH)('%s', (command, digest) => {
    const result = spawnCli(command.split(' '), { nodeFlags: ['--disallow-code-generation-from-strings'] });
    expect(result.status).toBe(0);
    expect(createHash('sha256').update(result.stdout).digest('hex')).toBe(digest);
  });
});
