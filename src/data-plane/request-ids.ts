// Per-request identifiers without a system call per request: `x-amzn-RequestId` (a UUID v4),
// `x-amz-apigw-id` (16 base64 characters ending in `=`, as shared/ids.ts documents) and the X-Ray
// trace id, drawn from a random pool refilled 8 KB at a time. One instance per data plane.

import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 8192;
/** The base64 alphabet as character codes. */
const BASE64 = Uint8Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', (c) => c.charCodeAt(0));
const EQUALS = 61;
/** Lower-case hex digits as character codes. */
const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;

export class RequestIds {
  private readonly pool = Buffer.allocUnsafe(POOL_SIZE);
  private offset = POOL_SIZE;

  /**
   * `$context.requestId` / `x-amzn-RequestId`: a random (version 4) UUID, as crypto.randomUUID()
   * makes them. hot path: one String.fromCharCode gives a flat string, where randomUUID's
   * concatenation leaves a rope to flatten when the id is written.
   */
  requestId(): string {
    const pool = this.pool;
    const i = this.take(16);
    const b6 = (pool[i + 6]! & 0x0f) | 0x40;
    const b8 = (pool[i + 8]! & 0x3f) | 0x80;
    return String.fromCharCode(
      HEX[pool[i]! >> 4]!, HEX[pool[i]! & 15]!, HEX[pool[i + 1]! >> 4]!, HEX[pool[i + 1]! & 15]!,
      HEX[pool[i + 2]! >> 4]!, HEX[pool[i + 2]! & 15]!, HEX[pool[i + 3]! >> 4]!, HEX[pool[i + 3]! & 15]!,
      DASH,
      HEX[pool[i + 4]! >> 4]!, HEX[pool[i + 4]! & 15]!, HEX[pool[i + 5]! >> 4]!, HEX[pool[i + 5]! & 15]!,
      DASH,
      HEX[b6 >> 4]!, HEX[b6 & 15]!, HEX[pool[i + 7]! >> 4]!, HEX[pool[i + 7]! & 15]!,
      DASH,
      HEX[b8 >> 4]!, HEX[b8 & 15]!, HEX[pool[i + 9]! >> 4]!, HEX[pool[i + 9]! & 15]!,
      DASH,
      HEX[pool[i + 10]! >> 4]!, HEX[pool[i + 10]! & 15]!, HEX[pool[i + 11]! >> 4]!, HEX[pool[i + 11]! & 15]!,
      HEX[pool[i + 12]! >> 4]!, HEX[pool[i + 12]! & 15]!, HEX[pool[i + 13]! >> 4]!, HEX[pool[i + 13]! & 15]!,
      HEX[pool[i + 14]! >> 4]!, HEX[pool[i + 14]! & 15]!, HEX[pool[i + 15]! >> 4]!, HEX[pool[i + 15]! & 15]!,
    );
  }

  /**
   * `$context.extendedRequestId` / `x-amz-apigw-id`: 11 random bytes in base64 (16 characters, the
   * last `=`). hot path: encoded here, one String.fromCharCode, instead of a call into Buffer's C++ encoder.
   */
  extendedRequestId(): string {
    const pool = this.pool;
    const i = this.take(11);
    const b0 = pool[i]!, b1 = pool[i + 1]!, b2 = pool[i + 2]!, b3 = pool[i + 3]!, b4 = pool[i + 4]!, b5 = pool[i + 5]!;
    const b6 = pool[i + 6]!, b7 = pool[i + 7]!, b8 = pool[i + 8]!, b9 = pool[i + 9]!, b10 = pool[i + 10]!;
    return String.fromCharCode(
      BASE64[b0 >> 2]!,
      BASE64[((b0 & 3) << 4) | (b1 >> 4)]!,
      BASE64[((b1 & 15) << 2) | (b2 >> 6)]!,
      BASE64[b2 & 63]!,
      BASE64[b3 >> 2]!,
      BASE64[((b3 & 3) << 4) | (b4 >> 4)]!,
      BASE64[((b4 & 15) << 2) | (b5 >> 6)]!,
      BASE64[b5 & 63]!,
      BASE64[b6 >> 2]!,
      BASE64[((b6 & 3) << 4) | (b7 >> 4)]!,
      BASE64[((b7 & 15) << 2) | (b8 >> 6)]!,
      BASE64[b8 & 63]!,
      BASE64[b9 >> 2]!,
      BASE64[((b9 & 3) << 4) | (b10 >> 4)]!,
      BASE64[(b10 & 15) << 2]!,
      EQUALS,
    );
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
