// `$context.requestTime` in CLF (`dd/MMM/yyyy:HH:mm:ss +0000`), formatted once per second: the
// requests of one second share the string. One instance per data plane, created at start-up and
// handed to each request's ContextVariables. AWS developer guide "$context Variables".

import { formatRequestTime } from './context-variables.js';

export class RequestTimeFormat {
  private second = Number.NaN;
  private text = '';

  /** hot path: the CLF time of `epochMillis`. */
  format(epochMillis: number): string {
    const second = Math.floor(epochMillis / 1000);
    if (second !== this.second) {
      this.text = formatRequestTime(epochMillis);
      this.second = second;
    }
    return this.text;
  }
}
