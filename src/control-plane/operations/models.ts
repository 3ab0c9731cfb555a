// CreateModel, GetModel (`?flatten=true`), GetModels, UpdateModel, DeleteModel and GetModelTemplate
// (reference §4, §8.1). Models are stored per API under their name; CreateRestApi adds `Empty` and
// `Error`. Schemas are checked here so that deploying can always compile them.

import type { Model } from '../../model/rest-api.js';
import { flattenModelSchema, parseModelRef, parseModelSchema, resolvePointer, isSchemaObject, type SchemaObject } from '../../model/model-schema.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, conflict, notFound } from '../management-error.js';
import { parsePatchOperations } from '../patch/patch-operations.js';
import { readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { checkModelName, checkModelSchema, checkModelUnused, checkRequiredMembers, EMPTY_SCHEMA } from './model-checks.js';
import { renderModelTemplate, type SchemaResolver } from './model-template.js';
import { paginate } from './pagination.js';

const MODEL_PATH = '/restapis/{restapi_id}/models/{model_name}';

/** AWS: an unknown API and an unknown model both answer `Invalid model name specified: X` (test: models.test.ts). */
async function requireModel(tx: StoreReader, input: OperationInput): Promise<Model> {
  const name = input.params.model_name ?? '';
  const model = await tx.get(collections.model, input.region, input.params.restapi_id ?? '', name);
  if (!model) throw notFound(`Invalid model name specified: ${name}`);
  return model;
}

const createModel: OperationDefinition = {
  name: 'CreateModel',
  method: 'POST',
  path: '/restapis/{restapi_id}/models',
  async run(input, { tx }) {
    const name = readString(input.body, 'name');
    const contentType = readString(input.body, 'contentType');
    checkRequiredMembers('createModelInput', { name, contentType });
    const api = await requireRestApi(tx, input);
    checkModelName(name!);
    // AWS: `Model name already exists for this REST API` (409; test: models.test.ts).
    if (await tx.get(collections.model, input.region, api.id, name!)) throw conflict('Model name already exists for this REST API');
    const schema = readString(input.body, 'schema');
    checkModelSchema(api.id, name!, schema, await tx.list(collections.model, input.region, api.id));
    const description = readString(input.body, 'description');
    const model: Model = {
      id: generateId(6),
      name: name!,
      // AWS: an empty description is dropped (test: models.test.ts).
      ...(description && { description }),
      schema: schema!,
      contentType: contentType!,
    };
    await tx.put(collections.model, { region: input.region, parent: api.id, id: model.name }, model);
    return { status: 201, body: model };
  },
};

const getModels: OperationDefinition = {
  name: 'GetModels',
  method: 'GET',
  path: '/restapis/{restapi_id}/models',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    return { status: 200, body: paginate(await tx.list(collections.model, input.region, api.id), input.query) };
  },
};

const getModel: OperationDefinition = {
  name: 'GetModel',
  method: 'GET',
  path: MODEL_PATH,
  async run(input, { tx }) {
    const model = await requireModel(tx, input);
    const schema = parseModelSchema(model.schema);
    if (input.query.get('flatten') !== 'true' || schema === undefined) return { status: 200, body: model };
    const apiId = input.params.restapi_id ?? '';
    const others = new Map<string, SchemaObject>();
    for (const other of await tx.list(collections.model, input.region, apiId)) {
      const parsed = parseModelSchema(other.schema);
      if (parsed !== undefined) others.set(other.name, parsed);
    }
    // AWS: `$ref`s are inlined and the result serialised as JSON (formatting UNCONFIRMED; test: models.test.ts).
    const flattened = flattenModelSchema(schema, model.name, apiId, (name) => others.get(name));
    return { status: 200, body: flattened === undefined ? model : { ...model, schema: JSON.stringify(flattened) } };
  },
};

const UPDATABLE = ['/description', '/schema'];

const updateModel: OperationDefinition = {
  name: 'UpdateModel',
  method: 'PATCH',
  path: MODEL_PATH,
  async run(input, { tx }) {
    const model = structuredClone(await requireModel(tx, input));
    const apiId = input.params.restapi_id ?? '';
    let schemaChanged = false;
    for (const operation of parsePatchOperations(input.body, 'updateModelInput')) {
      // AWS: `Invalid patch path  '/x' specified for op 'add'. Please choose supported operations`,
      // then `... for op 'replace'. Must be one of: [/description, /schema]` (test: models.test.ts).
      if (operation.op !== 'replace') throw badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
      if (!UPDATABLE.includes(operation.path)) {
        throw badRequest(`Invalid patch path  '${operation.path}' specified for op 'replace'. Must be one of: [${UPDATABLE.join(', ')}]`);
      }
      if (operation.path === '/description') {
        if (operation.value) model.description = operation.value;
        else delete model.description;
      } else {
        if (!operation.value) throw badRequest(EMPTY_SCHEMA);
        model.schema = operation.value;
        schemaChanged = true;
      }
    }
    if (schemaChanged) checkModelSchema(apiId, model.name, model.schema, await tx.list(collections.model, input.region, apiId));
    await tx.put(collections.model, { region: input.region, parent: apiId, id: model.name }, model);
    return { status: 200, body: model };
  },
};

const deleteModel: OperationDefinition = {
  name: 'DeleteModel',
  method: 'DELETE',
  path: MODEL_PATH,
  async run(input, { tx }) {
    const model = await requireModel(tx, input);
    const apiId = input.params.restapi_id ?? '';
    const resources = await tx.list(collections.resource, input.region, apiId);
    checkModelUnused(apiId, model.name, resources, await tx.list(collections.model, input.region, apiId));
    await tx.delete(collections.model, { region: input.region, parent: apiId, id: model.name });
    return { status: 202 };
  },
};

const getModelTemplate: OperationDefinition = {
  name: 'GetModelTemplate',
  method: 'GET',
  path: `${MODEL_PATH}/default_template`,
  async run(input, { tx }) {
    const model = await requireModel(tx, input);
    const apiId = input.params.restapi_id ?? '';
    const root = parseModelSchema(model.schema);
    if (root === undefined) throw badRequest(EMPTY_SCHEMA);
    const schemas = new Map<string, SchemaObject>();
    for (const other of await tx.list(collections.model, input.region, apiId)) {
      const parsed = parseModelSchema(other.schema);
      if (parsed !== undefined) schemas.set(other.name, parsed);
    }
    const resolve: SchemaResolver = (node) => {
      let current = node;
      let document = root;
      for (let hops = 0; hops < 32 && typeof current.$ref === 'string'; hops++) {
        const ref = current.$ref;
        const parsed = parseModelRef(ref, apiId);
        if (parsed.kind === 'foreign') return {};
        if (parsed.kind === 'model') document = schemas.get(parsed.name) ?? {};
        const hash = ref.indexOf('#');
        const target = hash < 0 ? document : resolvePointer(document, ref.slice(hash));
        if (!isSchemaObject(target)) return {};
        current = target;
      }
      return current;
    };
    return { status: 200, body: { value: renderModelTemplate(root, resolve) } };
  },
};

export const modelOperations: OperationDefinition[] = [createModel, getModels, getModel, updateModel, deleteModel, getModelTemplate];
