// Deploy time: the frozen API's resource policy (`policy`, as UpdateRestApi stored it) compiled into
// the snapshot, so the resource-policy stage and the authorizers evaluate it without parsing; a
// policy changed later takes effect at the next deployment, as on AWS. API Gateway developer guide
// "Control access to a REST API with API Gateway resource policies".

import { PolicyDocumentError, type CompiledPolicy } from '../iam/policy-document.js';
import { parseStoredResourcePolicy } from '../iam/resource-policy-text.js';
import type { RestApi } from '../model/rest-api.js';
import { DeploymentCompileError } from './deployment-compile-error.js';

/** AWS's message for a policy it refuses (UpdateRestApi / CreateRestApi; reused for one stored otherwise). */
export const INVALID_POLICY = 'Invalid policy document. Please check the policy syntax and ensure that Principals are valid.';

/** `undefined` when the API has no resource policy. */
export function compileResourcePolicy(restApi: RestApi): CompiledPolicy | undefined {
  if (restApi.policy === undefined || restApi.policy === '') return undefined;
  try {
    return parseStoredResourcePolicy(restApi.policy);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw new DeploymentCompileError(INVALID_POLICY);
    throw error;
  }
}
