// The structured logger (pino). Created once by the composition root and passed down; request
// scoped children carry the request id.

import { pino, type Logger } from 'pino';

export type { Logger };

export interface LoggerOptions {
  level?: string;
  /** Write to this stream instead of stdout (tests pass a sink). */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  return options.destination ? pino({ level, base: { service: 'portico' } }, options.destination) : pino({ level, base: { service: 'portico' } });
}
