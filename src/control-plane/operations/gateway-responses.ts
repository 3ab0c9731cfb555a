// GetGatewayResponses, GetGatewayResponse, PutGatewayResponse, UpdateGatewayResponse,
// DeleteGatewayResponse (reference §1.4, §8.1). Only customised responses are stored; every other
// type is rendered from AWS's defaults, inheriting a customised DEFAULT_4XX/DEFAULT_5XX. A change
// reaches API traffic with the next deployment (the definition freezes them).

import type { GatewayResponse } from '../../model/rest-api.js';
import {
  DEFAULT_GATEWAY_RESPONSE_TEMPLATE,
  GATEWAY_RESPONSE_STATUS,
  GATEWAY_RESPONSE_TYPES,
  isGatewayResponseType,
  parentGatewayResponseType,
  type GatewayResponseType,
} from '../../snapshot/gateway-response-types.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import { invalidPatchPath, parsePatchOperations, requireValue } from '../patch/patch-operations.js';
import { readString, readStringMap } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';

const ITEM_PATH = '/restapis/{restapi_id}/gatewayresponses/{response_type}';
const UPDATABLE_PATHS = ['/statusCode', '/responseParameters/{name}', '/responseTemplates/{contentType}'];

/** AWS: an unknown type fails the enum check (LocalStack-observed message; test: gateway-responses.test.ts). */
function requireType(input: OperationInput): GatewayResponseType {
  const type = input.params.response_type ?? '';
  if (!isGatewayResponseType(type)) {
    throw new ManagementError(
      'ValidationException',
      `1 validation error detected: Value '${type}' at 'responseType' failed to satisfy constraint: Member must satisfy enum value set: [${GATEWAY_RESPONSE_TYPES.join(', ')}]`,
    );
  }
  return type;
}

const defaultTemplates = (): Record<string, string> => ({ 'application/json': DEFAULT_GATEWAY_RESPONSE_TEMPLATE });

/** The table status of a type, as the wire string; none for DEFAULT_4XX/DEFAULT_5XX. */
function tableStatus(type: GatewayResponseType): string | undefined {
  return parentGatewayResponseType(type) === undefined ? undefined : String(GATEWAY_RESPONSE_STATUS[type]);
}

/** The wire shape of a stored (customised) response: a type's status defaults to the table's. */
function renderCustomised(response: GatewayResponse): GatewayResponse {
  const statusCode = response.statusCode ?? (isGatewayResponseType(response.responseType) ? tableStatus(response.responseType) : undefined);
  return { ...response, ...(statusCode !== undefined && { statusCode }) };
}

/** AWS: an un-customised type shows its DEFAULT_4XX/5XX customisation, still `defaultResponse: true`. */
function renderDefault(type: GatewayResponseType, stored: ReadonlyMap<string, GatewayResponse>): GatewayResponse {
  const parent = parentGatewayResponseType(type);
  const inherited = parent === undefined ? undefined : stored.get(parent);
  const statusCode = inherited?.statusCode ?? tableStatus(type);
  return {
    responseType: type,
    ...(statusCode !== undefined && { statusCode }),
    responseParameters: { ...inherited?.responseParameters },
    responseTemplates: inherited ? { ...inherited.responseTemplates } : defaultTemplates(),
    defaultResponse: true,
  };
}

async function storedResponses(tx: StoreReader, region: string, apiId: string): Promise<Map<string, GatewayResponse>> {
  const list = await tx.list(collections.gatewayResponse, region, apiId);
  return new Map(list.map((response) => [response.responseType, response]));
}

const getGatewayResponses: OperationDefinition = {
  name: 'GetGatewayResponses',
  method: 'GET',
  path: '/restapis/{restapi_id}/gatewayresponses',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const stored = await storedResponses(tx, input.region, api.id);
    const all = GATEWAY_RESPONSE_TYPES.map((type) => {
      const own = stored.get(type);
      return own ? renderCustomised(own) : renderDefault(type, stored);
    });
    return { status: 200, body: paginate(all, input.query) };
  },
};

const getGatewayResponse: OperationDefinition = {
  name: 'GetGatewayResponse',
  method: 'GET',
  path: ITEM_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const type = requireType(input);
    const stored = await storedResponses(tx, input.region, api.id);
    const own = stored.get(type);
    return { status: 200, body: own ? renderCustomised(own) : renderDefault(type, stored) };
  },
};

const putGatewayResponse: OperationDefinition = {
  name: 'PutGatewayResponse',
  method: 'PUT',
  path: ITEM_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const type = requireType(input);
    const statusCode = readString(input.body, 'statusCode');
    checkStatusCode(statusCode);
    const responseTemplates = readStringMap(input.body, 'responseTemplates');
    const response: GatewayResponse = {
      responseType: type,
      ...(statusCode !== undefined && { statusCode }),
      responseParameters: readStringMap(input.body, 'responseParameters') ?? {},
      responseTemplates: responseTemplates && Object.keys(responseTemplates).length > 0 ? responseTemplates : defaultTemplates(),
      defaultResponse: false,
    };
    await tx.put(collections.gatewayResponse, { region: input.region, parent: api.id, id: type }, response);
    return { status: 201, body: renderCustomised(response) };
  },
};

const updateGatewayResponse: OperationDefinition = {
  name: 'UpdateGatewayResponse',
  method: 'PATCH',
  path: ITEM_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const type = requireType(input);
    const existing = await tx.get(collections.gatewayResponse, input.region, api.id, type);
    const response: GatewayResponse = existing
      ? structuredClone(existing)
      : { responseType: type, responseParameters: {}, responseTemplates: defaultTemplates(), defaultResponse: false };
    response.defaultResponse = false;
    for (const operation of parsePatchOperations(input.body, 'updateGatewayResponseInput')) {
      const [field, key] = operation.segments;
      if (field === 'statusCode' && key === undefined && (operation.op === 'replace' || operation.op === 'add')) {
        const value = requireValue(operation);
        checkStatusCode(value);
        response.statusCode = value;
      } else if (field === 'statusCode' && key === undefined && operation.op === 'remove') {
        delete response.statusCode;
      } else if ((field === 'responseParameters' || field === 'responseTemplates') && key !== undefined && key !== '') {
        const map = response[field];
        if (operation.op === 'remove') delete map[key];
        else if (operation.op === 'add' || operation.op === 'replace') map[key] = requireValue(operation);
        else throw invalidPatchPath(operation, UPDATABLE_PATHS);
      } else {
        throw invalidPatchPath(operation, UPDATABLE_PATHS);
      }
    }
    await tx.put(collections.gatewayResponse, { region: input.region, parent: api.id, id: type }, response);
    return { status: 200, body: renderCustomised(response) };
  },
};

const deleteGatewayResponse: OperationDefinition = {
  name: 'DeleteGatewayResponse',
  method: 'DELETE',
  path: ITEM_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const type = requireType(input);
    const deleted = await tx.delete(collections.gatewayResponse, { region: input.region, parent: api.id, id: type });
    // AWS: `Gateway response type not defined on api` (test: gateway-responses.test.ts).
    if (!deleted) throw notFound('Gateway response type not defined on api');
    return { status: 202 };
  },
};

/** A status code must be three digits, 1xx–5xx (message UNCONFIRMED). */
function checkStatusCode(statusCode: string | undefined): void {
  if (statusCode !== undefined && !/^[1-5]\d\d$/.test(statusCode)) throw badRequest(`Invalid status code specified: ${statusCode}`);
}

export const gatewayResponseOperations: OperationDefinition[] = [getGatewayResponses, getGatewayResponse, putGatewayResponse, updateGatewayResponse, deleteGatewayResponse];
