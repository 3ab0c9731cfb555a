// A small client of Portico's management API over HTTP (plain fetch, AWS's REST-JSON wire format),
// used by `portico serve DIR`, `portico import` and `portico export`. Portico accepts any SigV4
// signature and reads the region from its scope, so a fixed unsigned scope is enough.

/** An error answer of the management API: AWS's error type and message, verbatim. */
export class ManagementCallError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly errorType: string,
    readonly awsMessage: string,
  ) {
    super(`${operation}: ${errorType}: ${awsMessage}`);
  }
}

export interface CallOptions {
  /** A JSON body. */
  body?: unknown;
  /** A raw body (OpenAPI import), sent as application/octet-stream as the AWS SDK does. */
  raw?: string;
  accept?: string;
  query?: Record<string, string | readonly string[] | undefined>;
}

export interface ManagementClient {
  readonly endpoint: string;
  readonly region: string;
  /** Calls `method path`; resolves to the parsed JSON answer (`{}` when empty), throws ManagementCallError. */
  call(operation: string, method: string, path: string, options?: CallOptions): Promise<Record<string, unknown>>;
  /** Like `call`, but resolves to the answer's text (exports). */
  text(operation: string, method: string, path: string, options?: CallOptions): Promise<string>;
}

export function createManagementClient(endpoint: string, region: string): ManagementClient {
  const base = endpoint.replace(/\/+$/, '');
  const send = async (operation: string, method: string, path: string, options: CallOptions): Promise<string> => {
    const url = new URL(base + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value === undefined) continue;
      for (const item of typeof value === 'string' ? [value] : value) url.searchParams.append(name, item);
    }
    const headers: Record<string, string> = {
      authorization: `AWS4-HMAC-SHA256 Credential=PORTICO/20260101/${region}/apigateway/aws4_request, SignedHeaders=host, Signature=portico`,
      accept: options.accept ?? 'application/json',
    };
    let body: string | undefined;
    if (options.raw !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      body = options.raw;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
    } catch (error) {
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new ManagementCallError(operation, 0, 'ConnectionError', `cannot reach Portico at ${base} (${cause})`);
    }
    const text = await response.text();
    if (response.status >= 300) {
      const errorType = (response.headers.get('x-amzn-errortype') ?? `HTTP ${response.status}`).split(':')[0] ?? '';
      throw new ManagementCallError(operation, response.status, errorType, readMessage(text));
    }
    return text;
  };
  return {
    endpoint: base,
    region,
    async call(operation, method, path, options = {}) {
      const text = await send(operation, method, path, options);
      const parsed: unknown = text === '' ? {} : JSON.parse(text);
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    },
    text: (operation, method, path, options = {}) => send(operation, method, path, options),
  };
}

function readMessage(text: string): string {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null) {
      const message = (parsed as Record<string, unknown>).message ?? (parsed as Record<string, unknown>).Message;
      if (typeof message === 'string') return message;
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  return text;
}
