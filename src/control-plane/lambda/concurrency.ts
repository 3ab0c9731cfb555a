// PutFunctionConcurrency, GetFunctionConcurrency, DeleteFunctionConcurrency: the function's
// reserved concurrency, which the runtime enforces (beyond it, Invoke is throttled with 429 and
// 0 disables the function). AWS Lambda API reference; tests: lambda-concurrency.test.ts.

import { collections } from '../../store/collections.js';
import { readInteger } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { locateFunction, registerAfterCommit, requireFunction, type LambdaServices } from './function-lookups.js';
import { invalidParameter, quoted, validationError } from './lambda-errors.js';

/** AWS's default account limit and the share that must stay unreserved. */
const ACCOUNT_CONCURRENCY = 1000;
const MINIMUM_UNRESERVED = 100;

export function concurrencyOperations(lambda: LambdaServices): OperationDefinition[] {
  const put: OperationDefinition = {
    name: 'PutFunctionConcurrency',
    method: 'PUT',
    path: '/2017-10-31/functions/{FunctionName}/concurrency',
    async run(input, services) {
      const { tx } = services;
      const { functionName } = locateFunction(input);
      const reserved = readInteger(input.body, 'ReservedConcurrentExecutions');
      if (reserved === undefined) throw validationError('null', 'reservedConcurrentExecutions', 'Member must not be null');
      if (reserved < 0) throw validationError(quoted(reserved), 'reservedConcurrentExecutions', 'Member must have value greater than or equal to 0');
      const record = await requireFunction(tx, input, functionName);
      let others = 0;
      for (const fn of await tx.list(collections.lambdaFunction, input.region, '')) {
        if (fn.functionName !== functionName) others += fn.reservedConcurrency ?? 0;
      }
      if (ACCOUNT_CONCURRENCY - others - reserved < MINIMUM_UNRESERVED) {
        throw invalidParameter(
          `Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [${MINIMUM_UNRESERVED}].`,
        );
      }
      record.reservedConcurrency = reserved;
      await tx.put(collections.lambdaFunction, { region: input.region, parent: '', id: functionName }, record);
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 200, body: { ReservedConcurrentExecutions: reserved } };
    },
  };

  const get: OperationDefinition = {
    name: 'GetFunctionConcurrency',
    method: 'GET',
    path: '/2019-09-30/functions/{FunctionName}/concurrency',
    async run(input, { tx }) {
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      return { status: 200, body: record.reservedConcurrency === undefined ? {} : { ReservedConcurrentExecutions: record.reservedConcurrency } };
    },
  };

  const remove: OperationDefinition = {
    name: 'DeleteFunctionConcurrency',
    method: 'DELETE',
    path: '/2017-10-31/functions/{FunctionName}/concurrency',
    async run(input, services) {
      const { tx } = services;
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      record.reservedConcurrency = undefined;
      await tx.put(collections.lambdaFunction, { region: input.region, parent: '', id: functionName }, record);
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 204 };
    },
  };

  return [put, get, remove];
}
