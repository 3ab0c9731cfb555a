// A real HTTP backend for integration tests: records every request it receives and answers with
// whatever the test's handler decides (default: 200 echoing the request as JSON).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path with query string, as received. */
  url: string;
  headers: IncomingMessage['headers'];
  rawHeaders: string[];
  body: Buffer;
}

export type BackendHandler = (request: RecordedRequest, res: ServerResponse) => void;

export interface TestBackend {
  url: string;
  port: number;
  requests: RecordedRequest[];
  handler: BackendHandler;
  close(): Promise<void>;
}

export const echoHandler: BackendHandler = (request, res) => {
  const body = JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body: request.body.toString('utf8') });
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(body);
};

export async function startBackend(handler: BackendHandler = echoHandler): Promise<TestBackend> {
  const backend: TestBackend = {
    url: '',
    port: 0,
    requests: [],
    handler,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) };
      backend.requests.push(recorded);
      backend.handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  backend.port = (server.address() as AddressInfo).port;
  backend.url = `http://127.0.0.1:${backend.port}`;
  return backend;
}
