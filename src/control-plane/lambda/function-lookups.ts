// Finding the function a Lambda call names (name, partial ARN or ARN, `:qualifier`), with Lambda's
// validation and not-found messages, and re-registering a function in the FunctionRegistry after
// a committed change. AWS Lambda API reference "FunctionName"; tests: lambda-api.test.ts.

import type { CodeStore } from '../../functions/code/code-store.js';
import { isVersionNumber, parseFunctionReference } from '../../functions/function-arn.js';
import type { FunctionRuntime } from '../../functions/function-definition.js';
import { functionParent, type FunctionRecord, type FunctionVersionRecord } from '../../functions/function-record.js';
import type { FunctionRegistry } from '../../functions/function-registry.js';
import { toRegisteredFunction } from '../../functions/register-function.js';
import type { Logger } from '../../observability/logger.js';
import type { Clock } from '../../shared/clock.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import type { OperationInput, OperationServices } from '../wire/operation.js';
import { functionNotFound, invalidParameter, quoted, resourceNotFound, validationError } from './lambda-errors.js';

/** What the Lambda operations share, created once by the composition root. */
export interface LambdaServices {
  functions: FunctionRegistry;
  runtime: FunctionRuntime;
  codeStore: CodeStore;
  logger: Logger;
  clock: Clock;
}

const NAME_PATTERN = (dot: boolean): string =>
  `(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_${dot ? '\\.' : ''}]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?`;

export interface LocatedFunction {
  functionName: string;
  qualifier: string | undefined;
}

/**
 * Reads the `FunctionName` path parameter and the `Qualifier` query parameter. AWS messages the
 * pattern with `\.` for GetFunction and Invoke only (test: lambda-api.test.ts).
 */
export function locateFunction(input: OperationInput, options: { dotInPattern?: boolean; qualifier?: string | undefined } = {}): LocatedFunction {
  const reference = input.params.FunctionName ?? '';
  const locator = parseFunctionReference(reference);
  const maxLength = 170;
  if (locator === undefined || reference.length > maxLength) {
    const constraint =
      reference.length > maxLength
        ? `Member must have length less than or equal to ${maxLength}`
        : `Member must satisfy regular expression pattern: ${NAME_PATTERN(options.dotInPattern === true)}`;
    throw validationError(quoted(reference), 'functionName', constraint);
  }
  if (locator.region !== undefined && locator.region !== input.region) {
    throw resourceNotFound(`Functions from '${locator.region}' are not reachable in this region ('${input.region}')`);
  }
  const qualifier = options.qualifier ?? input.query.get('Qualifier') ?? undefined;
  if (qualifier !== undefined && !/^[a-zA-Z0-9$_-]+$/.test(qualifier)) {
    throw validationError(quoted(qualifier), 'qualifier', 'Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)');
  }
  if (qualifier !== undefined && locator.qualifier !== undefined && qualifier !== locator.qualifier) {
    throw invalidParameter('The derived qualifier from the function name does not match the specified qualifier.');
  }
  return { functionName: locator.functionName, qualifier: qualifier ?? locator.qualifier };
}

export async function requireFunction(tx: StoreReader, input: OperationInput, functionName: string, qualifier?: string): Promise<FunctionRecord> {
  const record = await tx.get(collections.lambdaFunction, input.region, '', functionName);
  if (record === undefined) throw functionNotFound(input.region, input.accountId, functionName, qualifier);
  return record;
}

/** After the transaction commits, the registry serves the function as stored now. */
export async function registerAfterCommit(tx: StoreReader, input: OperationInput, services: OperationServices, lambda: LambdaServices, record: FunctionRecord): Promise<void> {
  const parent = functionParent(record.functionName);
  const versions = await tx.list(collections.lambdaVersion, input.region, parent);
  const aliases = await tx.list(collections.lambdaAlias, input.region, parent);
  const entry = toRegisteredFunction(input.region, input.accountId, record, versions, aliases, lambda.codeStore);
  services.afterCommit(() => lambda.functions.set(input.region, entry));
}

export interface ResolvedVersion {
  version: FunctionVersionRecord;
  /** What the returned FunctionArn ends with: `undefined` (unqualified), a version or an alias. */
  arnQualifier: string | undefined;
}

/** The version a qualifier names ($LATEST, a number, an alias); Lambda's not-found otherwise. */
export async function resolveVersion(tx: StoreReader, input: OperationInput, record: FunctionRecord, qualifier: string | undefined): Promise<ResolvedVersion> {
  if (qualifier === undefined) return { version: record.latest, arnQualifier: undefined };
  if (qualifier === '$LATEST') return { version: record.latest, arnQualifier: qualifier };
  const parent = functionParent(record.functionName);
  let versionNumber = qualifier;
  if (!isVersionNumber(qualifier)) {
    const alias = await tx.get(collections.lambdaAlias, input.region, parent, qualifier);
    if (alias === undefined) throw functionNotFound(input.region, input.accountId, record.functionName, qualifier);
    if (alias.functionVersion === '$LATEST') return { version: record.latest, arnQualifier: qualifier };
    versionNumber = alias.functionVersion;
  }
  const version = await tx.get(collections.lambdaVersion, input.region, parent, versionNumber);
  if (version === undefined) throw functionNotFound(input.region, input.accountId, record.functionName, qualifier);
  return { version, arnQualifier: qualifier };
}
