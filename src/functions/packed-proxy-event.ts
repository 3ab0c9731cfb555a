// An invocation payload that is an API Gateway proxy event (payload 1.0) in its packed form
// (runtime/node-worker/proxy-event.ts): a Node.js worker expands it itself, which costs far less
// on both sides than writing and parsing the event's JSON; runtimes that take the event as text
// (python3.x, provided) get its JSON.

import { expandProxyEvent } from './runtime/node-worker/proxy-event.js';

export class PackedProxyEvent {
  /** `packed`: the event's values as a JSON array, in proxy-event.ts's order. */
  constructor(readonly packed: string) {}

  /** The event's JSON text, member for member what the expanded event is. */
  json(): string {
    return JSON.stringify(expandProxyEvent(JSON.parse(this.packed) as unknown[]));
  }
}
