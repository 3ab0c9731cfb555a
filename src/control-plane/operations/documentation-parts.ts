// CreateDocumentationPart, GetDocumentationPart(s), UpdateDocumentationPart, DeleteDocumentationPart
// and ImportDocumentationParts (`PUT .../documentation/parts?mode=merge|overwrite`, an OpenAPI file's
// `x-amazon-apigateway-documentation`). AWS API reference "DocumentationPart"; DG "Documenting REST APIs".

import type { DocumentationPart } from '../../model/rest-api.js';
import { convertDocumentationParts } from '../../openapi/import/documentation.js';
import type { PlannedDocumentationPart } from '../../openapi/import/import-plan.js';
import { OpenApiInputError, parseOpenApiDocument } from '../../openapi/parse-document.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { StoreReader, StoreWriter } from '../../store/store.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { readObject, readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { checkDocumentationProperties, checkLocationFree, parseDocumentationLocation, parseDocumentationPartType, sameDocumentationLocation } from './documentation-part-checks.js';
import type { ImportMode } from './import-plan-writer.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';

const PARTS_PATH = '/restapis/{restapi_id}/documentation/parts';
const PART_PATH = `${PARTS_PATH}/{part_id}`;
/** Message UNCONFIRMED (AWS's pattern for other resources; test: documentation-parts.test.ts). */
const NOT_FOUND = 'Invalid Documentation part identifier specified';

async function requirePart(tx: StoreReader, input: OperationInput): Promise<DocumentationPart> {
  await requireRestApi(tx, input);
  const part = await tx.get(collections.documentationPart, input.region, input.params.restapi_id ?? '', input.params.part_id ?? '');
  if (!part) throw notFound(NOT_FOUND);
  return part;
}

const createDocumentationPart: OperationDefinition = {
  name: 'CreateDocumentationPart',
  method: 'POST',
  path: PARTS_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const rawLocation = readObject(input.body, 'location');
    if (rawLocation === undefined) throw new ManagementError('ValidationException', "1 validation error detected: Value null at 'createDocumentationPartInput.location' failed to satisfy constraint: Member must not be null");
    const location = parseDocumentationLocation(rawLocation, 'createDocumentationPartInput.location');
    const properties = readString(input.body, 'properties');
    if (properties === undefined) throw new ManagementError('ValidationException', "1 validation error detected: Value null at 'createDocumentationPartInput.properties' failed to satisfy constraint: Member must not be null");
    checkDocumentationProperties(properties);
    checkLocationFree(await tx.list(collections.documentationPart, input.region, api.id), location);
    const part: DocumentationPart = { id: generateId(6), location, properties };
    await tx.put(collections.documentationPart, { region: input.region, parent: api.id, id: part.id }, part);
    return { status: 201, body: part };
  },
};

/** DOCUMENTED: the part has content (a non-empty properties object); UNDOCUMENTED: it has none. */
function isDocumented(part: DocumentationPart): boolean {
  const properties: unknown = JSON.parse(part.properties);
  return properties !== null && typeof properties === 'object' && Object.keys(properties).length > 0;
}

const getDocumentationParts: OperationDefinition = {
  name: 'GetDocumentationParts',
  method: 'GET',
  path: PARTS_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const { query } = input;
    const type = query.get('type');
    if (type !== null) parseDocumentationPartType(type, 'type');
    const status = query.get('locationStatus');
    if (status !== null && status !== 'DOCUMENTED' && status !== 'UNDOCUMENTED') {
      throw new ManagementError('ValidationException', `1 validation error detected: Value '${status}' at 'locationStatus' failed to satisfy constraint: Member must satisfy enum value set: [DOCUMENTED, UNDOCUMENTED]`);
    }
    const path = query.get('path');
    // UNCONFIRMED: `name` (the SDK's `nameQuery`) matches the location name exactly (test: documentation-parts.test.ts).
    const name = query.get('name');
    const parts = (await tx.list(collections.documentationPart, input.region, api.id)).filter(
      (part) =>
        (type === null || part.location.type === type) &&
        (path === null || part.location.path === path) &&
        (name === null || part.location.name === name) &&
        (status === null || isDocumented(part) === (status === 'DOCUMENTED')),
    );
    return { status: 200, body: paginate(parts, query) };
  },
};

const getDocumentationPart: OperationDefinition = {
  name: 'GetDocumentationPart',
  method: 'GET',
  path: PART_PATH,
  async run(input, { tx }) {
    return { status: 200, body: await requirePart(tx, input) };
  },
};

