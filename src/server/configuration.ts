// Portico's configuration: command-line flags over environment variables over defaults.
// The composition root is the only reader of process.env (DESIGN §1).

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseIamPrincipals, PrincipalConfigError, type IamPrincipal } from '../iam/principals.js';
import { DEFAULT_ACCOUNT_ID } from '../shared/aws-account.js';

export interface PorticoConfig {
  host: string;
  port: number;
  dataDir: string;
  logLevel: string;
  accountId: string;
  /** Also start the bundled example backend and deploy the example API to stage `dev`. */
  example: boolean;
  /** Shared state in Redis (limits shared by every node on it); absent: in memory. */
  redisUrl?: string | undefined;
  /** When Redis is unreachable: `open` serves with local in-memory limits, `closed` answers 503. */
  redisFailurePolicy?: 'open' | 'closed';
  /** What function workers inherit from the host (only PATH: workers never see Portico's own environment). */
  functionHostEnvironment?: Readonly<Record<string, string>>;
  /** The principals AWS_IAM callers sign as (`--iam-principals FILE`); absent: `test`/`test` as the account root. */
  iamPrincipals?: readonly IamPrincipal[];
  /**
   * How long an invocation may wait for a busy warm worker before a new one starts (`--lambda-scale-out-delay MS`;
   * 0 is Lambda's own rule, a new execution environment for every concurrent invocation). Absent: the runtime's 50 ms.
   */
  lambdaScaleOutDelayMs?: number;
}

export const DEFAULT_PORT = 4566;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigurationError extends Error {}

/** Reads `portico serve` flags (`--port N`, `--host H`, `--data-dir DIR`, `--log-level L`, `--example`). */
export function readConfiguration(args: readonly string[], env: NodeJS.ProcessEnv): PorticoConfig {
  const known = new Set(['port', 'host', 'data-dir', 'log-level', 'example', 'redis-url', 'redis-failure-policy', 'iam-principals', 'lambda-scale-out-delay']);
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) throw new ConfigurationError(`unexpected argument: ${arg}`);
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
    if (!known.has(name)) throw new ConfigurationError(`unknown option: --${name}`);
    if (name === 'example') {
      flags.set(name, true);
      continue;
    }
    const value = equals < 0 ? args[++i] : arg.slice(equals + 1);
    if (value === undefined) throw new ConfigurationError(`--${name} needs a value`);
    flags.set(name, value);
  }

  const text = (flag: string, variable: string, fallback: string): string => {
    const value = flags.get(flag);
    return typeof value === 'string' ? value : (env[variable] ?? fallback);
  };
  const portText = text('port', 'PORTICO_PORT', String(DEFAULT_PORT));
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535) throw new ConfigurationError(`invalid port: ${portText}`);
  const logLevel = text('log-level', 'PORTICO_LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigurationError(`invalid log level: ${logLevel} (one of ${LOG_LEVELS.join(', ')})`);
  const redisUrl = text('redis-url', 'PORTICO_REDIS_URL', '');
  if (redisUrl !== '' && !/^rediss?:\/\//.test(redisUrl)) throw new ConfigurationError(`invalid redis url: ${redisUrl} (redis://host:port)`);
  const redisFailurePolicy = text('redis-failure-policy', 'PORTICO_REDIS_FAILURE_POLICY', 'open');
  if (redisFailurePolicy !== 'open' && redisFailurePolicy !== 'closed') throw new ConfigurationError(`invalid redis failure policy: ${redisFailurePolicy} (open or closed)`);
  const principalsFile = text('iam-principals', 'PORTICO_IAM_PRINCIPALS', '');
  const iamPrincipals = principalsFile === '' ? undefined : readIamPrincipals(principalsFile);
  const scaleOutText = text('lambda-scale-out-delay', 'PORTICO_LAMBDA_SCALE_OUT_DELAY', '');
  if (scaleOutText !== '' && !/^\d{1,6}$/.test(scaleOutText)) throw new ConfigurationError(`invalid lambda scale-out delay: ${scaleOutText} (milliseconds)`);
  return {
    host: text('host', 'PORTICO_HOST', '127.0.0.1'),
    port,
    dataDir: resolve(text('data-dir', 'PORTICO_DATA_DIR', '.portico')),
    logLevel,
    accountId: env.PORTICO_ACCOUNT_ID ?? DEFAULT_ACCOUNT_ID,
    example: flags.get('example') === true,
    ...(redisUrl !== '' && { redisUrl }),
    redisFailurePolicy,
    ...(env.PATH !== undefined && { functionHostEnvironment: { PATH: env.PATH } }),
    ...(iamPrincipals && { iamPrincipals }),
    ...(scaleOutText !== '' && { lambdaScaleOutDelayMs: Number(scaleOutText) }),
  };
}

/** The `--iam-principals` file: a JSON list of `{accessKeyId, secretAccessKey, arn, policy?, userId?}`. */
function readIamPrincipals(file: string): IamPrincipal[] {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new ConfigurationError(`cannot read the IAM principals file ${file}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new ConfigurationError(`the IAM principals file ${file} is not JSON`);
  }
  try {
    return parseIamPrincipals(value);
  } catch (error) {
    if (error instanceof PrincipalConfigError) throw new ConfigurationError(`${file}: ${error.message}`);
    throw error;
  }
}
