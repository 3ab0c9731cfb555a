// Lambda's platform lines and platform errors: START / END / REPORT around the function's output,
// the `Task timed out` and `Runtime exited` lines, and the payloads Invoke returns for timeouts and
// runtime failures. AWS: Lambda developer guide, "Using CloudWatch Logs with Lambda"; Invoke.

import type { RuntimeFailure } from './function-worker.js';

export interface ReportFields {
  requestId: string;
  durationMs: number;
  memorySize: number;
  maxMemoryUsedMb: number;
  initDurationMs: number | undefined;
  /** `timeout` or `error` (a runtime failure); absent when the environment behaved. */
  status: 'timeout' | 'error' | undefined;
  errorType: string | undefined;
}

// hot path
export function renderStartLine(requestId: string, version: string): string {
  return `START RequestId: ${requestId} Version: ${version}\n`;
}

// hot path
export function renderEndLine(requestId: string): string {
  return `END RequestId: ${requestId}\n`;
}

// hot path
export function renderReportLine(fields: ReportFields): string {
  // AWS: billed in 1 ms steps, and since August 2025 the init phase of a cold start is billed too.
  const billed = Math.ceil(fields.durationMs + (fields.initDurationMs ?? 0));
  let line =
    `REPORT RequestId: ${fields.requestId}\tDuration: ${fields.durationMs.toFixed(2)} ms\tBilled Duration: ${billed} ms\t` +
    `Memory Size: ${fields.memorySize} MB\tMax Memory Used: ${fields.maxMemoryUsedMb} MB\t`;
  if (fields.initDurationMs !== undefined) line += `Init Duration: ${fields.initDurationMs.toFixed(2)} ms\t`;
  if (fields.status !== undefined) line += `Status: ${fields.status}\t`;
  if (fields.status === 'error' && fields.errorType !== undefined) line += `Error Type: ${fields.errorType}\t`;
  return line + '\n';
}

/** `N.00`: Lambda prints the configured timeout with two decimals. */
function renderSeconds(timeoutSeconds: number): string {
  return timeoutSeconds.toFixed(2);
}

/** The line after REPORT when the function timed out (`{ISO time} {id} Task timed out after 3.00 seconds`). */
export function renderTimeoutLine(requestId: string, timeoutSeconds: number, now: number): string {
  return `${new Date(now).toISOString()} ${requestId} Task timed out after ${renderSeconds(timeoutSeconds)} seconds\n`;
}

/** AWS: the Invoke payload of a timed-out invocation (errorType Sandbox.Timedout). */
export function renderTimeoutPayload(requestId: string, timeoutSeconds: number): Buffer {
  return Buffer.from(
    JSON.stringify({ errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${requestId} Error: Task timed out after ${renderSeconds(timeoutSeconds)} seconds` }),
  );
}

/** The lines after REPORT when the environment failed (`RequestId: … Error: …` then the type). */
export function renderRuntimeFailureLines(requestId: string, failure: RuntimeFailure): string {
  return `RequestId: ${requestId} Error: ${failure.detail}\n${failure.errorType}\n`;
}

/** AWS: the Invoke payload of a runtime failure, e.g. Runtime.ExitError. */
export function renderRuntimeFailurePayload(requestId: string, failure: RuntimeFailure): Buffer {
  return Buffer.from(JSON.stringify({ errorType: failure.errorType, errorMessage: `RequestId: ${requestId} Error: ${failure.detail}` }));
}

/** AWS: the Invoke payload when a function's response exceeds the 6 MB synchronous limit. */
export const MAX_RESPONSE_BYTES = 6_291_556;
export function renderResponseTooLargePayload(): Buffer {
  return Buffer.from(
    JSON.stringify({
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`,
    }),
  );
}
