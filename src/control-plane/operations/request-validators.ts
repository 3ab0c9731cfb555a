// CreateRequestValidator, GetRequestValidator(s), UpdateRequestValidator, DeleteRequestValidator
// (reference §4, §8.1). A validator is `{id, name, validateRequestBody, validateRequestParameters}`;
// methods point at it with `requestValidatorId`. AWS's messages (tests: request-validators.test.ts).

import type { RequestValidator, Resource } from '../../model/rest-api.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, conflict, notFound } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { readBoolean, readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';

const VALIDATOR_PATH = '/restapis/{restapi_id}/requestvalidators/{requestvalidator_id}';
const NOT_FOUND = 'Invalid Request Validator identifier specified';
/** AWS: `Request Validator name cannot be blank` (observed on UpdateRequestValidator; assumed for create; test: request-validators.test.ts). */
const BLANK_NAME = 'Request Validator name cannot be blank';

/** AWS: an unknown API and an unknown validator both answer `Invalid Request Validator identifier specified` (404; test: request-validators.test.ts). */
async function requireValidator(tx: StoreReader, input: OperationInput): Promise<RequestValidator> {
  const validator = await tx.get(collections.requestValidator, input.region, input.params.restapi_id ?? '', input.params.requestvalidator_id ?? '');
  if (!validator) throw notFound(NOT_FOUND);
  return validator;
}

const createRequestValidator: OperationDefinition = {
  name: 'CreateRequestValidator',
  method: 'POST',
  path: '/restapis/{restapi_id}/requestvalidators',
  async run(input, { tx }) {
    const apiId = input.params.restapi_id ?? '';
    // AWS: an unknown API is a 400 here, `Invalid REST API identifier specified` (observed; test: request-validators.test.ts).
    if (!(await tx.get(collections.restApi, input.region, '', apiId))) throw badRequest('Invalid REST API identifier specified');
    const name = readString(input.body, 'name');
    if (name !== undefined && name.trim() === '') throw badRequest(BLANK_NAME);
    const validator: RequestValidator = {
      id: generateId(6),
      ...(name !== undefined && { name }),
      validateRequestBody: readBoolean(input.body, 'validateRequestBody') ?? false,
      validateRequestParameters: readBoolean(input.body, 'validateRequestParameters') ?? false,
    };
    await tx.put(collections.requestValidator, { region: input.region, parent: apiId, id: validator.id }, validator);
    return { status: 201, body: validator };
  },
};

const getRequestValidators: OperationDefinition = {
  name: 'GetRequestValidators',
  method: 'GET',
  path: '/restapis/{restapi_id}/requestvalidators',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    return { status: 200, body: paginate(await tx.list(collections.requestValidator, input.region, api.id), input.query) };
  },
};

const getRequestValidator: OperationDefinition = {
  name: 'GetRequestValidator',
  method: 'GET',
  path: VALIDATOR_PATH,
  async run(input, { tx }) {
    return { status: 200, body: await requireValidator(tx, input) };
  },
};

const UPDATABLE = ['/name', '/validateRequestParameters', '/validateRequestBody'];

const updateRequestValidator: OperationDefinition = {
  name: 'UpdateRequestValidator',
  method: 'PATCH',
  path: VALIDATOR_PATH,
  async run(input, { tx }) {
    const validator = structuredClone(await requireValidator(tx, input));
    for (const operation of parsePatchOperations(input.body, 'updateRequestValidatorInput')) {
      // AWS: only `replace`, on three paths (messages observed; test: request-validators.test.ts).
      if (operation.op !== 'replace') throw badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
      if (!UPDATABLE.includes(operation.path)) {
        throw badRequest(`Invalid patch path  '${operation.path}' specified for op 'replace'. Must be one of: [${UPDATABLE.join(', ')}]`);
      }
      if (operation.path === '/name') {
        if (operation.value === undefined || operation.value.trim() === '') throw badRequest(BLANK_NAME);
        validator.name = operation.value;
      } else {
        // AWS: a replace without a value sets the flag to false (observed; test: request-validators.test.ts).
        const value = operation.value?.toLowerCase() === 'true';
        if (operation.path === '/validateRequestBody') validator.validateRequestBody = value;
        else validator.validateRequestParameters = value;
      }
    }
    await tx.put(collections.requestValidator, { region: input.region, parent: input.params.restapi_id ?? '', id: validator.id }, validator);
    return { status: 200, body: validator };
  },
};

/** The first method using the validator, as AWS names methods in messages: `{resource path}/{VERB}`. */
function methodUsing(resources: readonly Resource[], validatorId: string): string | undefined {
  for (const resource of resources) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      if (method.requestValidatorId === validatorId) return `${resource.path}/${method.httpMethod}`;
    }
  }
  return undefined;
}

const deleteRequestValidator: OperationDefinition = {
  name: 'DeleteRequestValidator',
  method: 'DELETE',
  path: VALIDATOR_PATH,
  async run(input, { tx }) {
    const validator = await requireValidator(tx, input);
    const apiId = input.params.restapi_id ?? '';
    const user = methodUsing(await tx.list(collections.resource, input.region, apiId), validator.id);
    // AWS refuses to delete a validator a method uses, like a model (wording UNCONFIRMED; test: request-validators.test.ts).
    if (user !== undefined) throw conflict(`Cannot delete request validator '${validator.id}', is referenced in method request: ${user}`);
    await tx.delete(collections.requestValidator, { region: input.region, parent: apiId, id: validator.id });
    return { status: 202 };
  },
};

export const requestValidatorOperations: OperationDefinition[] = [
  createRequestValidator,
  getRequestValidators,
  getRequestValidator,
  updateRequestValidator,
  deleteRequestValidator,
];
