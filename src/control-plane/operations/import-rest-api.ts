// ImportRestApi (`POST /restapis?mode=import`) and PutRestApi (`PUT /restapis/{id}?mode=merge|overwrite`):
// an OpenAPI 3.0 / Swagger 2.0 body (JSON or YAML) becomes an API in the request's one transaction,
// so a failed import changes nothing. Query: `failonwarnings`, `basepath`, `endpointConfigurationTypes`.
// Reference §8.1, §11; AWS developer guide "Import a REST API" and "Import to update".

import type { RestApi } from '../../model/rest-api.js';
import { convertOpenApiDocument } from '../../openapi/import/convert-document.js';
import type { BasePathMode, ImportPlan } from '../../openapi/import/import-plan.js';
import { OpenApiInputError, parseOpenApiDocument, type OpenApiDocument } from '../../openapi/parse-document.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import { badRequest } from '../management-error.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { type ImportMode, writeImportPlan } from './import-plan-writer.js';
import { requireRestApi } from './lookups.js';

const ENDPOINT_TYPES = ['REGIONAL', 'EDGE', 'PRIVATE'];
const MAX_COMPRESSION = 10485760;
/** AWS: the definition size quota of ImportRestApi / PutRestApi (reference §12). */
const MAX_DEFINITION_BYTES = 6 * 1024 * 1024;

function readDocument(input: OperationInput): OpenApiDocument {
  // Message UNCONFIRMED: AWS documents the 6 MB quota, not its error text.
  if (input.rawBody.length > MAX_DEFINITION_BYTES) throw badRequest('API definition exceeds the maximum size of 6 MB');
  try {
    return parseOpenApiDocument(input.rawBody);
  } catch (error) {
    if (error instanceof OpenApiInputError) throw badRequest(error.message);
    throw error;
  }
}

/** `basepath` (sent by the SDKs in `parameters`, i.e. as a query parameter). Message UNCONFIRMED. */
function readBasePath(query: URLSearchParams): BasePathMode {
  const value = query.get('basepath') ?? 'ignore';
  if (value !== 'ignore' && value !== 'prepend' && value !== 'split') throw badRequest(`Invalid basepath value: ${value}. Must be one of: [ignore, prepend, split]`);
  return value;
}

/** Errors fail the import whatever `failonwarnings` says; warnings only when it is `true`. */
function checkOutcome(errors: readonly string[], plan: ImportPlan, failOnWarnings: boolean): void {
  // AWS: `Errors found during import:\n\t...` (reported CloudFormation/CLI import failures; test: openapi-import.test.ts "lists every error").
  if (errors.length > 0) throw badRequest(`Errors found during import:\n\t${errors.join('\n\t')}`);
  // AWS returns warnings "as a message in the exception" (DG "Errors and warnings"); wording UNCONFIRMED.
  if (failOnWarnings && plan.warnings.length > 0) throw badRequest(`Warnings found during import:\n\t${plan.warnings.join('\n\t')}`);
}

function checkApiMembers(plan: ImportPlan, endpointTypes: string[] | undefined): void {
  const size = plan.api.minimumCompressionSize;
  if (size !== undefined && (size < 0 || size > MAX_COMPRESSION)) throw badRequest('Invalid minimum compression size, must be between 0 and 10485760');
  if (endpointTypes === undefined) return;
  if (endpointTypes.length > 1) throw badRequest('Cannot create an api with multiple Endpoint Types.');
  if (!ENDPOINT_TYPES.includes(endpointTypes[0] ?? '')) throw badRequest(`Invalid endpoint configuration type specified: ${endpointTypes.join(', ')}`);
}

/** The wire shape: AWS omits an empty `binaryMediaTypes`; `warnings` only when there are some. */
function renderImported(api: RestApi, warnings: readonly string[], extra: Partial<RestApi> = {}): RestApi {
  const { binaryMediaTypes, ...rest } = api;
  return { ...rest, ...(binaryMediaTypes && binaryMediaTypes.length > 0 && { binaryMediaTypes }), ...extra, ...(warnings.length > 0 && { warnings: [...warnings] }) };
}

