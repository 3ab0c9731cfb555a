// CreateFunction: checks the configuration with Lambda's messages, stores the code (zip unpacked
// under the data dir, or a mounted directory), writes the function and, with `Publish`, version 1.
// The function is `Active` at once (Portico has nothing to provision). AWS Lambda API reference
// "CreateFunction"; tests: lambda-api.test.ts.

import { randomUUID } from 'node:crypto';
import { parseFunctionReference } from '../../functions/function-arn.js';
import type { FunctionRecord, FunctionVersionRecord } from '../../functions/function-record.js';
import { collections } from '../../store/collections.js';
import { readBoolean, readInteger, readObject, readString, readStringList, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { storeCode } from './function-code.js';
import { registerAfterCommit, type LambdaServices } from './function-lookups.js';
import { checkArchitectures, checkDescription, checkEnvironment, checkHandler, checkMemorySize, checkRole, checkRuntime, checkTimeout } from './lambda-checks.js';
import { invalidParameter, quoted, resourceConflict, resourceNotFound, validationError } from './lambda-errors.js';
import { lambdaDate, renderConfiguration } from './render-function.js';
import { publishVersion } from './versions.js';

const NAME_PATTERN =
  '(arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?';

/** AWS defaults (test: lambda-api.test.ts). */
export const DEFAULT_TIMEOUT = 3;
export const DEFAULT_MEMORY_SIZE = 128;

export function createFunctionOperation(lambda: LambdaServices): OperationDefinition {
  return {
    name: 'CreateFunction',
    method: 'POST',
    path: '/2015-03-31/functions',
    async run(input, services) {
      const { body, region } = input;
      const architectures = readStringList(body, 'Architectures');
      if (architectures !== undefined) checkArchitectures(architectures);
      const environment = readStringMap(readObject(body, 'Environment') ?? {}, 'Variables');
      if (environment !== undefined) checkEnvironment(environment);
      const role = checkRole(readString(body, 'Role'));
      const packageType = readString(body, 'PackageType') ?? 'Zip';
      if (packageType !== 'Zip') throw invalidParameter(`Portico runs functions with PackageType Zip only (got ${packageType}).`);
      const runtime = readString(body, 'Runtime');
      if (runtime !== undefined) checkRuntime(runtime);
      const functionName = checkFunctionName(readString(body, 'FunctionName'), region, input.accountId);
      const handler = readString(body, 'Handler');
      // AWS: a zip function needs both, except OS-only runtimes, which need no handler.
      if (runtime === undefined || (handler === undefined && !runtime.startsWith('provided'))) {
        throw invalidParameter('Runtime and Handler are mandatory parameters for functions created with deployment packages.');
      }
      if (handler !== undefined) checkHandler(handler);
      const timeout = readInteger(body, 'Timeout') ?? DEFAULT_TIMEOUT;
      checkTimeout(timeout);
      const memorySize = readInteger(body, 'MemorySize') ?? DEFAULT_MEMORY_SIZE;
      checkMemorySize(memorySize);
      const description = readString(body, 'Description') ?? '';
      checkDescription(description);
      if (await services.tx.get(collections.lambdaFunction, region, '', functionName)) {
        // AWS: `Function already exist: {name}` (sic; test: lambda-api.test.ts).
        throw resourceConflict(`Function already exist: ${functionName}`);
      }
      const codeMembers = readObject(body, 'Code');
      if (codeMembers === undefined) throw validationError('null', 'code', 'Member must not be null');
      const code = await storeCode(codeMembers, region, functionName, lambda);
      const latest: FunctionVersionRecord = {
        functionName,
        version: '$LATEST',
        runtime,
        handler,
        role,
        description,
        timeout,
        memorySize,
        environment,
        architectures: architectures ?? ['x86_64'],
        ephemeralStorageSize: readInteger(readObject(body, 'EphemeralStorage') ?? {}, 'Size') ?? 512,
        tracingMode: readString(readObject(body, 'TracingConfig') ?? {}, 'Mode') ?? 'PassThrough',
        code,
        lastModified: lambdaDate(services.clock.now()),
        revisionId: randomUUID(),
        codeRevision: randomUUID(),
      };
      const record: FunctionRecord = {
        functionName,
        latest,
        nextVersion: 1,
        reservedConcurrency: undefined,
        policies: {},
        tags: readStringMap(body, 'Tags'),
      };
      await services.tx.put(collections.lambdaFunction, { region, parent: '', id: functionName }, record);
      let shown = latest;
      let qualifier: string | undefined;
      if (readBoolean(body, 'Publish') === true) {
        shown = await publishVersion(services.tx, input, record, {});
        qualifier = shown.version;
      }
      await registerAfterCommit(services.tx, input, services, lambda, record);
      return { status: 201, body: renderConfiguration(region, input.accountId, shown, { qualifier, updateStatus: false }) };
    },
  };
}

/**
 * A name (≤ 64 characters), a partial ARN or an unqualified ARN of this account and region.
 * AWS: a bad bare name is InvalidParameterValueException, a bad ARN a ValidationException.
 */
function checkFunctionName(reference: string | undefined, region: string, accountId: string): string {
  if (reference === undefined) throw validationError('null', 'functionName', 'Member must not be null');
  const locator = parseFunctionReference(reference);
  if (locator === undefined || locator.qualifier !== undefined || !/^[a-zA-Z0-9_-]+$/.test(locator.functionName)) {
    throw validationError(quoted(reference), 'functionName', `Member must satisfy regular expression pattern: ${NAME_PATTERN}`);
  }
  if (locator.region !== undefined && locator.region !== region) {
    throw resourceNotFound(`Functions from '${locator.region}' are not reachable in this region ('${region}')`);
  }
  if (locator.accountId !== undefined && locator.accountId !== accountId) {
    throw validationError(quoted(reference), 'functionName', `Member must satisfy regular expression pattern: ${NAME_PATTERN}`);
  }
  if (locator.functionName.length > 64) {
    throw invalidParameter(`1 validation error detected: Value '${locator.functionName}' at 'functionName' failed to satisfy constraint: Member must have length less than or equal to 64`);
  }
  return locator.functionName;
}
