// Errors as the Node.js Lambda runtime reports them: its `Runtime.*` error classes, the invocation
// error payload `{errorType, errorMessage, trace}` and the log form of an error. Mirrors
// aws-lambda-nodejs-runtime-interface-client (Errors.js), which nodejs18.x-22.x run.

import { types } from 'node:util';

function namedRuntimeError(name: string): new (message: string) => Error {
  const RuntimeError = class extends Error {};
  RuntimeError.prototype.name = `Runtime.${name}`;
  return RuntimeError;
}

export const ImportModuleError = namedRuntimeError('ImportModuleError');
export const HandlerNotFound = namedRuntimeError('HandlerNotFound');
export const MalformedHandlerName = namedRuntimeError('MalformedHandlerName');
export const UserCodeSyntaxError = namedRuntimeError('UserCodeSyntaxError');
export const NodeJsExit = namedRuntimeError('NodeJsExit');

/** AWS: an async handler whose promise never settles ends with this (Runtime.NodeJsExit). */
export const NODE_JS_EXIT_MESSAGE =
  'The Lambda runtime client detected an unexpected Node.js exit code. This is most commonly caused by a Promise that was never settled. For more information, see https://nodejs.org/docs/latest/api/process.html#exit-codes';

export class UnhandledPromiseRejection extends Error {
  constructor(message: string | undefined) {
    super(message);
  }
}
UnhandledPromiseRejection.prototype.name = 'Runtime.UnhandledPromiseRejection';

interface ErrorLike {
  name: string;
  message: string;
  stack: string;
}

function isErrorLike(value: unknown): value is ErrorLike {
  if (typeof value !== 'object' || value === null) return false;
  const { name, message, stack } = value as Record<string, unknown>;
  return typeof name === 'string' && name !== '' && typeof message === 'string' && message !== '' && typeof stack === 'string' && stack !== '';
}

/** The invocation error payload (what Invoke returns with `X-Amz-Function-Error: Unhandled`). */
export function toRapidResponse(error: unknown): { errorType: string; errorMessage: string; trace?: string[] } {
  try {
    if (types.isNativeError(error) || isErrorLike(error)) {
      const { name, message, stack } = error as ErrorLike;
      return { errorType: name, errorMessage: message, trace: typeof stack === 'string' ? stack.split('\n') : [] };
    }
    return { errorType: typeof error, errorMessage: String(error), trace: [] };
  } catch {
    return {
      errorType: 'handled',
      errorMessage: 'callback called with Error argument, but there was a problem while retrieving one or more of its message, name, and stack',
    };
  }
}

function withEnumerableProperties(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const formatted: Record<string, unknown> = { errorType: value.name, errorMessage: value.message, code: (value as NodeJS.ErrnoException).code };
  Object.assign(formatted, value);
  if (typeof value.stack === 'string') formatted['stack'] = value.stack.split('\n');
  return formatted;
}

/** The error as the runtime logs it after `Invoke Error` / `Uncaught Exception`: a tab, then JSON. */
export function toFormatted(error: unknown): string {
  try {
    return '\t' + JSON.stringify(error, withEnumerableProperties);
  } catch {
    return '\t' + JSON.stringify(toRapidResponse(error));
  }
}

/** `callback('message')` and `context.fail('message')` report an Error made from the value. */
export function intoError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
