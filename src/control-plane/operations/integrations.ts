// PutIntegration, GetIntegration, UpdateIntegration, DeleteIntegration (reference §8.1, §2, §7.5).
// The integration lives in `method.methodIntegration`, its responses inside it. On the wire the
// integration's own HTTP method is `httpMethod` (the SDK's `integrationHttpMethod`).

import type { Integration } from '../../model/rest-api.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import { integerValue, type PatchOperation, parsePatchOperations } from '../patch/patch-operations.js';
import { readBoolean, readInteger, readObject, readString, readStringList, readStringMap } from '../wire/members.js';
import type { OperationDefinition } from '../wire/operation.js';
import { checkIntegration, CONNECTION_TYPES, CONTENT_HANDLING, INTEGRATION_TYPES, MAX_TIMEOUT } from './integration-checks.js';
import { checkEnum, type MethodTarget, requireIntegration, requireMethodTarget, saveTarget } from './method-target.js';
import { lenientBoolean, matchPatchRule, type PatchRule, patchMap, requireMapValue } from './patch-rules.js';

const INTEGRATION_PATH = '/restapis/{restapi_id}/resources/{resource_id}/methods/{http_method}/integration';

export function storeIntegration(target: MethodTarget, integration: Integration | undefined): void {
  if (integration) target.method.methodIntegration = integration;
  else delete target.method.methodIntegration;
  target.resource.resourceMethods = { ...target.resource.resourceMethods, [target.method.httpMethod]: target.method };
}

function nonEmpty<V>(map: Record<string, V> | undefined): Record<string, V> | undefined {
  return map && Object.keys(map).length > 0 ? map : undefined;
}

function readIntegration(body: Record<string, unknown>, resourceId: string): Integration {
  const type = readString(body, 'type');
  if (type === undefined) {
    throw new ManagementError(
      'ValidationException',
      "1 validation error detected: Value null at 'putIntegrationInput.type' failed to satisfy constraint: Member must not be null",
    );
  }
  checkEnum(type, 'putIntegrationInput.type', INTEGRATION_TYPES);
  const connectionType = readString(body, 'connectionType');
  checkEnum(connectionType, 'putIntegrationInput.connectionType', CONNECTION_TYPES);
  const contentHandling = readString(body, 'contentHandling');
  checkEnum(contentHandling, 'putIntegrationInput.contentHandling', CONTENT_HANDLING);
  const httpMethod = readString(body, 'httpMethod');
  const uri = readString(body, 'uri');
  const connectionId = readString(body, 'connectionId');
  const credentials = readString(body, 'credentials');
  const requestParameters = nonEmpty(readStringMap(body, 'requestParameters'));
  const requestTemplates = nonEmpty(readStringMap(body, 'requestTemplates'));
  const tlsConfig = readObject(body, 'tlsConfig');
  const insecureSkipVerification = tlsConfig && readBoolean(tlsConfig, 'insecureSkipVerification');
  // AWS: only HTTP integrations default to `connectionType: INTERNET` (test: integrations.test.ts).
  const effectiveConnectionType = connectionType ?? (type === 'HTTP' || type === 'HTTP_PROXY' ? 'INTERNET' : undefined);
  return {
    type: type as Integration['type'],
    ...(httpMethod && { httpMethod }),
    // AWS does not keep a URI on a MOCK integration (test: integrations.test.ts "MOCK").
    ...(uri !== undefined && type !== 'MOCK' && { uri }),
    ...(effectiveConnectionType && { connectionType: effectiveConnectionType as Integration['connectionType'] }),
    ...(connectionId && { connectionId }),
    ...(credentials && { credentials }),
    ...(requestParameters && { requestParameters }),
    ...(requestTemplates && { requestTemplates }),
    passthroughBehavior: (readString(body, 'passthroughBehavior') ?? 'WHEN_NO_MATCH') as Integration['passthroughBehavior'],
    ...(contentHandling && { contentHandling: contentHandling as Integration['contentHandling'] }),
    timeoutInMillis: readInteger(body, 'timeoutInMillis') ?? MAX_TIMEOUT,
    cacheNamespace: readString(body, 'cacheNamespace') ?? resourceId,
    cacheKeyParameters: readStringList(body, 'cacheKeyParameters') ?? [],
    ...(insecureSkipVerification !== undefined && { tlsConfig: { insecureSkipVerification } }),
  };
}

const putIntegration: OperationDefinition = {
  name: 'PutIntegration',
  method: 'PUT',
  path: INTEGRATION_PATH,
  async run(input, { tx }) {
    const target = await requireMethodTarget(tx, input);
    const integration = readIntegration(input.body, target.resource.id);
    checkIntegration(integration, target.method);
    // PutIntegration replaces the whole integration, its integration responses included.
    storeIntegration(target, integration);
    await saveTarget(tx, target);
    return { status: 201, body: integration };
  },
};

const getIntegration: OperationDefinition = {
  name: 'GetIntegration',
  method: 'GET',
  path: INTEGRATION_PATH,
  async run(input, { tx }) {
    return { status: 200, body: requireIntegration((await requireMethodTarget(tx, input)).method) };
  },
};

