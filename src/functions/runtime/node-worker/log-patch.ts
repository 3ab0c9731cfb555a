// The worker's console, as the Node.js Lambda runtime patches it: every line is
// `{ISO time}\t{request id}\t{LEVEL}\t{message}` with inner newlines turned into '\r', honouring
// AWS_LAMBDA_LOG_LEVEL. Raw process.stdout/stderr writes are captured as they are.

import { format } from 'node:util';
import { toFormatted, intoError } from './lambda-errors.js';
import type { WorkerChannel } from './worker-channel.js';

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
type Level = (typeof LEVELS)[number];

export interface LambdaConsole {
  /** The request id printed on each line (`undefined` during init, as on Lambda). */
  requestId: string | undefined;
  /** `Invoke Error`, `Uncaught Exception`...: the message, then the error as formatted JSON. */
  logError(message: string, error: unknown): void;
}

type ConsoleMethod = (message?: unknown, ...params: unknown[]) => void;

export function patchConsole(channel: WorkerChannel, configuredLevel: string | undefined): LambdaConsole {
  const state: LambdaConsole = {
    requestId: undefined,
    logError: (message, error) => console.error(message, toFormatted(intoError(error))),
  };
  const write = (level: Level, message: unknown, params: unknown[]): void => {
    const text = format(message, ...params).replace(/\n/g, '\r');
    channel.log(`${new Date().toISOString()}\t${state.requestId}\t${level}\t${text}\n`);
  };
  const threshold = Math.max(0, LEVELS.indexOf((configuredLevel?.toUpperCase() ?? 'TRACE') as Level));
  const method = (level: Level): ConsoleMethod =>
    LEVELS.indexOf(level) >= threshold ? (message, ...params) => write(level, message, params) : () => undefined;
  const target = console as unknown as Record<string, ConsoleMethod>;
  target['trace'] = method('TRACE');
  target['debug'] = method('DEBUG');
  target['info'] = method('INFO');
  target['log'] = target['info'];
  target['warn'] = method('WARN');
  target['error'] = method('ERROR');
  target['fatal'] = (message, ...params) => write('FATAL', message, params);
  captureStream(process.stdout, channel);
  captureStream(process.stderr, channel);
  return state;
}

function captureStream(stream: NodeJS.WriteStream, channel: WorkerChannel): void {
  const replacement = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : String(chunk);
    channel.log(text);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done as () => void);
    return true;
  };
  (stream as unknown as { write: typeof replacement }).write = replacement;
}
