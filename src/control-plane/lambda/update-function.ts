// UpdateFunctionCode and UpdateFunctionConfiguration: both change $LATEST only, give it a new
// RevisionId and code revision (the runtime then starts fresh workers for new invocations while
// in-flight ones finish on the old code), and may publish. AWS Lambda API reference; tests:
// lambda-api.test.ts, lambda-runtime-wiring.test.ts.

import { randomUUID } from 'node:crypto';
import { collections } from '../../store/collections.js';
import { readBoolean, readInteger, readObject, readString, readStringList, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { storeCode } from './function-code.js';
import { locateFunction, registerAfterCommit, requireFunction, type LambdaServices } from './function-lookups.js';
import { checkArchitectures, checkDescription, checkEnvironment, checkHandler, checkMemorySize, checkRole, checkRuntime, checkTimeout } from './lambda-checks.js';
import { revisionMismatch } from './lambda-errors.js';
import { lambdaDate, renderConfiguration } from './render-function.js';
import { publishVersion } from './versions.js';

export function updateFunctionOperations(lambda: LambdaServices): OperationDefinition[] {
  const updateCode: OperationDefinition = {
    name: 'UpdateFunctionCode',
    method: 'PUT',
    path: '/2015-03-31/functions/{FunctionName}/code',
    async run(input, services) {
      const { tx, clock } = services;
      const { body, region } = input;
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const revisionId = readString(body, 'RevisionId');
      if (revisionId !== undefined && revisionId !== record.latest.revisionId) throw revisionMismatch();
      const architectures = readStringList(body, 'Architectures');
      if (architectures !== undefined) checkArchitectures(architectures);
      const code = await storeCode(body, region, functionName, lambda);
      if (readBoolean(body, 'DryRun') === true) {
        return { status: 200, body: renderConfiguration(region, input.accountId, record.latest, { updateStatus: true }) };
      }
      record.latest = {
        ...record.latest,
        code,
        ...(architectures !== undefined && { architectures }),
        lastModified: lambdaDate(clock.now()),
        revisionId: randomUUID(),
        codeRevision: randomUUID(),
      };
      await tx.put(collections.lambdaFunction, { region, parent: '', id: functionName }, record);
      let shown = record.latest;
      let qualifier: string | undefined;
      if (readBoolean(body, 'Publish') === true) {
        shown = await publishVersion(tx, input, record, {});
        qualifier = shown.version;
      }
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 200, body: renderConfiguration(region, input.accountId, shown, { qualifier, updateStatus: qualifier === undefined }) };
    },
  };

  const updateConfiguration: OperationDefinition = {
    name: 'UpdateFunctionConfiguration',
    method: 'PUT',
    path: '/2015-03-31/functions/{FunctionName}/configuration',
    async run(input, services) {
      const { tx, clock } = services;
      const { body, region } = input;
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const revisionId = readString(body, 'RevisionId');
      if (revisionId !== undefined && revisionId !== record.latest.revisionId) throw revisionMismatch();
      const latest = { ...record.latest };
      const role = readString(body, 'Role');
      if (role !== undefined) latest.role = checkRole(role);
      const handler = readString(body, 'Handler');
      if (handler !== undefined) {
        checkHandler(handler);
        latest.handler = handler;
      }
      const description = readString(body, 'Description');
      if (description !== undefined) {
        checkDescription(description);
        latest.description = description;
      }
      const timeout = readInteger(body, 'Timeout');
      if (timeout !== undefined) {
        checkTimeout(timeout);
        latest.timeout = timeout;
      }
      const memorySize = readInteger(body, 'MemorySize');
      if (memorySize !== undefined) {
        checkMemorySize(memorySize);
        latest.memorySize = memorySize;
      }
      const runtime = readString(body, 'Runtime');
      if (runtime !== undefined) {
        checkRuntime(runtime);
        latest.runtime = runtime;
      }
      const environment = readObject(body, 'Environment');
      if (environment !== undefined) {
        const variables = readStringMap(environment, 'Variables') ?? {};
        checkEnvironment(variables);
        latest.environment = variables;
      }
      const storage = readObject(body, 'EphemeralStorage');
      if (storage !== undefined) latest.ephemeralStorageSize = readInteger(storage, 'Size') ?? 512;
      const tracing = readObject(body, 'TracingConfig');
      if (tracing !== undefined) latest.tracingMode = readString(tracing, 'Mode') ?? latest.tracingMode;
      latest.lastModified = lambdaDate(clock.now());
      latest.revisionId = randomUUID();
      latest.codeRevision = randomUUID();
      record.latest = latest;
      await tx.put(collections.lambdaFunction, { region, parent: '', id: functionName }, record);
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 200, body: renderConfiguration(region, input.accountId, latest, { updateStatus: true }) };
    },
  };

  return [updateCode, updateConfiguration];
}