const updateDocumentationPart: OperationDefinition = {
  name: 'UpdateDocumentationPart',
  method: 'PATCH',
  path: PART_PATH,
  async run(input, { tx }) {
    const part = structuredClone(await requirePart(tx, input));
    for (const operation of parsePatchOperations(input.body, 'updateDocumentationPartInput')) {
      // AWS: the location is the part's identity; only `/properties` can be replaced (wording as UpdateRequestValidator's, UNCONFIRMED).
      if (operation.op !== 'replace') throw badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
      if (operation.path !== '/properties') throw badRequest(`Invalid patch path  '${operation.path}' specified for op 'replace'. Must be one of: [/properties]`);
      checkDocumentationProperties(operation.value ?? '');
      part.properties = operation.value ?? '';
    }
    await tx.put(collections.documentationPart, { region: input.region, parent: input.params.restapi_id ?? '', id: part.id }, part);
    return { status: 200, body: part };
  },
};

const deleteDocumentationPart: OperationDefinition = {
  name: 'DeleteDocumentationPart',
  method: 'DELETE',
  path: PART_PATH,
  async run(input, { tx }) {
    const part = await requirePart(tx, input);
    await tx.delete(collections.documentationPart, { region: input.region, parent: input.params.restapi_id ?? '', id: part.id });
    return { status: 202 };
  },
};

/**
 * Writes imported parts: merge (and create) replaces the part at the same location, keeping its id;
 * overwrite first deletes every part. A part AWS cannot take is skipped with a warning (UNCONFIRMED:
 * AWS's ImportDocumentationParts reports `warnings`; test: documentation-parts.test.ts).
 */
export async function writeDocumentationParts(
  tx: StoreWriter,
  scope: { region: string; apiId: string },
  planned: readonly PlannedDocumentationPart[],
  mode: ImportMode,
): Promise<{ ids: string[]; warnings: string[] }> {
  const address = (id: string) => ({ region: scope.region, parent: scope.apiId, id });
  const existing = await tx.list(collections.documentationPart, scope.region, scope.apiId);
  if (mode === 'overwrite') for (const part of existing) await tx.delete(collections.documentationPart, address(part.id));
  const current = mode === 'overwrite' ? [] : [...existing];
  const ids: string[] = [];
  const warnings: string[] = [];
  for (const [index, item] of planned.entries()) {
    try {
      const location = parseDocumentationLocation(item.location, 'location');
      checkDocumentationProperties(item.properties);
      const same = current.findIndex((part) => sameDocumentationLocation(part.location, location));
      const part: DocumentationPart = { id: same >= 0 ? current[same]!.id : generateId(6), location, properties: item.properties };
      if (same >= 0) current[same] = part;
      else current.push(part);
      await tx.put(collections.documentationPart, address(part.id), part);
      ids.push(part.id);
    } catch (error) {
      if (!(error instanceof ManagementError)) throw error;
      warnings.push(`Invalid documentation part at index ${index}: ${error.message}. Ignoring.`);
    }
  }
  return { ids, warnings };
}

const importDocumentationParts: OperationDefinition = {
  name: 'ImportDocumentationParts',
  method: 'PUT',
  path: PARTS_PATH,
  rawPayload: true,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const mode = input.query.get('mode') ?? 'merge';
    // Message UNCONFIRMED (AWS's model names the enum `PutMode`: merge | overwrite).
    if (mode !== 'merge' && mode !== 'overwrite') throw badRequest(`Invalid mode: ${mode}. Must be one of: [merge, overwrite]`);
    let root;
    try {
      root = parseOpenApiDocument(input.rawBody).root;
    } catch (error) {
      if (error instanceof OpenApiInputError) throw badRequest(error.message);
      throw error;
    }
    const fileWarnings: string[] = [];
    const planned = convertDocumentationParts(root, fileWarnings);
    const { ids, warnings } = await writeDocumentationParts(tx, { region: input.region, apiId: api.id }, planned, mode);
    const all = [...fileWarnings, ...warnings];
    // AWS: `failonwarnings=true` fails the import (and changes nothing) when there is a warning; wording UNCONFIRMED.
    if (input.query.get('failonwarnings') === 'true' && all.length > 0) throw badRequest(`Warnings found during import:\n\t${all.join('\n\t')}`);
    return { status: 200, body: { ids, ...(all.length > 0 && { warnings: all }) } };
  },
};

export const documentationPartOperations: OperationDefinition[] = [
  createDocumentationPart,
  getDocumentationParts,
  getDocumentationPart,
  updateDocumentationPart,
  deleteDocumentationPart,
  importDocumentationParts,
];
