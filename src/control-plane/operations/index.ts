// Every management operation Portico serves, by resource family (one file each).

import type { OperationDefinition } from '../wire/operation.js';
import { restApiOperations } from './rest-apis.js';
import { resourceMethodOperations } from './resource-method-operations.js';
import { deploymentOperations } from './deployments.js';
import { stageOperations } from './stages.js';
import { tagOperations } from './tags.js';
import { gatewayResponseOperations } from './gateway-responses.js';

export const apigatewayOperations: readonly OperationDefinition[] = [...restApiOperations, ...resourceMethodOperations, ...deploymentOperations, ...stageOperations, ...tagOperations, ...gatewayResponseOperations];