const UPDATE_INTEGRATION_RULES: readonly PatchRule[] = [
  { field: 'type', keyed: false, ops: ['replace'] },
  { field: 'httpMethod', keyed: false, ops: ['replace'] },
  { field: 'uri', keyed: false, ops: ['replace'] },
  { field: 'connectionType', keyed: false, ops: ['replace'] },
  { field: 'connectionId', keyed: false, ops: ['replace'] },
  { field: 'credentials', keyed: false, ops: ['replace'] },
  { field: 'passthroughBehavior', keyed: false, ops: ['replace'] },
  { field: 'contentHandling', keyed: false, ops: ['replace'] },
  { field: 'timeoutInMillis', keyed: false, ops: ['replace'] },
  { field: 'cacheNamespace', keyed: false, ops: ['replace'] },
  { field: 'cacheKeyParameters', keyed: true, ops: ['add', 'remove'] },
  { field: 'requestParameters', keyed: true, ops: ['add', 'remove', 'replace'] },
  { field: 'requestTemplates', keyed: true, ops: ['add', 'remove', 'replace'] },
  { field: 'tlsConfig', keyed: true, ops: ['replace'] },
];

type OptionalStringField = 'httpMethod' | 'uri' | 'connectionId' | 'credentials';

function setOptional(integration: Integration, field: OptionalStringField, value: string | undefined): void {
  if (value) integration[field] = value;
  else delete integration[field];
}

function applyIntegrationPatch(integration: Integration, operation: PatchOperation): void {
  const { field, key } = matchPatchRule(operation, UPDATE_INTEGRATION_RULES);
  const value = operation.value;
  switch (field) {
    case 'type':
      if (value === undefined || !INTEGRATION_TYPES.includes(value)) throw badRequest('Invalid integration type specified');
      integration.type = value as Integration['type'];
      return;
    case 'httpMethod':
    case 'uri':
    case 'connectionId':
    case 'credentials':
      setOptional(integration, field, value);
      return;
    case 'connectionType':
      if (value === undefined || !CONNECTION_TYPES.includes(value)) throw badRequest('Invalid connection type specified');
      integration.connectionType = value as Integration['connectionType'];
      return;
    case 'passthroughBehavior':
      integration.passthroughBehavior = (value ?? '') as Integration['passthroughBehavior'];
      return;
    case 'contentHandling':
      if (!value) delete integration.contentHandling;
      else if (!CONTENT_HANDLING.includes(value)) throw badRequest('Invalid content handling specified');
      else integration.contentHandling = value as Integration['contentHandling'];
      return;
    case 'timeoutInMillis':
      integration.timeoutInMillis = integerValue(operation);
      return;
    case 'cacheNamespace':
      integration.cacheNamespace = value ?? '';
      return;
    case 'cacheKeyParameters': {
      const present = integration.cacheKeyParameters.includes(key);
      if (operation.op === 'remove' && !present) throw notFound('Invalid parameter name specified');
      integration.cacheKeyParameters = integration.cacheKeyParameters.filter((parameter) => parameter !== key);
      if (operation.op === 'add') integration.cacheKeyParameters.push(key);
      return;
    }
    case 'requestParameters': {
      const parameters = patchMap(integration.requestParameters, operation, key, (op) => requireMapValue(op, 'requestParameters'));
      if (parameters) integration.requestParameters = parameters;
      else delete integration.requestParameters;
      return;
    }
    case 'requestTemplates': {
      const templates = patchMap(integration.requestTemplates, operation, key, (op) => requireMapValue(op, 'requestTemplates'));
      if (templates) integration.requestTemplates = templates;
      else delete integration.requestTemplates;
      return;
    }
    default:
      if (key !== 'insecureSkipVerification') throw badRequest(`Invalid patch path ${operation.path}`);
      integration.tlsConfig = { insecureSkipVerification: lenientBoolean(operation) };
  }
}

const updateIntegration: OperationDefinition = {
  name: 'UpdateIntegration',
  method: 'PATCH',
  path: INTEGRATION_PATH,
  async run(input, { tx }) {
    const target = await requireMethodTarget(tx, input);
    const integration = structuredClone(requireIntegration(target.method));
    for (const operation of parsePatchOperations(input.body, 'updateIntegrationInput')) applyIntegrationPatch(integration, operation);
    checkIntegration(integration, target.method);
    storeIntegration(target, integration);
    await saveTarget(tx, target);
    return { status: 200, body: integration };
  },
};

const deleteIntegration: OperationDefinition = {
  name: 'DeleteIntegration',
  method: 'DELETE',
  path: INTEGRATION_PATH,
  async run(input, { tx }) {
    const target = await requireMethodTarget(tx, input);
    requireIntegration(target.method);
    storeIntegration(target, undefined);
    await saveTarget(tx, target);
    return { status: 204 };
  },
};

export const integrationOperations: OperationDefinition[] = [putIntegration, getIntegration, updateIntegration, deleteIntegration];
