// The wire between the runtime and a Node.js worker process: length-prefixed frames
// `[u32 LE length of type + body][u8 type][body]` on two pipes (runtime → worker on fd 3, worker →
// runtime on fd 4). Shared by both sides, so it imports nothing but Node built-ins.

/** runtime → worker: `[u32 header length][header JSON][event payload]`. */
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

/** hot path: one INVOKE frame in one buffer (one write). */
export function encodeInvokeFrame(header: InvokeHeader, payload: Buffer): Buffer {
  const headerText = JSON.stringify(header);
  const headerLength = Buffer.byteLength(headerText);
  const frame = Buffer.allocUnsafe(9 + headerLength + payload.length);
  frame.writeUInt32LE(5 + headerLength + payload.length, 0);
  frame[4] = FRAME_INVOKE;
  frame.writeUInt32LE(headerLength, 5);
  frame.write(headerText, 9, headerLength, 'utf8');
  payload.copy(frame, 9 + headerLength);
  return frame;
}

/** hot path: splits an INVOKE body into its header and payload. */
export function decodeInvokeBody(body: Buffer): { header: InvokeHeader; payload: Buffer } {
  const headerLength = body.readUInt32LE(0);
  const header = JSON.parse(body.toString('utf8', 4, 4 + headerLength)) as InvokeHeader;
  return { header, payload: body.subarray(4 + headerLength) };
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
