// PutMethodResponse, GetMethodResponse, UpdateMethodResponse, DeleteMethodResponse (reference §8.1).
// Method responses live in `method.methodResponses[statusCode]`. AWS answers UpdateMethodResponse
// with 201, not 200.

import type { MethodResponse } from '../../model/rest-api.js';
import { conflict, notFound } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { readBooleanMap, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { checkMethodResponseParameters } from './mapping-expressions.js';
import { checkModelNames, checkStatusCode, type MethodTarget, requireMethodTarget, saveTarget } from './method-target.js';
import { lenientBoolean, matchPatchRule, type PatchRule, patchMap, requireMapValue } from './patch-rules.js';

const METHOD_RESPONSE_PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/responses/{status_code}';

export function requireMethodResponse(target: MethodTarget, statusCode: string): MethodResponse {
  const response = target.method.methodResponses?.[statusCode];
  if (!response) throw notFound('Invalid Response status code specified');
  return response;
}

function storeMethodResponse(target: MethodTarget, response: MethodResponse): void {
  target.method.methodResponses = { ...target.method.methodResponses, [response.statusCode]: response };
  target.resource.resourceMethods = { ...target.resource.resourceMethods, [target.method.httpMethod]: target.method };
}

const putMethodResponse: OperationDefinition = {
  name: 'PutMethodResponse',
  method: 'PUT',
  path: METHOD_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    const target = await requireMethodTarget(tx, input);
    // AWS: `Response already exists for this resource` (409) (test: methods.test.ts).
    if (target.method.methodResponses?.[statusCode]) throw conflict('Response already exists for this resource');
    const responseParameters = readBooleanMap(input.body, 'responseParameters');
    const responseModels = readStringMap(input.body, 'responseModels');
    const response: MethodResponse = {
      statusCode,
      ...(responseParameters && Object.keys(responseParameters).length > 0 && { responseParameters }),
      ...(responseModels && Object.keys(responseModels).length > 0 && { responseModels }),
    };
    checkMethodResponseParameters(response.responseParameters);
    await checkModelNames(tx, target.scope, response.responseModels);
    storeMethodResponse(target, response);
    await saveTarget(tx, target);
    return { status: 201, body: response };
  },
};

const getMethodResponse: OperationDefinition = {
  name: 'GetMethodResponse',
  method: 'GET',
  path: METHOD_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    return { status: 200, body: requireMethodResponse(await requireMethodTarget(tx, input), statusCode) };
  },
};

const UPDATE_METHOD_RESPONSE_RULES: readonly PatchRule[] = [
  { field: 'responseParameters', keyed: true, ops: ['add', 'remove', 'replace'] },
  { field: 'responseModels', keyed: true, ops: ['add', 'remove', 'replace'] },
];

const updateMethodResponse: OperationDefinition = {
  name: 'UpdateMethodResponse',
  method: 'PATCH',
  path: METHOD_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    const target = await requireMethodTarget(tx, input);
    const response = structuredClone(requireMethodResponse(target, statusCode));
    for (const operation of parsePatchOperations(input.body, 'updateMethodResponseInput')) {
      const { field, key } = matchPatchRule(operation, UPDATE_METHOD_RESPONSE_RULES);
      if (field === 'responseParameters') {
        const parameters = patchMap(response.responseParameters, operation, key, lenientBoolean);
        if (parameters) response.responseParameters = parameters;
        else delete response.responseParameters;
      } else {
        const models = patchMap(response.responseModels, operation, key, (op) => requireMapValue(op, 'responseModels'));
        if (models) response.responseModels = models;
        else delete response.responseModels;
      }
    }
    checkMethodResponseParameters(response.responseParameters);
    await checkModelNames(tx, target.scope, response.responseModels);
    storeMethodResponse(target, response);
    await saveTarget(tx, target);
    // AWS: UpdateMethodResponse answers 201 (reference §8.1; test: methods.test.ts).
    return { status: 201, body: response };
  },
};

const deleteMethodResponse: OperationDefinition = {
  name: 'DeleteMethodResponse',
  method: 'DELETE',
  path: METHOD_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    const target = await requireMethodTarget(tx, input);
    requireMethodResponse(target, statusCode);
    const { [statusCode]: _deleted, ...rest } = target.method.methodResponses ?? {};
    if (Object.keys(rest).length > 0) target.method.methodResponses = rest;
    else delete target.method.methodResponses;
    target.resource.resourceMethods = { ...target.resource.resourceMethods, [target.method.httpMethod]: target.method };
    await saveTarget(tx, target);
    return { status: 204 };
  },
};

export const methodResponseOperations: OperationDefinition[] = [putMethodResponse, getMethodResponse, updateMethodResponse, deleteMethodResponse];
