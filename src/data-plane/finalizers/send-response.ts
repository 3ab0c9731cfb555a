// send-response: writes the response to the client with a Content-Length (API Gateway buffers
// responses; it never answers chunked). Skipped when the client is gone. Later finalizers (access
// log, metrics) run after it.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpResponse } from '../invocation-context.js';
import type { Finalizer } from '../pipeline.js';

export const sendResponse: Finalizer = {
  name: 'send-response',
  run(ctx) {
    // hot path
    const response = ctx.response;
    if (response === undefined || ctx.clientGone) return;
    writeResponse(ctx.req, ctx.res, response);
  },
};

/** Writes `response`; closes the connection when the request body was not read to its end. */
export function writeResponse(req: IncomingMessage, res: ServerResponse, response: HttpResponse): void {
  if (res.headersSent || res.destroyed) return;
  const body = response.body;
  const headers = response.headers;
  headers.push('Content-Length', String(typeof body === 'string' ? Buffer.byteLength(body) : body.length));
  if (!req.complete) headers.push('Connection', 'close');
  res.writeHead(response.statusCode, headers);
  res.end(body);
}
