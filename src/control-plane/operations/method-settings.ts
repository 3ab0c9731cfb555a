// Stage method settings (reference §7.3, §7.5): the UpdateStage patch paths
// `/{resourcePath}/{httpMethod}/{area}/{field}` and `/*/*/{area}/{field}`, the `test/GET` / `*/*`
// keys they write, the defaults a new entry gets, and AWS's exact path and removal errors.

import type { MethodSetting } from '../../model/deployment.js';
import { badRequest, type ManagementError } from '../management-error.js';
import { requireValue, type PatchOperation } from '../patch/patch-operations.js';

/**
 * AWS: the list exactly as UpdateStage's error prints it, including its odd joins around the
 * throttling entries and without the (accepted) `/canarySettings/...` paths
 * (test: stages.test.ts, AWS-validated snapshot `update-stage-canary-settings-replace-bad-path`).
 */
const VALID_PATHS =
  '[/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, ' +
  '/{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, ' +
  '/{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, ' +
  '/{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, ' +
  '/{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, ' +
  '/*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, ' +
  '/*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]';

export function invalidStagePath(operation: PatchOperation): ManagementError {
  return badRequest(`Invalid method setting path: ${operation.path}. Must be one of: ${VALID_PATHS}`);
}


/** AWS: what a new entry holds besides the patched field (reference §7.3; AWS CLI example). */
function defaultMethodSetting(): MethodSetting {
  return {
    metricsEnabled: false,
    dataTraceEnabled: false,
    throttlingBurstLimit: 5000,
    throttlingRateLimit: 10000.0,
    cachingEnabled: false,
    cacheTtlInSeconds: 300,
    cacheDataEncrypted: false,
    requireAuthorizationForCacheControl: true,
    unauthorizedCacheControlHeaderStrategy: 'SUCCEED_WITH_RESPONSE_HEADER',
  };
}

// AWS: `ANY` and a wildcard verb on a named resource are refused; only `*/*` is a wildcard
// (community measurements against AWS, 2026).
const SETTING_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const LOGGING_LEVELS = ['OFF', 'ERROR', 'INFO'];
const CACHE_CONTROL_STRATEGIES = ['FAIL_WITH_403', 'SUCCEED_WITH_RESPONSE_HEADER', 'SUCCEED_WITHOUT_RESPONSE_HEADER'];

/** Patch booleans: AWS accepts `true`/`false` in any case. */
export function stageBoolean(operation: PatchOperation): boolean {
  const value = requireValue(operation).toLowerCase();
  if (value !== 'true' && value !== 'false') throw badRequest(`Invalid boolean value: ${operation.value ?? ''}`);
  return value === 'true';
}

function integer(operation: PatchOperation, min: number, max: number): number {
  const value = requireValue(operation);
  const parsed = Number(value);
  if (!/^-?\d+$/.test(value) || parsed < min || parsed > max) throw badRequest(`Invalid value ${value} for path ${operation.path}`);
  return parsed;
}

function double(operation: PatchOperation): number {
  const value = requireValue(operation);
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0) throw badRequest(`Invalid value ${value} for path ${operation.path}`);
  return parsed;
}

function oneOf(operation: PatchOperation, allowed: readonly string[]): string {
  const value = requireValue(operation);
  if (!allowed.includes(value)) throw badRequest(`Invalid value ${value} for path ${operation.path}. Must be one of: [${allowed.join(', ')}]`);
  return value;
}

/** How each `{area}/{field}` writes its member. */
const FIELDS: Record<string, (setting: MethodSetting, operation: PatchOperation) => void> = {
  'metrics/enabled': (s, op) => (s.metricsEnabled = stageBoolean(op)),
  'logging/dataTrace': (s, op) => (s.dataTraceEnabled = stageBoolean(op)),
  'logging/loglevel': (s, op) => (s.loggingLevel = oneOf(op, LOGGING_LEVELS)),
  'throttling/burstLimit': (s, op) => (s.throttlingBurstLimit = integer(op, 0, Number.MAX_SAFE_INTEGER)),
  'throttling/rateLimit': (s, op) => (s.throttlingRateLimit = double(op)),
  'caching/ttlInSeconds': (s, op) => (s.cacheTtlInSeconds = integer(op, 0, 3600)),
  'caching/enabled': (s, op) => (s.cachingEnabled = stageBoolean(op)),
  'caching/dataEncrypted': (s, op) => (s.cacheDataEncrypted = stageBoolean(op)),
  'caching/requireAuthorizationForCacheControl': (s, op) => (s.requireAuthorizationForCacheControl = stageBoolean(op)),
  'caching/unauthorizedCacheControlHeaderStrategy': (s, op) => (s.unauthorizedCacheControlHeaderStrategy = oneOf(op, CACHE_CONTROL_STRATEGIES)),
};

export interface MethodSettingTarget {
  /** The `methodSettings` key: the raw (still `~1`-escaped) resource path and verb, e.g. `test/GET`, `~1pets/GET`, `*\/*`. */
  key: string;
  write: (setting: MethodSetting, operation: PatchOperation) => void;
}

/** Recognises a method setting path, or `undefined` when the path is not one. */
export function parseMethodSettingPath(operation: PatchOperation): MethodSettingTarget | undefined {
  const raw = operation.path.split('/').slice(1);
  if (raw.length < 4) return undefined;
  const write = FIELDS[`${raw[raw.length - 2]}/${raw[raw.length - 1]}`];
  if (!write) return undefined;
  const httpMethod = raw[raw.length - 3] ?? '';
  const resource = raw.slice(0, -3).join('/');
  const wildcard = resource === '*' && httpMethod === '*';
  if (!wildcard && (!SETTING_METHODS.includes(httpMethod) || resource.includes('*'))) return undefined;
  return { key: `${resource}/${httpMethod}`, write };
}

/**
 * Writes one field; a new entry starts from the defaults, an existing one keeps its other values
 * (AWS: re-patching `*\/*` only fills defaults, reference §7.3).
 */
export function applyMethodSetting(settings: Record<string, MethodSetting>, target: MethodSettingTarget, operation: PatchOperation): void {
  const existing: MethodSetting | undefined = Object.hasOwn(settings, target.key) ? settings[target.key] : undefined;
  const setting: MethodSetting = { ...defaultMethodSetting(), ...existing };
  target.write(setting, operation);
  settings[target.key] = setting;
}

/** `{"op":"remove","path":"/*\/*"}` and any other remove AWS reads as a method setting key. */
export function removeMethodSetting(settings: Record<string, MethodSetting>, operation: PatchOperation): void {
  const key = operation.path.slice(1);
  if (!Object.hasOwn(settings, key)) {
    // AWS: note the trailing space (test: stages.test.ts, AWS-validated snapshot).
    throw badRequest(`Cannot remove method setting ${key} because there is no method setting for this method `);
  }
  delete settings[key];
}
