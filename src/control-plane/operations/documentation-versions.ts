// CreateDocumentationVersion, GetDocumentationVersion(s), UpdateDocumentationVersion and
// DeleteDocumentationVersion: a version freezes the API's documentation parts when it is created; a
// stage associated with it exports that snapshot (GetExport). API reference "DocumentationVersion";
// DG "Publish API documentation using the API Gateway REST API".

import type { DocumentationVersion, DocumentationVersionRecord } from '../../model/rest-api.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, conflict, notFound } from '../management-error.js';
import { invalidPatchPath, parsePatchOperations } from '../patch/patch-operations.js';
import { readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import { requireStage } from './stage-records.js';

const VERSIONS_PATH = '/restapis/{restapi_id}/documentation/versions';
const VERSION_PATH = `${VERSIONS_PATH}/{doc_version}`;
/**
 * Message UNCONFIRMED by the reference; it is the one real AWS answers according to the
 * serverless-aws-documentation plugin, which matches on it (test: documentation-versions.test.ts).
 */
const NOT_FOUND = 'Invalid Documentation version specified';

/** The wire shape: the frozen parts are never returned. */
function renderDocumentationVersion(record: DocumentationVersionRecord): DocumentationVersion {
  const { parts: _parts, ...version } = record;
  return version;
}

/** The version the path names, with the id of the API it belongs to. */
async function requireVersion(tx: StoreReader, input: OperationInput): Promise<{ apiId: string; record: DocumentationVersionRecord }> {
  const api = await requireRestApi(tx, input);
  const record = await tx.get(collections.documentationVersion, input.region, api.id, input.params.doc_version ?? '');
  if (!record) throw notFound(NOT_FOUND);
  return { apiId: api.id, record };
}

const createDocumentationVersion: OperationDefinition = {
  name: 'CreateDocumentationVersion',
  method: 'POST',
  path: VERSIONS_PATH,
  async run(input, { tx, clock }) {
    const { body, region } = input;
    const api = await requireRestApi(tx, input);
    const version = readString(body, 'documentationVersion');
    // Type and message UNCONFIRMED (siblings answer a missing required member with a ValidationException).
    if (version === undefined || version === '') throw badRequest('Documentation version must be specified');
    const stageName = readString(body, 'stageName');
    // AWS: the stage must already exist (DG "Publish API documentation using the API Gateway REST API").
    const stage = stageName === undefined ? undefined : structuredClone(await requireStage(tx, input, api.id, stageName));
    // Message UNCONFIRMED.
    if (await tx.get(collections.documentationVersion, region, api.id, version)) throw conflict('Documentation version already exists');
    const description = readString(body, 'description');
    const createdDate = Math.floor(clock.now() / 1000);
    const record: DocumentationVersionRecord = {
      version,
      createdDate,
      ...(description !== undefined && { description }),
      parts: await tx.list(collections.documentationPart, region, api.id),
    };
    await tx.put(collections.documentationVersion, { region, parent: api.id, id: version }, record);
    if (stage) {
      stage.documentationVersion = version;
      stage.lastUpdatedDate = createdDate;
      await tx.put(collections.stage, { region, parent: api.id, id: stage.stageName }, stage);
    }
    return { status: 201, body: renderDocumentationVersion(record) };
  },
};

const getDocumentationVersion: OperationDefinition = {
  name: 'GetDocumentationVersion',
  method: 'GET',
  path: VERSION_PATH,
  async run(input, { tx }) {
    return { status: 200, body: renderDocumentationVersion((await requireVersion(tx, input)).record) };
  },
};

const getDocumentationVersions: OperationDefinition = {
  name: 'GetDocumentationVersions',
  method: 'GET',
  path: VERSIONS_PATH,
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const versions = (await tx.list(collections.documentationVersion, input.region, api.id)).map(renderDocumentationVersion);
    return { status: 200, body: paginate(versions, input.query) };
  },
};

const updateDocumentationVersion: OperationDefinition = {
  name: 'UpdateDocumentationVersion',
  method: 'PATCH',
  path: VERSION_PATH,
  async run(input, { tx }) {
    const found = await requireVersion(tx, input);
    const record = structuredClone(found.record);
    for (const operation of parsePatchOperations(input.body, 'updateDocumentationVersionInput')) {
      // AWS: only the description can change (DG "Publish API documentation using the API Gateway
      // REST API"); wording as UpdateDocumentationPart's, UNCONFIRMED.
      if (operation.op !== 'replace') throw badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
      if (operation.path !== '/description') throw invalidPatchPath(operation, ['/description']);
      if (operation.value === undefined) delete record.description;
      else record.description = operation.value;
    }
    await tx.put(collections.documentationVersion, { region: input.region, parent: found.apiId, id: record.version }, record);
    return { status: 200, body: renderDocumentationVersion(record) };
  },
};

const deleteDocumentationVersion: OperationDefinition = {
  name: 'DeleteDocumentationVersion',
  method: 'DELETE',
  path: VERSION_PATH,
  async run(input, { tx }) {
    const { apiId, record } = await requireVersion(tx, input);
    // UNCONFIRMED: a stage still associated with the version keeps its `documentationVersion`.
    await tx.delete(collections.documentationVersion, { region: input.region, parent: apiId, id: record.version });
    // AWS: 202 with an empty body (API reference "DeleteDocumentationVersion").
    return { status: 202 };
  },
};

export const documentationVersionOperations: OperationDefinition[] = [
  createDocumentationVersion,
  getDocumentationVersion,
  getDocumentationVersions,
  updateDocumentationVersion,
  deleteDocumentationVersion,
];
