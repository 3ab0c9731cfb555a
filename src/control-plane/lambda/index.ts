// Every Lambda (2015-03-31) management operation Portico serves, created over the shared Lambda
// services (function registry, runtime, code store) and handed by the composition root to the same
// management handler as the apigateway operations (the SigV4 scope service is `lambda`).

import type { OperationDefinition } from '../wire/operation.js';
import { aliasOperations } from './aliases.js';
import { concurrencyOperations } from './concurrency.js';
import { createFunctionOperation } from './create-function.js';
import type { LambdaServices } from './function-lookups.js';
import { functionOperations } from './functions.js';
import { invokeOperation } from './invoke.js';
import { permissionOperations } from './permissions.js';
import { updateFunctionOperations } from './update-function.js';
import { versionOperations } from './versions.js';

export type { LambdaServices } from './function-lookups.js';

export function createLambdaOperations(lambda: LambdaServices): OperationDefinition[] {
  return [
    createFunctionOperation(lambda),
    ...functionOperations(lambda),
    ...updateFunctionOperations(lambda),
    invokeOperation(lambda),
    ...versionOperations(lambda),
    ...aliasOperations(lambda),
    ...permissionOperations(lambda),
    ...concurrencyOperations(lambda),
  ];
}
