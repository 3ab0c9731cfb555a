// The resource-tree families registered together: resources, methods, method responses,
// integrations and integration responses (reference §8.1). Models are their own family (models.ts).

import type { OperationDefinition } from '../wire/operation.js';
import { integrationResponseOperations } from './integration-responses.js';
import { integrationOperations } from './integrations.js';
import { methodResponseOperations } from './method-responses.js';
import { methodOperations } from './methods.js';
import { resourceOperations } from './resources.js';

export const resourceMethodOperations: readonly OperationDefinition[] = [
  ...resourceOperations,
  ...methodOperations,
  ...methodResponseOperations,
  ...integrationOperations,
  ...integrationResponseOperations,
];
