// The worker's end of the frame pipes: reads INVOKE and CANCEL frames from fd 3, writes frames to fd 4 with
// synchronous writes, so a log line or result is in the runtime's pipe before the next statement
// runs (process.exit, an endless loop or an out-of-memory abort cannot lose it).

import { writevSync } from 'node:fs';
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FRAME_CANCEL, FRAME_INVOKE, FRAME_INVOKE_PROXY_EVENT, FRAME_LOG, FRAME_RESULT, FrameDecoder, decodeInvokeBody, framePrefix, type InvokeHeader } from './frames.js';

const INPUT_FD = 3;
const OUTPUT_FD = 4;
/** Results up to a third of this (in UTF-16 units) are framed without an allocation of their own. */
const RESULT_SCRATCH_BYTES = 64 * 1024;

export class WorkerChannel {
  private readonly input: Socket;
  /** Peak RSS (KB) as last read, and when: getrusage is sampled, not called per invocation. */
  private peakRssKb = 0;
  private peakReadAt = -Infinity;
  private readonly scratch = Buffer.allocUnsafe(RESULT_SCRATCH_BYTES);

  constructor(onInvoke: (header: InvokeHeader, payload: Buffer, packed: boolean) => void, onCancel: (requestId: string) => void) {
    this.input = new Socket({ fd: INPUT_FD, readable: true, writable: false });
    const decoder = new FrameDecoder((type, body) => {
      if (type === FRAME_INVOKE || type === FRAME_INVOKE_PROXY_EVENT) {
        const { header, payload } = decodeInvokeBody(body);
        onInvoke(header, payload, type === FRAME_INVOKE_PROXY_EVENT);
      } else if (type === FRAME_CANCEL) onCancel(body.toString('utf8'));
    });
    this.input.on('data', (chunk: Buffer) => decoder.push(chunk));
    // The runtime is gone (closed, crashed): nobody will ever invoke this worker again.
    this.input.on('end', () => process.exit(0));
    this.input.on('error', () => process.exit(0));
  }

  /**
   * While an invocation runs, the pipe does not keep the event loop alive, so an empty loop ends
   * in 'beforeExit' as on Lambda (callbackWaitsForEmptyEventLoop, never-settled promises).
   */
  holdEventLoop(hold: boolean): void {
    if (hold) this.input.ref();
    else this.input.unref();
  }

  send(type: number, body: Buffer): void {
    writeAll([framePrefix(type, body.length), body]);
  }

  log(text: string): void {
    this.send(FRAME_LOG, Buffer.from(text, 'utf8'));
  }

  // hot path
  sendResult(success: boolean, json: string, executionMicros: number): void {
    const now = performance.now();
    // The peak only grows: a fast invocation reuses a reading up to 100 ms old.
    if (now - this.peakReadAt > 100 || executionMicros > 5000) {
      this.peakRssKb = Math.min(process.resourceUsage().maxRSS, 0xffffffff);
      this.peakReadAt = now;
    }
    // One buffer, one write(2): header and result JSON together. The write is synchronous, so a
    // result whose worst-case UTF-8 size fits is built in the same scratch buffer every time.
    const frame = json.length * 3 <= RESULT_SCRATCH_BYTES - 14 ? this.scratch : Buffer.allocUnsafe(14 + Buffer.byteLength(json, 'utf8'));
    const length = frame.write(json, 14, 'utf8');
    frame.writeUInt32LE(10 + length, 0);
    frame[4] = FRAME_RESULT;
    frame[5] = success ? 1 : 0;
    frame.writeUInt32LE(this.peakRssKb, 6);
    frame.writeUInt32LE(Math.min(Math.round(executionMicros), 0xffffffff), 10);
    writeAll([frame.subarray(0, 14 + length)]);
  }
}

function writeAll(buffers: Buffer[]): void {
  let pending = buffers;
  for (;;) {
    let written: number;
    try {
      written = writevSync(OUTPUT_FD, pending);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue;
      // The runtime is gone; nothing can be reported any more.
      process.exit(0);
    }
    let index = 0;
    while (index < pending.length && written >= pending[index]!.length) written -= pending[index++]!.length;
    if (index === pending.length) return;
    pending = [pending[index]!.subarray(written), ...pending.slice(index + 1)];
  }
}
