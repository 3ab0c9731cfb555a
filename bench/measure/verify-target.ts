// One request before any load: the contender must answer what it is supposed to answer. A Portico
// scenario whose answer is wrong is skipped as "<feature> not built yet", never measured.

import type { RunningContender } from '../scenarios/scenario.js';

/** Returns what is wrong with the contender's answer, or undefined when it is right. */
export async function verifyTarget(target: RunningContender): Promise<string | undefined> {
  let status: number;
  let body: string;
  try {
    const response = await fetch(target.url, { headers: { ...target.headers }, signal: AbortSignal.timeout(10_000) });
    status = response.status;
    body = await response.text();
  } catch (error) {
    return `request failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (target.check !== undefined) return target.check(status, body);
  return status >= 200 && status < 300 ? undefined : `answered ${status}: ${body.slice(0, 120)}`;
}
