// The data plane's face toward the HTTP front door: recognise an invoke URL (three forms) and
// serve the request through the REST pipeline of the stage's snapshot.

import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where an invoke URL points: `apiId`, `stageName` and the resource path after the stage. */
export interface InvokeTarget {
  apiId: string;
  stageName: string;
  /** The request path after the stage, starting with `/`, still percent-encoded; `/` at least. */
  path: string;
  /** The raw query string without `?` ('' when absent). */
  rawQuery: string;
}

export interface DataPlane {
  /** hot path: `undefined` when the request is not addressed to an API (it is a management call). */
  matchInvokeUrl(req: IncomingMessage): InvokeTarget | undefined;
  /** hot path: serves one API request; never throws, never rejects. */
  handle(req: IncomingMessage, res: ServerResponse, target: InvokeTarget): void;
  /** Closes integration connection pools; called after the listener stopped. */
  close(): Promise<void>;
}
