// An execution environment for runtimes that speak the Lambda Runtime API (python3.x through
// Portico's own bootstrap, provided/provided.al2023 through the function's `bootstrap`): a child
// process plus its own Runtime API endpoint on 127.0.0.1 (AWS_LAMBDA_RUNTIME_API). AWS: "Using the
// Lambda runtime API for custom runtimes" (/runtime/invocation/next, /response, /error, /init/error).

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PackedProxyEvent } from '../packed-proxy-event.js';
import type { RuntimeFailure, WorkerInvocation } from './function-worker.js';
import { readErrorType } from './node-worker-process.js';
import { readPeakRssKb, WorkerProcess, type WorkerHooks } from './worker-process.js';

export interface RuntimeApiWorkerOptions {
  command: string;
  args: string[];
  cwd: string;
  /** The environment, without AWS_LAMBDA_RUNTIME_API (added once the endpoint listens). */
  env: Record<string, string>;
  /** `command` is the function's own `bootstrap` (a custom runtime), not Portico's. */
  customBootstrap: boolean;
}

const PREFIX = '/2018-06-01/runtime/';
const INVOCATION_ROUTE = /^\/2018-06-01\/runtime\/invocation\/([^/]+)\/(response|error)$/;

export class RuntimeApiWorker extends WorkerProcess {
  private readonly server: Server;
  /** The runtime's GET /next, waiting for an invocation. */
  private parkedNext: ServerResponse | undefined;
  private undelivered: { invocation: WorkerInvocation; deadline: number } | undefined;

  constructor(
    private readonly options: RuntimeApiWorkerOptions,
    hooks: WorkerHooks,
  ) {
    super(hooks, false);
    this.server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => this.route(request, response));
    this.server.listen(0, '127.0.0.1', () => {
      if (!this.alive) return;
      const { port } = this.server.address() as AddressInfo;
      const child = spawn(options.command, options.args, {
        cwd: options.cwd,
        env: { ...options.env, AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${port}` },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a custom bootstrap's own children (curl, a binary) go with it.
        detached: true,
      });
      this.attach(child);
    });
    this.server.on('error', (error) => this.die({ errorType: 'Runtime.Unknown', detail: `Runtime API endpoint failed: ${error.message}` }));
  }

  protected send(invocation: WorkerInvocation, timeoutMs: number): void {
    this.undelivered = { invocation, deadline: Date.now() + timeoutMs };
    this.deliver();
  }

  protected override spawnFailure(error: NodeJS.ErrnoException): RuntimeFailure {
    if (!this.options.customBootstrap) return super.spawnFailure(error);
    // AWS: Runtime.InvalidEntrypoint when the bootstrap is missing or not executable.
    const detail =
      error.code === 'EACCES' ? `fork/exec ${this.options.command}: permission denied` : `Couldn't find valid bootstrap(s): [${this.options.command}]`;
    return { errorType: 'Runtime.InvalidEntrypoint', detail };
  }

  protected override signal(child: ChildProcess): void {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  protected override onDied(): void {
    this.server.close();
    this.server.closeAllConnections();
  }

  private deliver(): void {
    const response = this.parkedNext;
    const pending = this.undelivered;
    if (response === undefined || pending === undefined) return;
    this.parkedNext = undefined;
    this.undelivered = undefined;
    const { invocation, deadline } = pending;
    const payload = invocation.payload;
    const event = payload instanceof PackedProxyEvent ? payload.json() : payload;
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(event),
      'Lambda-Runtime-Aws-Request-Id': invocation.requestId,
      'Lambda-Runtime-Deadline-Ms': deadline,
      'Lambda-Runtime-Invoked-Function-Arn': invocation.invokedFunctionArn,
    };
    if (invocation.traceId !== undefined) headers['Lambda-Runtime-Trace-Id'] = invocation.traceId;
    if (invocation.clientContext !== undefined) headers['Lambda-Runtime-Client-Context'] = invocation.clientContext;
    response.writeHead(200, headers).end(event);
  }

  private route(request: IncomingMessage, response: ServerResponse): void {
    const path = request.url ?? '';
    if (request.method === 'GET' && path === `${PREFIX}invocation/next`) {
      this.parkedNext = response;
      // AWS: the first /next ends the init phase.
      this.markReady();
      this.deliver();
      return;
    }
    if (request.method === 'POST' && path === `${PREFIX}init/error`) {
      void readBody(request).then((body) => {
        accepted(response);
        const payload = errorPayload(body, request.headers['lambda-runtime-function-error-type']);
        this.initFailed(payload, readErrorType(payload));
      });
      return;
    }
    const match = request.method === 'POST' ? INVOCATION_ROUTE.exec(path) : null;
    if (match === null) {
      reply(response, 404, { errorMessage: `Unknown Runtime API path ${request.method ?? ''} ${path}`, errorType: 'InvalidRequest' });
      return;
    }
    const [, requestId = '', outcome] = match;
    if (decodeURIComponent(requestId) !== this.invocationInFlight?.requestId) {
      request.resume();
      reply(response, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
      return;
    }
    void readBody(request).then((body) => {
      accepted(response);
      const pid = this.child?.pid;
      // Output the runtime wrote before answering may still be in its pipes: read it first.
      setImmediate(() => {
        if (outcome === 'response') this.finish('success', body, readPeakRssKb(pid));
        else {
          const payload = errorPayload(body, request.headers['lambda-runtime-function-error-type']);
          this.finish('function-error', payload, readPeakRssKb(pid), readErrorType(payload));
        }
      });
    });
  }
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', () => resolve(Buffer.concat(chunks)));
  });
}

/** An /error body as Invoke returns it; an empty one becomes `{errorMessage, errorType}` from the header. */
function errorPayload(body: Buffer, errorTypeHeader: string | string[] | undefined): Buffer {
  if (body.length > 0) return body;
  const errorType = typeof errorTypeHeader === 'string' && errorTypeHeader !== '' ? errorTypeHeader : 'Unhandled';
  return Buffer.from(JSON.stringify({ errorMessage: '', errorType }));
}

function accepted(response: ServerResponse): void {
  reply(response, 202, { status: 'OK' });
}

function reply(response: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}
