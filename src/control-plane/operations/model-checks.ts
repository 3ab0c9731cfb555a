// CreateModel / UpdateModel input checks with AWS's messages: the model name, the schema (JSON,
// valid draft 4, `$ref`s in canonical form to existing models, compilable), and the references
// that keep a model from being deleted. Reference §4, §8.2.

import type { Model, Resource } from '../../model/rest-api.js';
import { collectRefs, parseModelRef, parseModelSchema, referencedModelNames } from '../../model/model-schema.js';
import { createModelCompiler, isValidDraft4Schema, ModelCompileError } from '../../snapshot/compile-models.js';
import { badRequest, conflict, ManagementError } from '../management-error.js';

/** AWS: CreateModel / UpdateModel without a schema (test: models.test.ts). */
export const EMPTY_SCHEMA = 'Model schema must have at least 1 property or array items defined';

/** AWS wraps schema problems as `Invalid model specified: Validation Result: warnings : [], errors : [...]` (test: models.test.ts). */
export function invalidModel(errors: readonly string[]): ManagementError {
  return badRequest(`Invalid model specified: Validation Result: warnings : [], errors : [${errors.join(', ')}]`);
}

/** Coral's check of required members, before the operation runs (a ValidationException). */
export function checkRequiredMembers(inputName: string, members: Record<string, unknown>): void {
  const missing = Object.entries(members).filter(([, value]) => value === undefined);
  if (missing.length === 0) return;
  const details = missing.map(([member]) => `Value null at '${inputName}.${member}' failed to satisfy constraint: Member must not be null`);
  const count = missing.length === 1 ? '1 validation error' : `${missing.length} validation errors`;
  throw new ManagementError('ValidationException', `${count} detected: ${details.join('; ')}`);
}

/** AWS: `Model name must be non-empty`; `Model name must be alphanumeric: X` (tests: models.test.ts). */
export function checkModelName(name: string): void {
  if (name === '') throw badRequest('Model name must be non-empty');
  if (!/^[A-Za-z0-9]+$/.test(name)) throw badRequest(`Model name must be alphanumeric: ${name}`);
}

/**
 * Checks `schemaText` as the schema of model `name` among the API's `models` (which may hold the
 * model's previous version). A schema that fails the draft-4 meta-schema (for example
 * `"required": []`) is `Invalid model schema specified` (AWS, observed); a `$ref` outside the
 * canonical form is `Model reference must be in canonical form` (AWS, observed); a `$ref` to a
 * missing model is `Invalid model specified: X` (AWS import wording; UNCONFIRMED for CreateModel).
 * Finally every model that depends on this one must still compile. Tests: models.test.ts.
 */
export function checkModelSchema(apiId: string, name: string, schemaText: string | undefined, models: readonly Model[]): void {
  if (schemaText === undefined || schemaText === '') throw badRequest(EMPTY_SCHEMA);
  const schema = parseModelSchema(schemaText);
  if (schema === undefined || !isValidDraft4Schema(schema)) throw invalidModel(['Invalid model schema specified']);
  const existing = new Set(models.map((model) => model.name));
  existing.add(name);
  const errors = new Set<string>();
  for (const ref of collectRefs(schema)) {
    const parsed = parseModelRef(ref, apiId);
    if (parsed.kind === 'foreign') errors.add('Model reference must be in canonical form');
    else if (parsed.kind === 'model' && !existing.has(parsed.name)) errors.add(`Invalid model specified: ${parsed.name}`);
  }
  if (errors.size > 0) throw invalidModel([...errors]);
  const next = [...models.filter((model) => model.name !== name), { id: '', name, schema: schemaText, contentType: 'application/json' }];
  const compiler = createModelCompiler(apiId, next);
  try {
    for (const dependent of dependentsOf(apiId, name, next)) compiler.get(dependent);
  } catch (error) {
    if (error instanceof ModelCompileError) throw invalidModel(['Invalid model schema specified']);
    throw error;
  }
}

/** `name` and every model that references it, directly or through other models. */
function dependentsOf(apiId: string, name: string, models: readonly Model[]): string[] {
  const refsByModel = new Map(models.map((model) => [model.name, referencedModelNames(parseModelSchema(model.schema) ?? {}, apiId)]));
  const found = [name];
  for (let i = 0; i < found.length; i++) {
    for (const [candidate, refs] of refsByModel) {
      if (!found.includes(candidate) && refs.has(found[i]!)) found.push(candidate);
    }
  }
  return found;
}

/**
 * AWS: 409 `Cannot delete model 'X', is referenced in method request: //ANY` — the resource path,
 * then `/VERB` (test: models.test.ts). A model referenced by another model's `$ref` is refused as
 * `Cannot delete model 'X', is referenced in model: Y` (wording UNCONFIRMED).
 */
export function checkModelUnused(apiId: string, name: string, resources: readonly Resource[], models: readonly Model[]): void {
  for (const resource of resources) {
    for (const method of Object.values(resource.resourceMethods ?? {})) {
      if (Object.values(method.requestModels ?? {}).includes(name)) {
        throw conflict(`Cannot delete model '${name}', is referenced in method request: ${resource.path}/${method.httpMethod}`);
      }
    }
  }
  for (const model of models) {
    if (model.name === name) continue;
    if (referencedModelNames(parseModelSchema(model.schema) ?? {}, apiId).has(name)) {
      throw conflict(`Cannot delete model '${name}', is referenced in model: ${model.name}`);
    }
  }
}
