// Readiness: poll a URL until the server answers with any HTTP status, the process dies, or the
// deadline passes. Returns how long it took, which the start-up scenario reports.

import type { ManagedProcess } from './process-group.js';

const POLL_INTERVAL_MS = 10;

export async function waitForHttp(url: string, server: ManagedProcess, timeoutMs: number): Promise<number> {
  const started = performance.now();
  const deadline = started + timeoutMs;
  while (performance.now() < deadline) {
    if (server.hasExited()) {
      throw new Error(`${server.label} exited before answering ${url}:\n${server.recentOutput()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return performance.now() - started;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    }
  }
  throw new Error(`${server.label} did not answer ${url} within ${timeoutMs} ms:\n${server.recentOutput()}`);
}
