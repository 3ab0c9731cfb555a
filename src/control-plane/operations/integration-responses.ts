// PutIntegrationResponse, GetIntegrationResponse, UpdateIntegrationResponse,
// DeleteIntegrationResponse (reference §2.3, §2.4, §8.1). Integration responses live in
// `integration.integrationResponses[statusCode]`; each maps onto the method response of its code.

import type { IntegrationResponse, MethodResponse } from '../../model/rest-api.js';
import { badRequest, notFound } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { readObject, readString } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { CONTENT_HANDLING } from './integration-checks.js';
import { storeIntegration } from './integrations.js';
import { checkIntegrationResponseParameters } from './mapping-expressions.js';
import { checkEnum, checkStatusCode, type MethodTarget, requireIntegration, requireMethodTarget, saveTarget } from './method-target.js';
import { matchPatchRule, type PatchRule, patchMap, requireMapValue } from './patch-rules.js';

const INTEGRATION_RESPONSE_PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration/responses/{status_code}';

/** A string map whose values may not be null (AWS: `Invalid null or empty value in {member}`). */
function readNonNullStringMap(body: Record<string, unknown>, member: string): Record<string, string> | undefined {
  const map = readObject(body, member);
  if (map === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const key of Object.keys(map)) {
    const value = readString(map, key);
    if (value === undefined) throw badRequest(`Invalid null or empty value in ${member}`);
    out[key] = value;
  }
  return out;
}

function requireIntegrationResponse(target: MethodTarget, statusCode: string): IntegrationResponse {
  const response = requireIntegration(target.method).integrationResponses?.[statusCode];
  if (!response) throw notFound('Invalid Response status code specified');
  return response;
}

function methodResponseFor(target: MethodTarget, statusCode: string): MethodResponse {
  return target.method.methodResponses?.[statusCode] ?? { statusCode };
}

function storeIntegrationResponses(target: MethodTarget, responses: Record<string, IntegrationResponse>): void {
  const integration = requireIntegration(target.method);
  if (Object.keys(responses).length > 0) integration.integrationResponses = responses;
  else delete integration.integrationResponses;
  storeIntegration(target, integration);
}

const putIntegrationResponse: OperationDefinition = {
  name: 'PutIntegrationResponse',
  method: 'PUT',
  path: INTEGRATION_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    const { body } = input;
    const contentHandling = readString(body, 'contentHandling');
    checkEnum(contentHandling, 'putIntegrationResponseInput.contentHandling', CONTENT_HANDLING);
    const target = await requireMethodTarget(tx, input);
    const integration = requireIntegration(target.method);
    // An integration response maps onto the method response of the same status code.
    const methodResponse = target.method.methodResponses?.[statusCode];
    if (!methodResponse) throw notFound('Invalid Response status code specified');
    const selectionPattern = readString(body, 'selectionPattern');
    const responseParameters = readNonNullStringMap(body, 'responseParameters');
    const responseTemplates = readNonNullStringMap(body, 'responseTemplates');
    // AWS echoes what was given, empty maps and an empty selection pattern included.
    const response: IntegrationResponse = {
      statusCode,
      ...(selectionPattern !== undefined && { selectionPattern }),
      ...(responseParameters && { responseParameters }),
      ...(responseTemplates && { responseTemplates }),
      ...(contentHandling && { contentHandling: contentHandling as IntegrationResponse['contentHandling'] }),
    };
    checkIntegrationResponseParameters(methodResponse, responseParameters);
    storeIntegrationResponses(target, { ...integration.integrationResponses, [statusCode]: response });
    await saveTarget(tx, target);
    return { status: 201, body: response };
  },
};

const getIntegrationResponse: OperationDefinition = {
  name: 'GetIntegrationResponse',
  method: 'GET',
  path: INTEGRATION_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    return { status: 200, body: requireIntegrationResponse(await requireMethodTarget(tx, input), statusCode) };
  },
};

const UPDATE_INTEGRATION_RESPONSE_RULES: readonly PatchRule[] = [
  { field: 'selectionPattern', keyed: false, ops: ['replace'] },
  { field: 'contentHandling', keyed: false, ops: ['replace'] },
  { field: 'responseParameters', keyed: true, ops: ['add', 'remove', 'replace'] },
  { field: 'responseTemplates', keyed: true, ops: ['add', 'remove', 'replace'] },
];

const updateIntegrationResponse: OperationDefinition = {
  name: 'UpdateIntegrationResponse',
  method: 'PATCH',
  path: INTEGRATION_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    const target = await requireMethodTarget(tx, input);
    const response = structuredClone(requireIntegrationResponse(target, statusCode));
    for (const operation of parsePatchOperations(input.body, 'updateIntegrationResponseInput')) {
      const { field, key } = matchPatchRule(operation, UPDATE_INTEGRATION_RESPONSE_RULES);
      const value = operation.value;
      if (field === 'selectionPattern') {
        if (value === undefined) delete response.selectionPattern;
        else response.selectionPattern = value;
      } else if (field === 'contentHandling') {
        if (!value) delete response.contentHandling;
        else if (!CONTENT_HANDLING.includes(value)) throw badRequest('Invalid content handling specified');
        else response.contentHandling = value as IntegrationResponse['contentHandling'];
      } else if (field === 'responseParameters') {
        const parameters = patchMap(response.responseParameters, operation, key, (op) => requireMapValue(op, 'responseParameters'));
        if (parameters) response.responseParameters = parameters;
        else delete response.responseParameters;
      } else {
        const templates = patchMap(response.responseTemplates, operation, key, (op) => requireMapValue(op, 'responseTemplates'));
        if (templates) response.responseTemplates = templates;
        else delete response.responseTemplates;
      }
    }
    checkIntegrationResponseParameters(methodResponseFor(target, statusCode), response.responseParameters);
    storeIntegrationResponses(target, { ...requireIntegration(target.method).integrationResponses, [statusCode]: response });
    await saveTarget(tx, target);
    return { status: 200, body: response };
  },
};

const deleteIntegrationResponse: OperationDefinition = {
  name: 'DeleteIntegrationResponse',
  method: 'DELETE',
  path: INTEGRATION_RESPONSE_PATH,
  async run(input, { tx }) {
    const statusCode = checkStatusCode(input.params.status_code);
    const target = await requireMethodTarget(tx, input);
    requireIntegrationResponse(target, statusCode);
    const { [statusCode]: _deleted, ...rest } = requireIntegration(target.method).integrationResponses ?? {};
    storeIntegrationResponses(target, rest);
    await saveTarget(tx, target);
    return { status: 204 };
  },
};

export const integrationResponseOperations: OperationDefinition[] = [
  putIntegrationResponse,
  getIntegrationResponse,
  updateIntegrationResponse,
  deleteIntegrationResponse,
];
