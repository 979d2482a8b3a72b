import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the endpoint answered: the raw payload bytes as they arrived. */
export interface Invocation {
  functionName: string;
  headers: IncomingHttpHeaders;
  payload: Buffer;
  /** The JSON body the endpoint answered with, as a function's return value. */
  response: string;
}

export interface LambdaInvokeEndpoint {
  /** For `--endpoint-url`. */
  url: string;
  invocations: Invocation[];
  close(): Promise<void>;
}

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;

/**
 * A stand-in for the Lambda Invoke API on 127.0.0.1: `POST /2015-03-31/functions/{name}/invocations`
 * answered the way Lambda answers a synchronous invoke (200, `X-Amz-Executed-Version: $LATEST`, the
 * function's JSON result), recording every payload byte for byte.
 */
export async function startLambdaInvokeEndpoint(): Promise<LambdaInvokeEndpoint> {
  const invocations: Invocation[] = [];
  const server = createServer((request, reply) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const match = INVOKE_PATH.exec(request.url ?? '');
      const headers = { 'Content-Type': 'application/json', 'x-amzn-RequestId': randomUUID() };
      if (request.method !== 'POST' || !match) {
        reply.writeHead(404, { ...headers, 'x-amzn-ErrorType': 'ResourceNotFoundException' });
        reply.end(JSON.stringify({ Type: 'User', message: `no route for ${request.method} ${request.url}` }));
        return;
      }
      const payload = Buffer.concat(chunks);
      const response = JSON.stringify({ receivedBytes: payload.length });
      invocations.push({
        functionName: decodeURIComponent(match[1] as string),
        headers: request.headers,
        payload,
        response,
      });
      reply.writeHead(200, { ...headers, 'X-Amz-Executed-Version': '$LATEST' });
      reply.end(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    invocations,
    close: () =>
      new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
