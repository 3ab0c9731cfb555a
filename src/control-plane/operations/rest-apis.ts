// CreateRestApi, GetRestApi, GetRestApis, UpdateRestApi, DeleteRestApi (reference §8.1, §8.2).
// Creating an API also creates its root resource and the default `Empty` and `Error` models;
// deleting it also removes its stages from every usage plan.

import { PolicyDocumentError } from '../../iam/policy-document.js';
import { normalizeResourcePolicy, type PolicyTarget } from '../../iam/resource-policy-text.js';
import type { Model, RestApi } from '../../model/rest-api.js';
import { generateId } from '../../shared/ids.js';
import { INVALID_POLICY } from '../../snapshot/compile-resource-policy.js';
import { collections } from '../../store/collections.js';
import { badRequest, ManagementError } from '../management-error.js';
import { booleanValue, integerValue, invalidPatchPath, parsePatchOperations, requireValue } from '../patch/patch-operations.js';
import { readBoolean, readInteger, readObject, readString, readStringList, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { paginate } from './pagination.js';
import { requireRestApi } from './lookups.js';
import { removeDeletedApiStages } from './usage-plan-stages.js';

const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'];
const MAX_COMPRESSION = 10485760;

/** AWS: each new API gets these two models (reference §4, test: rest-apis.test.ts). */
function defaultModels(): Model[] {
  return [
    {
      id: generateId(6),
      name: 'Empty',
      description: 'This is a default empty schema model',
      schema: '{\n  "$schema": "http://json-schema.org/draft-04/schema#",\n  "title" : "Empty Schema",\n  "type" : "object"\n}',
      contentType: 'application/json',
    },
    {
      id: generateId(6),
      name: 'Error',
      description: 'This is a default error schema model',
      schema:
        '{\n  "$schema" : "http://json-schema.org/draft-04/schema#",\n  "title" : "Error Schema",\n  "type" : "object",\n  "properties" : {\n    "message" : { "type" : "string" }\n  }\n}',
      contentType: 'application/json',
    },
  ];
}

function checkMinimumCompressionSize(value: number | undefined): void {
  if (value !== undefined && (value < 0 || value > MAX_COMPRESSION)) {
    throw badRequest('Invalid minimum compression size, must be between 0 and 10485760');
  }
}

function checkEndpointTypes(types: string[], inputName: string): void {
  if (types.length > 1) throw badRequest('Cannot create an api with multiple Endpoint Types.');
  for (const type of types) {
    if (!ENDPOINT_TYPES.includes(type)) {
      throw new ManagementError(
        'ValidationException',
        `1 validation error detected: Value '[${types.join(', ')}]' at '${inputName}.endpointConfiguration.types' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [PRIVATE, EDGE, REGIONAL]]`,
      );
    }
  }
}

/**
 * AWS: a resource policy is validated, its `execute-api:/…` resources expanded to this API's ARNs,
 * and stored (and returned) minified with escaped quotes and slashes; a policy IAM would refuse is
 * 400 with one generic message (test: resource-policies.test.ts "round trip", "invalid policy").
 */
function storedResourcePolicy(text: string, target: PolicyTarget): string {
  try {
    return normalizeResourcePolicy(text, target);
  } catch (error) {
    if (error instanceof PolicyDocumentError) throw badRequest(INVALID_POLICY);
    throw error;
  }
}

/** The wire shape: AWS omits an empty `binaryMediaTypes` list. */
function renderRestApi(api: RestApi): RestApi {
  if (api.binaryMediaTypes && api.binaryMediaTypes.length === 0) {
    const { binaryMediaTypes: _omitted, ...rest } = api;
    return rest;
  }
  return api;
}

const createRestApi: OperationDefinition = {
  name: 'CreateRestApi',
  method: 'POST',
  path: '/restapis',
  async run(input, { tx, clock }) {
    const { body } = input;
    const name = readString(body, 'name');
    if (name === undefined || name === '') throw badRequest('Invalid REST API name specified: name must be non-empty');
    if (name.length > 1024) throw badRequest('Invalid REST API name specified: name must be at most 1024 characters');
    const description = readString(body, 'description');
    if (description === '') throw badRequest('Description cannot be an empty string');
    const minimumCompressionSize = readInteger(body, 'minimumCompressionSize');
    checkMinimumCompressionSize(minimumCompressionSize);
    const apiKeySource = readString(body, 'apiKeySource') ?? 'HEADER';
    if (apiKeySource !== 'HEADER' && apiKeySource !== 'AUTHORIZER') {
      throw new ManagementError(
        'ValidationException',
        `1 validation error detected: Value '${apiKeySource}' at 'createRestApiInput.apiKeySource' failed to satisfy constraint: Member must satisfy enum value set: [HEADER, AUTHORIZER]`,
      );
    }
    const endpoint = readObject(body, 'endpointConfiguration');
    const types = (endpoint && readStringList(endpoint, 'types')) ?? ['EDGE'];
    checkEndpointTypes(types, 'createRestApiInput');
    const vpcEndpointIds = endpoint && readStringList(endpoint, 'vpcEndpointIds');
    const id = generateId(10);
    const rootResourceId = generateId(10);
    const version = readString(body, 'version');
    const binaryMediaTypes = readStringList(body, 'binaryMediaTypes');
    const policyText = readString(body, 'policy');
    const policy = policyText === undefined || policyText === '' ? undefined : storedResourcePolicy(policyText, { region: input.region, accountId: input.accountId, apiId: id });
    const tags = readStringMap(body, 'tags');
    const api: RestApi = {
      id,
      name,
      ...(description !== undefined && { description }),
      createdDate: Math.floor(clock.now() / 1000),
      ...(version !== undefined && { version }),
      ...(binaryMediaTypes && { binaryMediaTypes }),
      ...(minimumCompressionSize !== undefined && { minimumCompressionSize }),
      apiKeySource,
      endpointConfiguration: {
        types,
        ipAddressType: readString(endpoint ?? {}, 'ipAddressType') ?? (types[0] === 'PRIVATE' ? 'dualstack' : 'ipv4'),
        ...(vpcEndpointIds && { vpcEndpointIds }),
      },
      ...(policy !== undefined && { policy }),
      ...(tags && { tags }),
      disableExecuteApiEndpoint: readBoolean(body, 'disableExecuteApiEndpoint') ?? false,
      rootResourceId,
    };
    const { region } = input;
    await tx.put(collections.restApi, { region, parent: '', id }, api);
    await tx.put(collections.resource, { region, parent: id, id: rootResourceId }, { id: rootResourceId, path: '/' }, '');
    for (const model of defaultModels()) {
      await tx.put(collections.model, { region, parent: id, id: model.name }, model);
    }
    return { status: 201, body: renderRestApi(api) };
  },
};

const getRestApi: OperationDefinition = {
  name: 'GetRestApi',
  method: 'GET',
  path: '/restapis/{restapi_id}',
  async run(input, { tx }) {
    return { status: 200, body: renderRestApi(await requireRestApi(tx, input)) };
  },
};

const getRestApis: OperationDefinition = {
  name: 'GetRestApis',
  method: 'GET',
  path: '/restapis',
  async run(input, { tx }) {
    const apis = await tx.list(collections.restApi, input.region, '');
    const page = paginate(apis.map(renderRestApi), input.query);
    return { status: 200, body: page };
  },
};

const UPDATABLE = ['/name', '/description', '/apiKeySource', '/binaryMediaTypes/{type}', '/minimumCompressionSize', '/policy', '/endpointConfiguration/types/{type}', '/disableExecuteApiEndpoint', '/version'];

const updateRestApi: OperationDefinition = {
  name: 'UpdateRestApi',
  method: 'PATCH',
  path: '/restapis/{restapi_id}',
  async run(input, { tx }) {
    const api = structuredClone(await requireRestApi(tx, input));
    for (const operation of parsePatchOperations(input.body, 'updateRestApiInput')) {
      const [field, key] = operation.segments;
      switch (field) {
        case 'name': {
          const value = requireValue(operation);
          if (value === '') throw badRequest('Invalid REST API name specified: name must be non-empty');
          api.name = value;
          break;
        }
        case 'description':
          if (operation.op === 'remove' || operation.value === undefined) delete api.description;
          else api.description = operation.value;
          break;
        case 'version':
          if (operation.op === 'remove' || operation.value === undefined) delete api.version;
          else api.version = operation.value;
          break;
        case 'policy':
          if (operation.op === 'remove' || operation.value === undefined || operation.value === '') delete api.policy;
          else api.policy = storedResourcePolicy(operation.value, { region: input.region, accountId: input.accountId, apiId: api.id });
          break;
        case 'apiKeySource': {
          const value = requireValue(operation);
          if (value !== 'HEADER' && value !== 'AUTHORIZER') throw badRequest(`Invalid apiKeySource value: ${value}`);
          api.apiKeySource = value;
          break;
        }
        case 'minimumCompressionSize':
          if (operation.op === 'remove' || operation.value === undefined || operation.value === '') delete api.minimumCompressionSize;
          else {
            const value = integerValue(operation);
            checkMinimumCompressionSize(value);
            api.minimumCompressionSize = value;
          }
          break;
        case 'disableExecuteApiEndpoint':
          api.disableExecuteApiEndpoint = booleanValue(operation);
          break;
        case 'binaryMediaTypes': {
          if (key === undefined || key === '') throw invalidPatchPath(operation);
          const list = api.binaryMediaTypes ?? [];
          if (operation.op === 'add') {
            if (!list.includes(key)) list.push(key);
          } else if (operation.op === 'remove') {
            const index = list.indexOf(key);
            if (index < 0) throw badRequest(`Invalid patch path ${operation.path}`);
            list.splice(index, 1);
          } else if (operation.op === 'replace') {
            const index = list.indexOf(key);
            if (index < 0) throw badRequest(`Invalid patch path ${operation.path}`);
            list[index] = requireValue(operation);
          } else throw invalidPatchPath(operation);
          api.binaryMediaTypes = list;
          break;
        }
        case 'endpointConfiguration': {
          if (operation.segments[1] !== 'types' || operation.op !== 'replace') throw invalidPatchPath(operation);
          const from = operation.segments[2];
          const to = requireValue(operation);
          if (from !== undefined && !api.endpointConfiguration.types.includes(from)) throw badRequest(`Invalid patch path ${operation.path}`);
          checkEndpointTypes([to], 'updateRestApiInput');
          api.endpointConfiguration.types = [to];
          break;
        }
        default:
          throw badRequest(`Invalid patch path ${operation.path}. Must be one of: [${UPDATABLE.join(', ')}]`);
      }
    }
    await tx.put(collections.restApi, { region: input.region, parent: '', id: api.id }, api);
    return { status: 200, body: renderRestApi(api) };
  },
};

const deleteRestApi: OperationDefinition = {
  name: 'DeleteRestApi',
  method: 'DELETE',
  path: '/restapis/{restapi_id}',
  async run(input, services) {
    const { tx, afterCommit, registry } = services;
    const api = await requireRestApi(tx, input);
    await tx.deleteByParent(input.region, api.id);
    await tx.delete(collections.restApi, { region: input.region, parent: '', id: api.id });
    await removeDeletedApiStages(input, services, api.id);
    afterCommit(() => registry.deleteApi(api.id));
    return { status: 202 };
  },
};

export const restApiOperations: OperationDefinition[] = [createRestApi, getRestApi, getRestApis, updateRestApi, deleteRestApi];
