// Every management operation Portico serves, by resource family (one file each).

import type { OperationDefinition } from '../wire/operation.js';
import { restApiOperations } from './rest-apis.js';
import { resourceMethodOperations } from './resource-method-operations.js';
import { deploymentOperations } from './deployments.js';
import { stageOperations } from './stages.js';
import { tagOperations } from './tags.js';
import { gatewayResponseOperations } from './gateway-responses.js';
import { modelOperations } from './models.js';
import { requestValidatorOperations } from './request-validators.js';
import { apiKeyOperations } from './api-keys.js';
import { apiKeyImportOperations } from './api-key-import.js';
import { usagePlanOperations } from './usage-plans.js';
import { usagePlanKeyOperations } from './usage-plan-keys.js';
import { usageOperations } from './usage.js';
import { accountOperations } from './account.js';
import { authorizerOperations } from './authorizers.js';
import { testInvokeAuthorizerOperations } from './test-invoke-authorizer.js';
import { importRestApiOperations } from './import-rest-api.js';
import { exportOperations } from './get-export.js';
import { documentationPartOperations } from './documentation-parts.js';
import { documentationVersionOperations } from './documentation-versions.js';

export const apigatewayOperations: readonly OperationDefinition[] = [...restApiOperations, ...resourceMethodOperations, ...deploymentOperations, ...stageOperations, ...tagOperations, ...gatewayResponseOperations, ...modelOperations, ...requestValidatorOperations, ...apiKeyOperations, ...apiKeyImportOperations, ...usagePlanOperations, ...usagePlanKeyOperations, ...usageOperations, ...accountOperations, ...authorizerOperations, ...testInvokeAuthorizerOperations, ...importRestApiOperations, ...exportOperations, ...documentationPartOperations, ...documentationVersionOperations];