const importRestApi: OperationDefinition = {
  name: 'ImportRestApi',
  method: 'POST',
  path: '/restapis',
  requiresQuery: 'mode',
  rawPayload: true,
  async run(input, { tx, clock }) {
    const { query, region } = input;
    // Message UNCONFIRMED.
    if (query.get('mode') !== 'import') throw badRequest(`Invalid mode: ${query.get('mode') ?? ''}. Must be import`);
    const document = readDocument(input);
    const id = generateId(10);
    const rootResourceId = generateId(10);
    const plan = convertOpenApiDocument(document, { apiId: id, region, accountId: input.accountId, basePath: readBasePath(query) });
    // AWS: `ignore=documentation` imports the API without its `x-amazon-apigateway-documentation` (DG "Import API documentation"; test: documentation-parts.test.ts).
    if (query.get('ignore') === 'documentation') delete plan.documentationParts;
    const typesParameter = query.get('endpointConfigurationTypes');
    const types = typesParameter ? typesParameter.split(',').map((type) => type.trim().toUpperCase()) : (plan.api.endpointConfiguration?.types ?? ['EDGE']);
    checkApiMembers(plan, types);
    // AWS: an import without `info.title` cannot name the API (wording UNCONFIRMED).
    if (!plan.api.name) throw badRequest('Errors found during import:\n\tInvalid REST API name specified: name must be non-empty');
    const { endpointConfiguration: _planned, ...members } = plan.api;
    const api: RestApi = {
      id,
      ...members,
      name: plan.api.name,
      createdDate: Math.floor(clock.now() / 1000),
      apiKeySource: plan.api.apiKeySource ?? 'HEADER',
      endpointConfiguration: {
        types,
        ipAddressType: types[0] === 'PRIVATE' ? 'dualstack' : 'ipv4',
        ...(plan.api.endpointConfiguration?.vpcEndpointIds && { vpcEndpointIds: plan.api.endpointConfiguration.vpcEndpointIds }),
      },
      disableExecuteApiEndpoint: plan.api.disableExecuteApiEndpoint ?? false,
      rootResourceId,
    };
    await tx.put(collections.restApi, { region, parent: '', id }, api);
    await tx.put(collections.resource, { region, parent: id, id: rootResourceId }, { id: rootResourceId, path: '/' }, '');
    // AWS: an imported API has only the document's models, not `Empty` and `Error` (LocalStack's AWS-validated snapshots; test: openapi-import.test.ts "creates only the document's models").
    const errors = await writeImportPlan(tx, { region, apiId: id, rootResourceId, mode: 'create' }, plan);
    checkOutcome(errors, plan, query.get('failonwarnings') === 'true');
    return { status: 201, body: renderImported(api, plan.warnings) };
  },
};

/** PutRestApi's RestApi members: overwrite takes the document's (absent = AWS's default), merge only those it sets. */
function updatedApi(api: RestApi, plan: ImportPlan, mode: ImportMode): RestApi {
  const next = structuredClone(api);
  const { name, description, version, binaryMediaTypes, minimumCompressionSize, apiKeySource, policy } = plan.api;
  if (mode === 'overwrite') {
    delete next.description;
    delete next.version;
    delete next.binaryMediaTypes;
    delete next.minimumCompressionSize;
    delete next.policy;
    next.apiKeySource = 'HEADER';
  }
  // Endpoint configuration, tags and disableExecuteApiEndpoint are not replaced by PutRestApi (reference §11.2).
  return {
    ...next,
    ...(name && { name }),
    ...(description !== undefined && { description }),
    ...(version !== undefined && { version }),
    ...(binaryMediaTypes && { binaryMediaTypes }),
    ...(minimumCompressionSize !== undefined && { minimumCompressionSize }),
    ...(apiKeySource && { apiKeySource }),
    ...(policy !== undefined && { policy }),
  };
}

const putRestApi: OperationDefinition = {
  name: 'PutRestApi',
  method: 'PUT',
  path: '/restapis/{restapi_id}',
  rawPayload: true,
  async run(input, { tx }) {
    const { query, region } = input;
    const modeText = query.get('mode') ?? 'merge';
    // Message UNCONFIRMED (AWS's model names the enum `PutMode`: merge | overwrite).
    if (modeText !== 'merge' && modeText !== 'overwrite') throw badRequest(`Invalid mode: ${modeText}. Must be one of: [merge, overwrite]`);
    const existing = await requireRestApi(tx, input);
    const document = readDocument(input);
    const plan = convertOpenApiDocument(document, { apiId: existing.id, region, accountId: input.accountId, basePath: readBasePath(query) });
    if (query.get('ignore') === 'documentation') delete plan.documentationParts;
    checkApiMembers(plan, undefined);
    const api = updatedApi(existing, plan, modeText);
    await tx.put(collections.restApi, { region, parent: '', id: api.id }, api);
    const errors = await writeImportPlan(tx, { region, apiId: api.id, rootResourceId: api.rootResourceId, mode: modeText }, plan);
    checkOutcome(errors, plan, query.get('failonwarnings') === 'true');
    // AWS: PutRestApi answers with `tags` even when there are none (LocalStack's AWS-validated snapshot; test: openapi-import.test.ts "merges by default").
    return { status: 200, body: renderImported(api, plan.warnings, { tags: api.tags ?? {} }) };
  },
};

export const importRestApiOperations: OperationDefinition[] = [importRestApi, putRestApi];
