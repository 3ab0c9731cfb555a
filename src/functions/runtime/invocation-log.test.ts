// Lambda's platform lines and error payloads, exactly as the runtime renders them.
import { describe, expect, test } from 'vitest';
import { renderReportLine, renderRuntimeFailureLines, renderRuntimeFailurePayload, renderTimeoutLine, renderTimeoutPayload } from './invocation-log.js';

const base = { requestId: 'r-1', durationMs: 1.234, memorySize: 128, maxMemoryUsedMb: 40, initDurationMs: undefined, status: undefined, errorType: undefined };

describe('REPORT', () => {
  test('a warm invocation', () => {
    expect(renderReportLine(base)).toBe('REPORT RequestId: r-1\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t\n');
  });

  test('a cold start bills its init too', () => {
    expect(renderReportLine({ ...base, initDurationMs: 150.5 })).toBe(
      'REPORT RequestId: r-1\tDuration: 1.23 ms\tBilled Duration: 152 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\tInit Duration: 150.50 ms\t\n',
    );
  });

  test('a timeout and a runtime failure', () => {
    expect(renderReportLine({ ...base, durationMs: 3000, status: 'timeout', errorType: 'Sandbox.Timedout' })).toMatch(/Status: timeout\t\n$/);
    expect(renderReportLine({ ...base, status: 'error', errorType: 'Runtime.ExitError' })).toMatch(/Status: error\tError Type: Runtime.ExitError\t\n$/);
  });
});

test('timeout payload and line', () => {
  expect(JSON.parse(renderTimeoutPayload('r-1', 3).toString())).toEqual({ errorType: 'Sandbox.Timedout', errorMessage: 'RequestId: r-1 Error: Task timed out after 3.00 seconds' });
  expect(renderTimeoutLine('r-1', 3, Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00.000Z r-1 Task timed out after 3.00 seconds\n');
});

test('runtime failure payload and lines', () => {
  const failure = { errorType: 'Runtime.ExitError', detail: 'Runtime exited with error: exit status 1' };
  expect(renderRuntimeFailurePayload('r-1', failure).toString()).toBe('{"errorType":"Runtime.ExitError","errorMessage":"RequestId: r-1 Error: Runtime exited with error: exit status 1"}');
  expect(renderRuntimeFailureLines('r-1', failure)).toBe('RequestId: r-1 Error: Runtime exited with error: exit status 1\nRuntime.ExitError\n');
});
