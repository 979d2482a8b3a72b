import { expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';

test.each([
  [['apigw'], "gen-event: unknown source 'apigw' (did you mean apigw-v1, apigw-v2?)"],
  [['apig'], "gen-event: unknown source 'apig' (did you mean apigw-v1, apigateway, apigw-v2?)"],
  [['function'], "gen-event: unknown source 'function' (did you mean function-url?)"],
  [['sqss'], "gen-event: unknown source 'sqss' (did you mean sqs?)"],
  [
    ['rest', '--route', 'GET /x'],
    'gen-event: unknown option --route for rest (--route is an option of apigw-v2, authorizer, websocket; see gen-event apigw-v2 --help)',
  ],
  [
    ['sqs', '--multi-value'],
    'gen-event: unknown option --multi-value for sqs (--multi-value is an option of alb; see gen-event alb --help)',
  ],
  [
    ['sqs', '--method', 'GET'],
    'gen-event: unknown option --method for sqs (--method is an option of alb, apigw-v1, apigw-v2, function-url, authorizer, cloudfront; see gen-event alb --help)',
  ],
  [['sqs', '--bdy', 'x'], 'gen-event: unknown option --bdy for sqs (did you mean --body?)'],
])('gen-event %j says which source was meant', async (args, stderr) => {
  const result = await runCli(args);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`${stderr}\n`);
  expect(result.status).toBe(2);
});
