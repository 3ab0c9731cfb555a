// Turns a worker's outcome into what Invoke returns: the payload (the function's, or Lambda's own
// for timeouts, runtime failures and oversized responses), `X-Amz-Function-Error`, and the log with
// Lambda's platform lines around the function's output.

import type { FunctionDefinition, InvocationResult } from '../function-definition.js';
import type { WorkerOutcome } from './function-worker.js';
import {
  MAX_RESPONSE_BYTES,
  renderEndLine,
  renderReportLine,
  renderResponseTooLargePayload,
  renderRuntimeFailureLines,
  renderRuntimeFailurePayload,
  renderStartLine,
  renderTimeoutLine,
  renderTimeoutPayload,
  type ReportFields,
} from './invocation-log.js';

// hot path
export function renderInvocationResult(definition: FunctionDefinition, requestId: string, outcome: WorkerOutcome, now: number): InvocationResult {
  let payload = outcome.payload;
  let errorType = outcome.errorType;
  let functionError: 'Unhandled' | undefined = 'Unhandled';
  let status: 'timeout' | 'error' | undefined;
  let after = '';
  let maxMemoryUsedMb = outcome.maxMemoryUsedMb;
  switch (outcome.kind) {
    case 'success':
      if (payload.length > MAX_RESPONSE_BYTES) {
        payload = renderResponseTooLargePayload();
        errorType = 'Function.ResponseSizeTooLarge';
      } else functionError = undefined;
      break;
    case 'function-error':
      break;
    case 'init-error':
      status = 'error';
      break;
    case 'timeout':
      payload = renderTimeoutPayload(requestId, definition.timeout);
      errorType = 'Sandbox.Timedout';
      status = 'timeout';
      after = renderTimeoutLine(requestId, definition.timeout, now);
      break;
    // Handed to workers that each died before its turn, UNSTARTED_RETRIES times: the environment failed.
    case 'unstarted':
    case 'runtime-error': {
      const failure = outcome.runtimeFailure ?? { errorType: 'Runtime.Unknown', detail: 'Unknown application error occurred' };
      payload = renderRuntimeFailurePayload(requestId, failure);
      errorType = failure.errorType;
      status = 'error';
      after = renderRuntimeFailureLines(requestId, failure);
      if (failure.errorType === 'Runtime.OutOfMemory') maxMemoryUsedMb = definition.memorySize;
      break;
    }
  }
  const report: ReportFields = {
    requestId,
    durationMs: outcome.durationMs,
    memorySize: definition.memorySize,
    maxMemoryUsedMb,
    initDurationMs: outcome.initDurationMs,
    status,
    errorType,
  };
  const result = new RenderedInvocation(payload, functionError, definition.version, outcome, report, after);
  if (functionError !== undefined) result.errorType = errorType;
  return result;
}

/** The log is rendered when first read: most invocations through API Gateway never read it. */
class RenderedInvocation implements InvocationResult {
  errorType?: string;
  readonly durationMs: number;
  private rendered: string | undefined;

  constructor(
    readonly payload: Buffer,
    readonly functionError: 'Unhandled' | undefined,
    readonly executedVersion: string,
    private readonly outcome: WorkerOutcome,
    private readonly report: ReportFields,
    /** Lambda's lines after REPORT (timeout, runtime failure). */
    private readonly after: string,
  ) {
    this.durationMs = outcome.durationMs;
  }

  get log(): string {
    const { outcome, report } = this;
    this.rendered ??=
      outcome.initLog + renderStartLine(report.requestId, this.executedVersion) + outcome.log + renderEndLine(report.requestId) + renderReportLine(report) + this.after;
    return this.rendered;
  }
}
