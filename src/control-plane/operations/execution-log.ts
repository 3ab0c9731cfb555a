// The execution log a test invocation answers with (TestInvokeAuthorizer's `log`): a header line
// `Execution log for request {id}`, then `{Fri Jun 09 20:04:12 UTC 2023} : {message}` lines, as
// API Gateway's console tests print them. Secrets are masked the way those logs mask them.

import type { Clock } from '../../shared/clock.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Longer values (request bodies) are cut here and marked, as AWS's test logs do (length UNCONFIRMED). */
const MAX_VALUE_LENGTH = 1000;

export class ExecutionLog {
  private readonly lines: string[];

  constructor(
    private readonly clock: Clock,
    requestId: string,
  ) {
    this.lines = [`Execution log for request ${requestId}`];
  }

  add(message: string): void {
    this.lines.push(`${timestamp(this.clock.now())} : ${message}`);
  }

  render(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

/** AWS: every character but the last 6 becomes `*` (a console test's `Incoming identity: ********aaaaaa`). */
export function mask(value: string): string {
  return value.length <= 6 ? value : `${'*'.repeat(value.length - 6)}${value.slice(-6)}`;
}

export function truncate(value: string): string {
  return value.length <= MAX_VALUE_LENGTH ? value : `${value.slice(0, MAX_VALUE_LENGTH)} [TRUNCATED]`;
}

/** Java's `Date.toString()` in UTC: `Fri Jun 09 20:04:12 UTC 2023`. */
function timestamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]!} ${MONTHS[d.getUTCMonth()]!} ${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
