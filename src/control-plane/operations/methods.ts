// PutMethod, GetMethod, UpdateMethod, DeleteMethod (reference §8.1, §8.2, §7.5). A method is
// stored inside its Resource record under `resourceMethods[VERB]`, with its method responses and
// its integration; deleting a method deletes both.

import type { Method } from '../../model/rest-api.js';
import type { StoreReader } from '../../store/store.js';
import { conflict, ManagementError } from '../management-error.js';
import { type PatchOperation, parsePatchOperations } from '../patch/patch-operations.js';
import { readBoolean, readBooleanMap, readString, readStringList, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import {
  checkAuthorizationScopes,
  checkAuthorizer,
  checkHttpMethod,
  checkMethodRequestParameters,
  checkRequestValidator,
  needsAuthorizer,
  parseAuthorizationType,
} from './method-checks.js';
import { checkModelNames, type MethodTarget, requireMethodTarget, requireResourceTarget, saveTarget } from './method-target.js';
import { lenientBoolean, matchPatchRule, type PatchRule, patchMap, requireMapValue } from './patch-rules.js';

const METHOD_PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}';

const putMethod: OperationDefinition = {
  name: 'PutMethod',
  method: 'PUT',
  path: METHOD_PATH,
  async run(input, { tx }) {
    const { body } = input;
    const authorizationTypeText = readString(body, 'authorizationType');
    if (authorizationTypeText === undefined) {
      throw new ManagementError(
        'ValidationException',
        "1 validation error detected: Value null at 'putMethodInput.authorizationType' failed to satisfy constraint: Member must not be null",
      );
    }
    const target = await requireResourceTarget(tx, input);
    const httpMethod = checkHttpMethod(input.params.http_method);
    // AWS: `Method already exists for this resource` (409) when the verb is taken (test: methods.test.ts).
    if (target.resource.resourceMethods?.[httpMethod]) throw conflict('Method already exists for this resource');
    const authorizationType = parseAuthorizationType(authorizationTypeText);
    const authorizerId = readString(body, 'authorizerId');
    const operationName = readString(body, 'operationName');
    const requestParameters = readBooleanMap(body, 'requestParameters');
    const requestModels = readStringMap(body, 'requestModels');
    const requestValidatorId = readString(body, 'requestValidatorId');
    const authorizationScopes = readStringList(body, 'authorizationScopes');
    const method: Method = {
      httpMethod,
      authorizationType,
      // AWS ignores an authorizer on a method that does not use one (test: methods.test.ts).
      ...(authorizerId && needsAuthorizer(authorizationType) && { authorizerId }),
      apiKeyRequired: readBoolean(body, 'apiKeyRequired') ?? false,
      ...(requestValidatorId && { requestValidatorId }),
      ...(operationName !== undefined && { operationName }),
      ...(requestParameters && Object.keys(requestParameters).length > 0 && { requestParameters }),
      ...(requestModels && Object.keys(requestModels).length > 0 && { requestModels }),
      ...(authorizationScopes && authorizationScopes.length > 0 && { authorizationScopes }),
    };
    checkMethodRequestParameters(method.requestParameters);
    await checkAuthorizer(tx, target.scope, method);
    checkAuthorizationScopes(method);
    await checkRequestValidator(tx, target.scope, method.requestValidatorId);
    await checkModelNames(tx, target.scope, method.requestModels);
    target.resource.resourceMethods = { ...target.resource.resourceMethods, [httpMethod]: method };
    await saveTarget(tx, target);
    return { status: 201, body: method };
  },
};

const getMethod: OperationDefinition = {
  name: 'GetMethod',
  method: 'GET',
  path: METHOD_PATH,
  async run(input, { tx }) {
    return { status: 200, body: (await requireMethodTarget(tx, input)).method };
  },
};

const UPDATE_METHOD_RULES: readonly PatchRule[] = [
  { field: 'authorizationScopes', keyed: false, ops: ['add', 'remove'] },
  { field: 'authorizationType', keyed: false, ops: ['replace'] },
  { field: 'authorizerId', keyed: false, ops: ['replace'] },
  { field: 'apiKeyRequired', keyed: false, ops: ['replace'] },
  { field: 'operationName', keyed: false, ops: ['replace'] },
  { field: 'requestParameters', keyed: true, ops: ['add', 'remove', 'replace'] },
  { field: 'requestModels', keyed: true, ops: ['add', 'remove', 'replace'] },
  { field: 'requestValidatorId', keyed: false, ops: ['replace'] },
];

