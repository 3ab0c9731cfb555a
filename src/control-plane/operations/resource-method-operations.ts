// The resource-tree families registered together: resources, methods, method responses,
// integrations, integration responses, and the model reads they depend on (reference §8.1).

import type { OperationDefinition } from '../wire/operation.js';
import { integrationResponseOperations } from './integration-responses.js';
import { integrationOperations } from './integrations.js';
import { methodResponseOperations } from './method-responses.js';
import { methodOperations } from './methods.js';
import { modelReadOperations } from './models.js';
import { resourceOperations } from './resources.js';

export const resourceMethodOperations: readonly OperationDefinition[] = [
  ...resourceOperations,
  ...methodOperations,
  ...methodResponseOperations,
  ...integrationOperations,
  ...integrationResponseOperations,
  ...modelReadOperations,
];
