// The environment of one worker process (one execution environment), as Lambda sets it: the
// host's base variables, the function's own, then the reserved AWS_LAMBDA_* / LAMBDA_* / _HANDLER
// set, which functions cannot override. AWS: Lambda developer guide, "Defined runtime environment variables".

import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import type { FunctionDefinition } from '../function-definition.js';

export type RuntimeKind = 'nodejs' | 'python' | 'provided';

/** Which worker runs a Lambda `Runtime` value; `undefined` for runtimes Portico cannot run. */
export function runtimeKind(runtime: string): RuntimeKind | undefined {
  if (runtime.startsWith('nodejs')) return 'nodejs';
  if (runtime.startsWith('python3')) return 'python';
  if (runtime === 'provided' || runtime.startsWith('provided.')) return 'provided';
  return undefined;
}

/** The `Runtime` values CreateFunction may accept (what the local runtime can run). */
export const SUPPORTED_RUNTIMES: readonly string[] = [
  'nodejs18.x',
  'nodejs20.x',
  'nodejs22.x',
  'nodejs24.x',
  'python3.9',
  'python3.10',
  'python3.11',
  'python3.12',
  'python3.13',
  'provided',
  'provided.al2',
  'provided.al2023',
];

/** PATH when the host passes none: the running node's directory first, then the usual ones. */
export const DEFAULT_PATH = `${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`;

/** `2026/01/01/[$LATEST]0123456789abcdef0123456789abcdef`: one per execution environment. */
export function createLogStreamName(version: string, now: number): string {
  const date = new Date(now).toISOString();
  return `${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/[${version}]${randomBytes(16).toString('hex')}`;
}

export interface WorkerEnvironmentInput {
  definition: FunctionDefinition;
  hostEnvironment: Readonly<Record<string, string>>;
  logStreamName: string;
  /** The Runtime API's `host:port`, for runtimes that speak it. */
  runtimeApi?: string;
  /** LAMBDA_RUNTIME_DIR: where Portico's own bootstrap lives. */
  runtimeDir: string;
}

export function buildWorkerEnvironment(input: WorkerEnvironmentInput): Record<string, string> {
  const { definition } = input;
  const env: Record<string, string> = {
    PATH: DEFAULT_PATH,
    LANG: 'en_US.UTF-8',
    TZ: ':UTC',
    ...input.hostEnvironment,
    ...definition.environment,
    _HANDLER: definition.handler,
    AWS_REGION: definition.region,
    AWS_DEFAULT_REGION: definition.region,
    AWS_LAMBDA_FUNCTION_NAME: definition.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: definition.version,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(definition.memorySize),
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${definition.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: input.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    LAMBDA_TASK_ROOT: definition.codeDirectory,
    LAMBDA_RUNTIME_DIR: input.runtimeDir,
  };
  // AWS: custom runtimes (provided*) get no AWS_EXECUTION_ENV.
  if (runtimeKind(definition.runtime) !== 'provided') env['AWS_EXECUTION_ENV'] = `AWS_Lambda_${definition.runtime}`;
  else delete env['AWS_EXECUTION_ENV'];
  if (input.runtimeApi !== undefined) env['AWS_LAMBDA_RUNTIME_API'] = input.runtimeApi;
  else delete env['AWS_LAMBDA_RUNTIME_API'];
  return env;
}

/** Lambda's Node.js heap limits for a memory size: a tenth for the new space, the rest old space. */
export function nodeMemoryArguments(memorySize: number): string[] {
  const newSpace = Math.floor(memorySize / 10);
  return [`--max-semi-space-size=${Math.max(1, Math.floor(newSpace / 2))}`, `--max-old-space-size=${memorySize - newSpace}`];
}
