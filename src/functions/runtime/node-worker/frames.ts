// The wire between the runtime and a Node.js worker process: length-prefixed frames
// `[u32 LE length of type + body][u8 type][body]` on two pipes (runtime → worker on fd 3, worker →
// runtime on fd 4). Shared by both sides, so it imports nothing but Node built-ins.

/**
 * runtime → worker: `[u32 l][r][a][c][t][event payload]`, each of r, a, c, t a `[u32 byte length]
 * [UTF-8]` string (length ABSENT: not given); see InvokeHeader.
 */
export const FRAME_INVOKE = 1;
/** worker → runtime: the handler is loaded; body is `{"initMs": number}`. */
export const FRAME_READY = 2;
/** worker → runtime: loading the handler failed; body is Lambda's error JSON. */
export const FRAME_INIT_ERROR = 3;
/** worker → runtime: function output (console lines, raw stdout/stderr writes), UTF-8. */
export const FRAME_LOG = 4;
/** worker → runtime: `[u8 1 = success, 0 = error][u32 max RSS in KB][u32 handler µs][result or error JSON]`. */
export const FRAME_RESULT = 5;
/** runtime → worker: give back the invocation with this request id (UTF-8) if it has not started. */
export const FRAME_CANCEL = 6;
/** worker → runtime: the invocation with this request id was given back unstarted. */
export const FRAME_CANCELLED = 7;
/** runtime → worker: as FRAME_INVOKE, the payload an API Gateway proxy event packed (proxy-event.ts). */
export const FRAME_INVOKE_PROXY_EVENT = 8;

/** What the runtime tells the worker about one invocation (Lambda's `Lambda-Runtime-*` headers). */
export interface InvokeHeader {
  /** aws request id */
  r: string;
  /** the function's timeout in ms: the deadline is when the worker starts the invocation plus this */
  l: number;
  /** invoked function arn */
  a: string;
  /** client context JSON */
  c?: string;
  /** trace id */
  t?: string;
}

/** The length of a header string that is not given. */
const ABSENT = 0xffffffff;

/** UTF-8 takes at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_UTF8_PER_UNIT = 3;

/** An INVOKE frame's fixed part: frame length, type, timeout, and the four string lengths. */
const INVOKE_FIXED_BYTES = 4 + 1 + 4 + 4 * 4;

const bound = (text: string | undefined): number => (text === undefined ? 0 : text.length * MAX_UTF8_PER_UNIT);

/** Above this many UTF-16 units a string payload is measured exactly: a 6 MB event must not reserve 18 MB. */
const MEASURE_ABOVE_UNITS = 64 * 1024;

/** At most how many bytes writeInvokeFrame writes for this invocation (small strings are not measured). */
export function invokeFrameBound(header: InvokeHeader, payload: Buffer | string): number {
  const payloadBound =
    typeof payload !== 'string' ? payload.length : payload.length > MEASURE_ABOVE_UNITS ? Buffer.byteLength(payload, 'utf8') : payload.length * MAX_UTF8_PER_UNIT;
  return INVOKE_FIXED_BYTES + bound(header.r) + bound(header.a) + bound(header.c) + bound(header.t) + payloadBound;
}

/**
 * hot path: one INVOKE frame written into `target` at `offset` (which must have invokeFrameBound
 * bytes free); returns the offset after it. Strings are encoded once, straight into the target, and
 * the lengths filled in after. Binary fields, not JSON: cheaper to write here and to read in the worker.
 */
export function writeInvokeFrame(target: Buffer, offset: number, header: InvokeHeader, payload: Buffer | string, type = FRAME_INVOKE): number {
  target[offset + 4] = type;
  target.writeUInt32LE(header.l, offset + 5);
  let end = writeString(target, offset + 9, header.r);
  end = writeString(target, end, header.a);
  end = writeString(target, end, header.c);
  end = writeString(target, end, header.t);
  end += typeof payload === 'string' ? target.write(payload, end, 'utf8') : payload.copy(target, end);
  target.writeUInt32LE(end - offset - 4, offset);
  return end;
}

function writeString(target: Buffer, offset: number, text: string | undefined): number {
  if (text === undefined) {
    target.writeUInt32LE(ABSENT, offset);
    return offset + 4;
  }
  const length = target.write(text, offset + 4, 'utf8');
  target.writeUInt32LE(length, offset);
  return offset + 4 + length;
}

/** hot path: splits an INVOKE (or INVOKE_PROXY_EVENT) body into its header and payload. */
export function decodeInvokeBody(body: Buffer): { header: InvokeHeader; payload: Buffer } {
  const reader = { body, offset: 4 };
  const header: InvokeHeader = { l: body.readUInt32LE(0), r: readString(reader) ?? '', a: readString(reader) ?? '' };
  const c = readString(reader);
  if (c !== undefined) header.c = c;
  const t = readString(reader);
  if (t !== undefined) header.t = t;
  return { header, payload: body.subarray(reader.offset) };
}

function readString(reader: { body: Buffer; offset: number }): string | undefined {
  const length = reader.body.readUInt32LE(reader.offset);
  reader.offset += 4;
  if (length === ABSENT) return undefined;
  const text = reader.body.toString('utf8', reader.offset, reader.offset + length);
  reader.offset += length;
  return text;
}

/** The 5-byte prefix of a frame whose body follows separately (written with writev). */
export function framePrefix(type: number, bodyLength: number): Buffer {
  const prefix = Buffer.allocUnsafe(5);
  prefix.writeUInt32LE(1 + bodyLength, 0);
  prefix[4] = type;
  return prefix;
}

/**
 * Reassembles frames from a byte stream. A chunk holding whole frames is sliced without copying;
 * a frame split over chunks is joined once, when its last byte arrives.
 */
export class FrameDecoder {
  private readonly chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly onFrame: (type: number, body: Buffer) => void) {}

  // hot path
  push(chunk: Buffer): void {
    let buffer = chunk;
    if (this.buffered > 0) {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      const needed = this.chunks[0]!.length >= 4 ? this.chunks[0]!.readUInt32LE(0) + 4 : 4;
      if (this.buffered < needed) return;
      buffer = Buffer.concat(this.chunks, this.buffered);
      this.chunks.length = 0;
      this.buffered = 0;
    }
    let offset = 0;
    while (buffer.length - offset >= 4) {
      const end = offset + 4 + buffer.readUInt32LE(offset);
      if (end > buffer.length) break;
      this.onFrame(buffer[offset + 4]!, buffer.subarray(offset + 5, end));
      offset = end;
    }
    if (offset < buffer.length) {
      const rest = buffer.subarray(offset);
      this.chunks.push(rest);
      this.buffered = rest.length;
    }
  }
}
