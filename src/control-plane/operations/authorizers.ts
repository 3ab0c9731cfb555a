// CreateAuthorizer, GetAuthorizer(s), UpdateAuthorizer, DeleteAuthorizer and
// FlushStageAuthorizersCache (reference §5, APIRef "Authorizer"). Lambda TOKEN/REQUEST authorizers
// and COGNITO_USER_POOLS authorizers run at request time (data-plane/stages/authorize.ts).

import type { Authorizer, Resource } from '../../model/rest-api.js';
import { authorizerCacheNamespace, SharedStateError } from '../../shared-state/traffic-state.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, conflict, ManagementError, notFound } from '../management-error.js';
import { parsePatchOperations, type PatchOperation } from '../patch/patch-operations.js';
import { readInteger, readString, readStringList } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { checkAuthorizerDefinition, checkValidationExpression, DEFAULT_AUTHORIZER_TTL, parseAuthorizerType, requiredMember } from './authorizer-checks.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { requireStage } from './stage-records.js';

const AUTHORIZER_PATH = '/restapis/{restapi_id}/authorizers/{authorizer_id}';
/** AWS: `Invalid Authorizer identifier specified` (404; LocalStack AWS-validated; test: authorizers-api.test.ts). */
const NOT_FOUND = 'Invalid Authorizer identifier specified';

async function requireAuthorizer(tx: StoreReader, input: OperationInput): Promise<Authorizer> {
  const authorizer = await tx.get(collections.authorizer, input.region, input.params.restapi_id ?? '', input.params.authorizer_id ?? '');
  if (!authorizer) throw notFound(NOT_FOUND);
  return authorizer;
}

const createAuthorizer: OperationDefinition = {
  name: 'CreateAuthorizer',
  method: 'POST',
  path: '/restapis/{restapi_id}/authorizers',
  async run(input, { tx }) {
    const { body } = input;
    const name = requiredMember(readString(body, 'name'), 'name', 'createAuthorizerInput');
    const type = parseAuthorizerType(requiredMember(readString(body, 'type'), 'type', 'createAuthorizerInput'), 'createAuthorizerInput');
    const api = await requireRestApi(tx, input);
    const providerARNs = readStringList(body, 'providerARNs');
    const authType = readString(body, 'authType');
    const authorizerUri = readString(body, 'authorizerUri');
    const authorizerCredentials = readString(body, 'authorizerCredentials');
    const identitySource = readString(body, 'identitySource');
    const identityValidationExpression = readString(body, 'identityValidationExpression');
    const authorizer: Authorizer = {
      id: generateId(6),
      name,
      type,
      ...(providerARNs && providerARNs.length > 0 && { providerARNs }),
      ...(authType !== undefined && { authType }),
      ...(authorizerUri !== undefined && { authorizerUri }),
      ...(authorizerCredentials !== undefined && { authorizerCredentials }),
      ...(identitySource !== undefined && { identitySource }),
      ...(identityValidationExpression !== undefined && { identityValidationExpression }),
      // AWS: the TTL defaults to 300 seconds (reference §5.1).
      authorizerResultTtlInSeconds: readInteger(body, 'authorizerResultTtlInSeconds') ?? DEFAULT_AUTHORIZER_TTL,
    };
    checkAuthorizerDefinition(authorizer);
    checkValidationExpression(authorizer.identityValidationExpression);
    await tx.put(collections.authorizer, { region: input.region, parent: api.id, id: authorizer.id }, authorizer);
    return { status: 201, body: authorizer };
  },
};

const getAuthorizers: OperationDefinition = {
  name: 'GetAuthorizers',
  method: 'GET',
  path: '/restapis/{restapi_id}/authorizers',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    return { status: 200, body: paginate(await tx.list(collections.authorizer, input.region, api.id), input.query) };
  },
};

const getAuthorizer: OperationDefinition = {
  name: 'GetAuthorizer',
  method: 'GET',
  path: AUTHORIZER_PATH,
  async run(input, { tx }) {
    return { status: 200, body: await requireAuthorizer(tx, input) };
  },
};

const UPDATABLE = ['/name', '/authorizerUri', '/identitySource', '/identityValidationExpression', '/authorizerResultTtlInSeconds', '/type', '/authorizerCredentials', '/providerARNs', '/authType'];

