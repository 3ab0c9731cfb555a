// parse-request: reads the method request body, refusing more than the 10 MB payload limit
// without buffering past it. Requests without a body finish synchronously (hot path).
// Reference §1.3 (413), §1.6 (limits).

import type { IncomingMessage } from 'node:http';
import { ClientGoneError, RequestTooLargeError } from '../gateway-errors.js';
import type { InvocationContext } from '../invocation-context.js';
import { PAYLOAD_LIMIT } from '../limits.js';
import type { PipelineStage } from '../pipeline.js';

export const parseRequest: PipelineStage<InvocationContext> = {
  name: 'parse-request',
  run(ctx) {
    // hot path
    const declared = ctx.contentLength;
    if (!ctx.chunked) {
      if (declared === undefined || declared === '0') return 'next';
      if (Number(declared) > PAYLOAD_LIMIT) throw new RequestTooLargeError();
    }
    return readBody(ctx.req).then((body) => {
      ctx.body = body;
      return 'next';
    });
  },
};

/** Resolves with the whole body; rejects with RequestTooLargeError past the limit, ClientGoneError on abort. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > PAYLOAD_LIMIT) {
        cleanup();
        req.pause();
        reject(new RequestTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (): void => {
      cleanup();
      reject(new ClientGoneError());
    };
    const onClose = (): void => {
      if (req.complete) return;
      cleanup();
      reject(new ClientGoneError());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
