// A Node.js execution environment: a child `node` process running node-worker/main.js with the
// function's heap limit, spoken to over two pipes of length-prefixed frames (no HTTP, no JSON
// envelope around the payload). Invocations are pipelined: the ones queued in one event loop turn
// are encoded one after another into one buffer and go out in one write, so under load the process
// runs a run of them between context switches.

import { spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { PackedProxyEvent } from '../packed-proxy-event.js';
import type { WorkerInvocation } from './function-worker.js';
import {
  FRAME_CANCEL,
  FRAME_CANCELLED,
  FRAME_INIT_ERROR,
  FRAME_INVOKE,
  FRAME_INVOKE_PROXY_EVENT,
  FRAME_LOG,
  FRAME_READY,
  FRAME_RESULT,
  FrameDecoder,
  framePrefix,
  invokeFrameBound,
  writeInvokeFrame,
  type InvokeHeader,
} from './node-worker/frames.js';
import { WorkerProcess, type WorkerHooks } from './worker-process.js';

export interface NodeWorkerOptions {
  script: string;
  cwd: string;
  env: Record<string, string>;
  execArgv: string[];
}

/** A batch buffer's usual size: some ten hello-world proxy events at their worst-case UTF-8 bound. */
const BATCH_BYTES = 32 * 1024;

export class NodeWorkerProcess extends WorkerProcess {
  private readonly input: Writable;
  /** INVOKE frames of this turn, encoded back to back; they leave together on setImmediate. */
  private batch: Buffer | undefined;
  private batchLength = 0;
  /** This turn's batch buffers already full, written before `batch` in the same writev. */
  private readonly filled: Buffer[] = [];
  private flushScheduled = false;
  private readonly flushOnImmediate = (): void => {
    this.flushScheduled = false;
    this.flush();
  };

  constructor(options: NodeWorkerOptions, hooks: WorkerHooks) {
    super(hooks, true);
    const child = spawn(process.execPath, [...options.execArgv, options.script], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    });
    this.attach(child);
    this.input = child.stdio[3] as Writable;
    // A dead worker's pipe errors (EPIPE); its exit is what reports the failure.
    this.input.on('error', () => undefined);
    const output = child.stdio[4] as Readable;
    output.on('error', () => undefined);
    const decoder = new FrameDecoder((type, body) => this.onFrame(type, body));
    output.on('data', (chunk: Buffer) => decoder.push(chunk));
  }

  // hot path
  protected send(invocation: WorkerInvocation, timeoutMs: number): void {
    const header: InvokeHeader = { r: invocation.requestId, l: timeoutMs, a: invocation.invokedFunctionArn };
    if (invocation.clientContext !== undefined) header.c = invocation.clientContext;
    if (invocation.traceId !== undefined) header.t = invocation.traceId;
    const event = invocation.payload;
    const packed = event instanceof PackedProxyEvent;
    const payload = packed ? event.packed : event;
    const bound = invokeFrameBound(header, payload);
    let batch = this.batch;
    if (batch !== undefined && batch.length - this.batchLength < bound) {
      // Not written yet: one write per turn wakes the process once, whatever the turn's size.
      this.filled.push(batch.subarray(0, this.batchLength));
      batch = undefined;
    }
    if (batch === undefined) {
      this.batch = batch = Buffer.allocUnsafe(Math.max(BATCH_BYTES, bound));
      this.batchLength = 0;
    }
    this.batchLength = writeInvokeFrame(batch, this.batchLength, header, payload, packed ? FRAME_INVOKE_PROXY_EVENT : FRAME_INVOKE);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(this.flushOnImmediate);
    }
  }

  /** Writes the frames batched so far in one writev (the stream owns the buffers from here on). */
  private flush(): void {
    const batch = this.batch;
    if (batch === undefined) return;
    this.batch = undefined;
    const last = batch.subarray(0, this.batchLength);
    const filled = this.filled;
    if (filled.length === 0) {
      this.input.write(last);
      return;
    }
    this.input.cork();
    for (const buffer of filled) this.input.write(buffer);
    filled.length = 0;
    this.input.write(last);
    this.input.uncork();
  }

  protected override cancelAhead(requestId: string): void {
    // After the INVOKE frames still batched, one of which may be the invocation taken back.
    this.flush();
    const id = Buffer.from(requestId, 'utf8');
    this.input.write(Buffer.concat([framePrefix(FRAME_CANCEL, id.length), id]));
  }

  // hot path
  private onFrame(type: number, body: Buffer): void {
    switch (type) {
      case FRAME_RESULT: {
        const success = body[0] === 1;
        // Copied out of the read chunk so a kept result does not pin the whole chunk.
        const payload = Buffer.from(body.subarray(9));
        const errorType = success ? undefined : readErrorType(payload);
        this.finish(success ? 'success' : 'function-error', payload, body.readUInt32LE(1), errorType, body.readUInt32LE(5) / 1000);
        return;
      }
      case FRAME_LOG:
        this.appendLog(body.toString('utf8'));
        return;
      case FRAME_CANCELLED:
        this.cancelled(body.toString('utf8'));
        return;
      case FRAME_READY:
        this.markReady((JSON.parse(body.toString('utf8')) as { initMs: number }).initMs);
        return;
      case FRAME_INIT_ERROR: {
        const payload = Buffer.from(body);
        this.initFailed(payload, readErrorType(payload));
        return;
      }
    }
  }
}

/** `errorType` of an error JSON payload, if it has one. */
export function readErrorType(payload: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null) {
      const errorType = (parsed as Record<string, unknown>)['errorType'];
      if (typeof errorType === 'string') return errorType;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