/** Applies one `replace` op; an empty value clears an optional member. */
function applyAuthorizerPatch(authorizer: Authorizer, operation: PatchOperation): void {
  const value = operation.value;
  // AWS: `/providerARNs` takes add/remove of one ARN (`/providerARNs/{arn}` UNCONFIRMED); others only replace.
  if (operation.path === '/providerARNs' && (operation.op === 'add' || operation.op === 'remove')) {
    const arns = (authorizer.providerARNs ?? []).filter((arn) => arn !== value);
    if (operation.op === 'add' && value) arns.push(value);
    if (arns.length > 0) authorizer.providerARNs = arns;
    else delete authorizer.providerARNs;
    return;
  }
  if (operation.op !== 'replace') throw badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
  if (!UPDATABLE.includes(operation.path)) throw badRequest(`Invalid patch path  '${operation.path}' specified for op 'replace'. Must be one of: [${UPDATABLE.join(', ')}]`);
  const field = operation.path.slice(1) as keyof Authorizer;
  switch (field) {
    case 'name':
      authorizer.name = value ?? '';
      return;
    case 'type':
      authorizer.type = parseAuthorizerType(value ?? '', 'updateAuthorizerInput');
      return;
    case 'authorizerResultTtlInSeconds': {
      const ttl = value === undefined || !/^-?\d+$/.test(value) ? Number.NaN : Number(value);
      if (Number.isNaN(ttl)) throw badRequest(`Invalid authorizer TTL specified: ${value ?? 'null'}`);
      authorizer.authorizerResultTtlInSeconds = ttl;
      return;
    }
    case 'providerARNs':
      if (value) authorizer.providerARNs = value.split(',').map((arn) => arn.trim());
      else delete authorizer.providerARNs;
      return;
    default: {
      const member = field as 'authorizerUri' | 'identitySource' | 'identityValidationExpression' | 'authorizerCredentials' | 'authType';
      if (value) authorizer[member] = value;
      else delete authorizer[member];
    }
  }
}

const updateAuthorizer: OperationDefinition = {
  name: 'UpdateAuthorizer',
  method: 'PATCH',
  path: AUTHORIZER_PATH,
  async run(input, { tx }) {
    const authorizer = structuredClone(await requireAuthorizer(tx, input));
    for (const operation of parsePatchOperations(input.body, 'updateAuthorizerInput')) applyAuthorizerPatch(authorizer, operation);
    checkAuthorizerDefinition(authorizer);
    checkValidationExpression(authorizer.identityValidationExpression);
    await tx.put(collections.authorizer, { region: input.region, parent: input.params.restapi_id ?? '', id: authorizer.id }, authorizer);
    return { status: 200, body: authorizer };
  },
};

/** The first method using the authorizer, as AWS names it in the message: `{VERB}/{resource path}`. */
function methodUsing(resources: readonly Resource[], authorizerId: string): string | undefined {
  for (const resource of resources) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      if (method.authorizerId === authorizerId) return `${method.httpMethod}/${resource.path}`;
    }
  }
  return undefined;
}

const deleteAuthorizer: OperationDefinition = {
  name: 'DeleteAuthorizer',
  method: 'DELETE',
  path: AUTHORIZER_PATH,
  async run(input, { tx }) {
    const authorizer = await requireAuthorizer(tx, input);
    const apiId = input.params.restapi_id ?? '';
    const user = methodUsing(await tx.list(collections.resource, input.region, apiId), authorizer.id);
    // AWS: `Cannot delete authorizer, is referenced in method: POST//expenses` (409; a user's report
    // of the AWS CLI, status UNCONFIRMED; test: authorizers-api.test.ts).
    if (user !== undefined) throw conflict(`Cannot delete authorizer, is referenced in method: ${user}`);
    await tx.delete(collections.authorizer, { region: input.region, parent: apiId, id: authorizer.id });
    return { status: 202 };
  },
};

const flushStageAuthorizersCache: OperationDefinition = {
  name: 'FlushStageAuthorizersCache',
  method: 'DELETE',
  path: '/restapis/{restapi_id}/stages/{stage_name}/cache/authorizers',
  // Outside a transaction: it writes nothing to the store, and waits for the shared cache (Redis).
  direct: true,
  async run(input, { tx, authorizerCache }) {
    const api = await requireRestApi(tx, input);
    const stage = await requireStage(tx, input, api.id, input.params.stage_name ?? '');
    const namespace = authorizerCacheNamespace(input.region, api.id, stage.stageName);
    try {
      await authorizerCache?.clear(namespace);
    } catch (error) {
      if (!(error instanceof SharedStateError)) throw error;
      // Portico's own answer (AWS's cache never fails): the other nodes may still serve the entries.
      throw new ManagementError('ServiceUnavailableException', 'The authorizer cache could not be flushed: its shared state (Redis) is unreachable');
    }
    return { status: 202 };
  },
};

export const authorizerOperations: OperationDefinition[] = [createAuthorizer, getAuthorizers, getAuthorizer, updateAuthorizer, deleteAuthorizer, flushStageAuthorizersCache];
