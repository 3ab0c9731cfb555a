// The single HTTP listener's request handler: API traffic goes to the data plane, everything else
// to the management API (control plane). One port serves both, as LocalStack-style tooling expects.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ManagementRequestHandler } from '../control-plane/wire/handle-management-request.js';
import type { DataPlane } from '../data-plane/data-plane.js';
import type { Logger } from '../observability/logger.js';

/** Management bodies above this are refused (AWS's import limit is 6 MB; allow headroom). */
const MANAGEMENT_BODY_LIMIT = 10 * 1024 * 1024;
/** AWS: CreateFunction/UpdateFunctionCode accept up to 69905067 bytes (a 50 MB zip in base64). */
const LAMBDA_BODY_LIMIT = 69_905_067;

export function createFrontDoor(dataPlane: DataPlane, management: ManagementRequestHandler, logger: Logger) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    // hot path
    const target = dataPlane.matchInvokeUrl(req);
    if (target !== undefined) {
      dataPlane.handle(req, res, target);
      return;
    }
    readManagementBody(req, req.url?.startsWith('/2015-03-31/functions') === true ? LAMBDA_BODY_LIMIT : MANAGEMENT_BODY_LIMIT)
      .then((body) => (body === undefined ? tooLarge(res) : management(req, res, body)))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'management request failed');
        if (!res.headersSent) {
          res.writeHead(500, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'InternalFailure' });
        }
        res.end('{"message":"Internal server error"}');
      });
  };
}

function tooLarge(res: ServerResponse): void {
  res.writeHead(413, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'RequestEntityTooLargeException', Connection: 'close' });
  res.end('{"message":"Request Too Long"}');
}

/** Resolves to the body, or `undefined` when it exceeds the limit. */
function readManagementBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