/** Applies one UpdateMethod patch op to `method` in place; returns whether it set the authorizer id. */
function applyMethodPatch(method: Method, operation: PatchOperation): boolean {
  const { field, key } = matchPatchRule(operation, UPDATE_METHOD_RULES);
  const value = operation.value;
  switch (field) {
    case 'authorizationScopes': {
      const scopes = (method.authorizationScopes ?? []).filter((scope) => scope !== value);
      if (operation.op === 'add' && value !== undefined) scopes.push(value);
      if (scopes.length > 0) method.authorizationScopes = scopes;
      else delete method.authorizationScopes;
      return false;
    }
    case 'authorizationType':
      method.authorizationType = parseAuthorizationType(value ?? '');
      return false;
    case 'authorizerId':
      if (value) method.authorizerId = value;
      else delete method.authorizerId;
      return true;
    case 'apiKeyRequired':
      method.apiKeyRequired = lenientBoolean(operation);
      return false;
    case 'operationName':
      if (value) method.operationName = value;
      else delete method.operationName;
      return false;
    case 'requestValidatorId':
      // AWS: an empty value detaches the validator (test: methods.test.ts).
      if (value) method.requestValidatorId = value;
      else delete method.requestValidatorId;
      return false;
    case 'requestParameters': {
      const parameters = patchMap(method.requestParameters, operation, key, lenientBoolean);
      if (parameters) method.requestParameters = parameters;
      else delete method.requestParameters;
      return false;
    }
    default: {
      const models = patchMap(method.requestModels, operation, key, (op) => requireMapValue(op, 'requestModels'));
      if (models) method.requestModels = models;
      else delete method.requestModels;
      return false;
    }
  }
}

async function updateMethodOf(tx: StoreReader, target: MethodTarget, operations: PatchOperation[]): Promise<Method> {
  const method = structuredClone(target.method);
  const originalAuthorizerId = target.method.authorizerId;
  let authorizerPatched = false;
  for (const operation of operations) authorizerPatched = applyMethodPatch(method, operation) || authorizerPatched;
  if (authorizerPatched && !needsAuthorizer(method.authorizationType)) {
    // AWS ignores a new authorizer id while the method does not use an authorizer (test: methods.test.ts).
    if (originalAuthorizerId === undefined) delete method.authorizerId;
    else method.authorizerId = originalAuthorizerId;
  }
  await checkAuthorizer(tx, target.scope, method);
  checkAuthorizationScopes(method);
  checkMethodRequestParameters(method.requestParameters);
  await checkRequestValidator(tx, target.scope, method.requestValidatorId);
  await checkModelNames(tx, target.scope, method.requestModels);
  return method;
}

const updateMethod: OperationDefinition = {
  name: 'UpdateMethod',
  method: 'PATCH',
  path: METHOD_PATH,
  async run(input, { tx }) {
    const target = await requireMethodTarget(tx, input);
    const method = await updateMethodOf(tx, target, parsePatchOperations(input.body, 'updateMethodInput'));
    target.resource.resourceMethods = { ...target.resource.resourceMethods, [method.httpMethod]: method };
    await saveTarget(tx, target);
    return { status: 200, body: method };
  },
};

const deleteMethod: OperationDefinition = {
  name: 'DeleteMethod',
  method: 'DELETE',
  path: METHOD_PATH,
  async run(input, { tx }) {
    const target = await requireMethodTarget(tx, input);
    const { [target.method.httpMethod]: _deleted, ...rest } = target.resource.resourceMethods ?? {};
    if (Object.keys(rest).length > 0) target.resource.resourceMethods = rest;
    else delete target.resource.resourceMethods;
    await saveTarget(tx, target);
    return { status: 204 };
  },
};

export const methodOperations: OperationDefinition[] = [putMethod, getMethod, updateMethod, deleteMethod];
