// Input checks of CreateFunction / UpdateFunctionConfiguration with Lambda's exact messages:
// runtime enum, timeout and memory ranges, handler and role patterns, environment limits,
// architectures. AWS Lambda API reference "CreateFunction"; tests: lambda-api.test.ts.

import { ManagementError } from '../management-error.js';
import { invalidParameter, quoted, validationError } from './lambda-errors.js';

/** AWS's own (unordered-set) order of valid runtimes, as its error message prints it. */
const VALID_RUNTIMES =
  '[nodejs20.x, python3.14, provided.al2023, python3.12, python3.13, nodejs24.x, nodejs22.x, java17, nodejs16.x, java25, dotnet8, python3.10, java11, python3.11, dotnet6, java21, nodejs18.x, provided.al2, ruby3.3, ruby3.4, java8.al2, ruby3.2, python3.8, python3.9]';
const RUNTIMES: ReadonlySet<string> = new Set(VALID_RUNTIMES.slice(1, -1).split(', '));

/** Runtimes Lambda no longer accepts for create or update, with the upgrade it recommends. */
const DEPRECATED: ReadonlyMap<string, string> = new Map([
  ['java8', 'java21'],
  ['go1.x', 'provided.al2023'],
  ['provided', 'provided.al2023'],
  ['ruby2.7', 'ruby3.2'],
  ['nodejs14.x', 'nodejs20.x'],
  ['python3.7', 'python3.12'],
  ['dotnetcore3.1', 'dotnet6'],
  ['nodejs12.x', 'nodejs18.x'],
]);

export const ROLE_PATTERN = 'arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+';
const ROLE = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const ENV_KEY = /^[a-zA-Z]([a-zA-Z0-9_])+$/;
/** Variables the Lambda environment sets itself (UNCONFIRMED: the list AWS refuses is not published in full). */
const RESERVED_ENV_KEYS: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

export function checkRuntime(runtime: string): void {
  const upgrade = DEPRECATED.get(runtime);
  if (upgrade !== undefined) {
    throw invalidParameter(
      `The runtime parameter of ${runtime} is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (${upgrade}) while creating or updating functions.`,
    );
  }
  // AWS: an unknown runtime is InvalidParameterValueException with the enum (test: lambda-api.test.ts).
  if (!RUNTIMES.has(runtime)) {
    throw invalidParameter(`Value ${runtime} at 'runtime' failed to satisfy constraint: Member must satisfy enum value set: ${VALID_RUNTIMES} or be a valid ARN`);
  }
}

export function checkTimeout(timeout: number): void {
  if (timeout < 1) throw validationError(quoted(timeout), 'timeout', 'Member must have value greater than or equal to 1');
  if (timeout > 900) throw validationError(quoted(timeout), 'timeout', 'Member must have value less than or equal to 900');
}

export function checkMemorySize(memorySize: number): void {
  if (memorySize < 128) throw validationError(quoted(memorySize), 'memorySize', 'Member must have value greater than or equal to 128');
  if (memorySize > 10240) throw validationError(quoted(memorySize), 'memorySize', 'Member must have value less than or equal to 10240');
}

export function checkHandler(handler: string): void {
  if (handler.length > 128) throw validationError(quoted(handler), 'handler', 'Member must have length less than or equal to 128');
  if (!/^[^\s]+$/.test(handler)) throw validationError(quoted(handler), 'handler', 'Member must satisfy regular expression pattern: [^\\s]+');
}

export function checkRole(role: string | undefined): string {
  if (role === undefined) throw validationError('null', 'role', 'Member must not be null');
  if (!ROLE.test(role)) throw validationError(quoted(role), 'role', `Member must satisfy regular expression pattern: ${ROLE_PATTERN}`);
  return role;
}

export function checkDescription(description: string): void {
  if (description.length > 256) throw validationError(quoted(description), 'description', 'Member must have length less than or equal to 256');
}

export function checkEnvironment(variables: Record<string, string>): void {
  for (const key of Object.keys(variables)) {
    if (!ENV_KEY.test(key)) {
      throw new ManagementError(
        'ValidationException',
        "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
      );
    }
  }
  const reserved = Object.keys(variables).filter((key) => RESERVED_ENV_KEYS.has(key));
  if (reserved.length > 0) {
    throw invalidParameter(
      `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${reserved.join(', ')}`,
    );
  }
  const measured = JSON.stringify(variables);
  if (Buffer.byteLength(measured) > 4096) {
    throw invalidParameter(`Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: ${measured}`);
  }
}

export function checkArchitectures(architectures: string[]): void {
  const shown = `'[${architectures.join(', ')}]'`;
  if (architectures.length !== 1) throw validationError(shown, 'architectures', 'Member must have length less than or equal to 1');
  if (architectures[0] !== 'x86_64' && architectures[0] !== 'arm64') {
    throw validationError(shown, 'architectures', 'Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]');
  }
}
