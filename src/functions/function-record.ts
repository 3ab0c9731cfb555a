// The stored shapes of Lambda functions (store collections `lambdafunction`, `lambdaversion`,
// `lambdaalias`): what the management API writes and start-up restores into the FunctionRegistry.
// AWS Lambda API reference: FunctionConfiguration, AliasConfiguration, GetPolicy.

import type { StoredCode } from './code/code-store.js';

/** `$LATEST` or a published version: the configuration Lambda reports, plus Portico's own fields. */
export interface FunctionVersionRecord {
  functionName: string;
  /** `$LATEST` or `1`, `2`... */
  version: string;
  runtime: string;
  /** Absent only for `provided*` runtimes, which need none. */
  handler: string | undefined;
  role: string;
  description: string;
  timeout: number;
  memorySize: number;
  /** `undefined` when the function never had an Environment (Lambda then omits it). */
  environment: Record<string, string> | undefined;
  architectures: string[];
  ephemeralStorageSize: number;
  tracingMode: string;
  code: StoredCode;
  /** Lambda's format, e.g. `2026-01-01T00:00:00.000+0000`. */
  lastModified: string;
  /** The public RevisionId: changes on every change of the version (code, configuration, policy). */
  revisionId: string;
  /** Changes only when code or configuration changes: the runtime keys its warm workers by it. */
  codeRevision: string;
}

/** One statement of a function's resource-based policy (AddPermission). */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Principal: string | Record<string, string>;
  Action: string;
  Resource: string;
  Condition?: Record<string, Record<string, string>>;
}

/** parent '', id = function name. */
export interface FunctionRecord {
  functionName: string;
  latest: FunctionVersionRecord;
  /** The number PublishVersion gives next. */
  nextVersion: number;
  /** PutFunctionConcurrency; `undefined` when unreserved. */
  reservedConcurrency: number | undefined;
  /** Resource-based policy statements by qualifier (`$LATEST`, a version, an alias). */
  policies: Record<string, PolicyStatement[]>;
  tags: Record<string, string> | undefined;
}

/** parent `lambda:{name}`, id = alias name. */
export interface AliasRecord {
  name: string;
  functionVersion: string;
  description: string;
  /** `AdditionalVersionWeights`: version → share of invocations (0 ≤ w < 1). */
  additionalVersionWeights: Record<string, number> | undefined;
  revisionId: string;
}

/** The store `parent` of a function's versions and aliases (never a REST API id). */
export function functionParent(functionName: string): string {
  return `lambda:${functionName}`;
}
