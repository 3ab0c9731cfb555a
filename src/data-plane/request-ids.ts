// Per-request identifiers without a system call per request: `x-amzn-RequestId` (a UUID),
// `x-amz-apigw-id` (16 base64 characters ending in `=`, as shared/ids.ts documents) and the X-Ray
// trace id, drawn from a random pool refilled 8 KB at a time. One instance per data plane.

import { randomFillSync, randomUUID } from 'node:crypto';

const POOL_SIZE = 8192;

export class RequestIds {
  private readonly pool = Buffer.allocUnsafe(POOL_SIZE);
  private offset = POOL_SIZE;

  /** `$context.requestId` / `x-amzn-RequestId`. */
  requestId(): string {
    return randomUUID();
  }

  /** `$context.extendedRequestId` / `x-amz-apigw-id`: 11 random bytes in base64 (16 characters, the last `=`). */
  extendedRequestId(): string {
    const start = this.take(11);
    return this.pool.toString('base64', start, start + 11);
  }

  /** `Root=1-{epoch seconds, 8 hex}-{24 hex}`: AWS X-Ray's trace id format. */
  traceId(epochMillis: number): string {
    const start = this.take(12);
    return `Root=1-${Math.floor(epochMillis / 1000).toString(16).padStart(8, '0')}-${this.pool.toString('hex', start, start + 12)}`;
  }

  private take(length: number): number {
    if (this.offset + length > POOL_SIZE) {
      randomFillSync(this.pool);
      this.offset = 0;
    }
    const start = this.offset;
    this.offset += length;
    return start;
  }
}
