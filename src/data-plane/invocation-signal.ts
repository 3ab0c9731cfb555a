// The invocation's abort signal (DESIGN §2: one per invocation; client gone or integration
// timeout). A minimal EventTarget-shaped signal, because a standard AbortSignal costs several
// microseconds per request to create and listen to; undici's `signal` option accepts this shape,
// and `toAbortSignal()` builds a standard one on demand for APIs that need the real thing.

import type { IntegrationSignal } from '../integrations/compiled-integration.js';

export class InvocationSignal implements IntegrationSignal {
  aborted = false;
  reason: unknown = undefined;
  private listeners: Array<() => void> | undefined = undefined;
  private standard: AbortController | undefined = undefined;

  addEventListener(_type: 'abort', listener: () => void): void {
    (this.listeners ??= []).push(listener);
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    const listeners = this.listeners;
    if (listeners === undefined) return;
    const index = listeners.indexOf(listener);
    if (index >= 0) listeners.splice(index, 1);
  }

  toAbortSignal(): AbortSignal {
    if (this.standard === undefined) {
      this.standard = new AbortController();
      if (this.aborted) this.standard.abort(this.reason);
    }
    return this.standard.signal;
  }

  /** Owner only (the InvocationContext): aborts once, then tells every listener. */
  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener();
    this.standard?.abort(reason);
  }
}
