// Models from `definitions` (Swagger 2.0) / `components.schemas` (OpenAPI 3): each schema becomes a
// JSON Schema draft 4 model whose `$ref`s point at API Gateway's canonical model URLs
// (`https://apigateway.amazonaws.com/restapis/{id}/models/{Name}`), as AWS converts them.
// AWS developer guide "Data models for REST APIs" and "OpenAPI import: important notes".

import { createHash } from 'node:crypto';
import { modelRefUrl } from '../../model/model-schema.js';
import type { ConvertContext } from './convert-context.js';
import type { PlannedModel } from './import-plan.js';
import { isObject, type JsonObject, objectAt } from './json-values.js';

/** OpenAPI keywords AWS does not carry into draft 4 models (developer guide "important notes"). */
const DROPPED_KEYWORDS = new Set(['discriminator', 'example', 'examples', 'readOnly', 'writeOnly', 'xml', 'externalDocs', 'deprecated', 'nullable']);
/** Keywords whose value is a map of name → schema (the names are not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_REF = /^#\/(?:definitions|components\/schemas)\/([^/]+)$/;
const MODEL_NAME = /^[A-Za-z0-9]+$/;

/** The schemas of the document by name (`definitions` or `components.schemas`). */
export function documentSchemas(root: JsonObject, version: 2 | 3): JsonObject {
  return (version === 2 ? objectAt(root, 'definitions') : objectAt(objectAt(root, 'components'), 'schemas')) ?? {};
}

/** The names AWS can import: alphanumeric ones; the others are ignored with AWS's warning. */
export function importableSchemaNames(schemas: JsonObject, warnings: string[]): Set<string> {
  const names = new Set<string>();
  for (const name of Object.keys(schemas)) {
    // AWS: `Model name must be alphanumeric: X` (aws-apigateway-importer issue #194; ignored, not fatal: UNCONFIRMED).
    if (MODEL_NAME.test(name)) names.add(name);
    else warnings.push(`Model name must be alphanumeric: ${name}`);
  }
  return names;
}

function refName(ref: string): string | undefined {
  const match = SCHEMA_REF.exec(ref);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** A deep copy of `schema` as a draft 4 model schema. */
export function convertSchema(ctx: ConvertContext, schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map((item) => convertSchema(ctx, item));
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED_KEYWORDS.has(key) || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') {
      const name = refName(value);
      if (name === undefined) out.$ref = value;
      else if (ctx.schemaNames.has(name)) out.$ref = modelRefUrl(ctx.options.apiId, name);
      else {
        // AWS: a reference to a missing model is a warning, and the reference is dropped (developer guide "Errors and warnings"; test: models.test.ts).
        ctx.warnings.push(`Reference to model '${name}' not found. Ignoring.`);
        return {};
      }
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      const map: JsonObject = {};
      for (const [name, member] of Object.entries(value)) map[name] = convertSchema(ctx, member);
      out[key] = map;
    } else {
      out[key] = convertSchema(ctx, value);
    }
  }
  return out;
}

function plannedModel(ctx: ConvertContext, name: string, schema: JsonObject): PlannedModel {
  const converted = convertSchema(ctx, schema);
  const description = typeof schema.description === 'string' && schema.description !== '' ? schema.description : undefined;
  return { name, ...(description !== undefined && { description }), schema: JSON.stringify(converted) };
}

/** Adds a model per importable document schema to `ctx.models`. */
export function convertDocumentModels(ctx: ConvertContext, schemas: JsonObject): void {
  for (const name of ctx.schemaNames) {
    const schema = schemas[name];
    ctx.models.set(name, plannedModel(ctx, name, isObject(schema) ? schema : {}));
  }
}

/**
 * The model a request or response schema stands for: the named schema of a `$ref`, or a model made
 * for an inline object/array schema (`MODEL` + 6 hex digits of its hash). Primitive schemas have no
 * model (AWS ignores primitive response schemas: developer guide "important notes").
 */
export function modelNameForSchema(ctx: ConvertContext, schema: unknown): string | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref);
    if (name !== undefined && ctx.schemaNames.has(name)) return name;
    ctx.warnings.push(`Reference to model '${name ?? schema.$ref}' not found. Ignoring.`);
    return undefined;
  }
  const structured = schema.type === 'object' || schema.type === 'array' || isObject(schema.properties) || Array.isArray(schema.allOf) || Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf);
  if (!structured) return undefined;
  // Naming of inline models is UNCONFIRMED (AWS's own generated names are not documented).
  const name = `MODEL${createHash('sha1').update(JSON.stringify(schema)).digest('hex').slice(0, 6)}`;
  if (!ctx.models.has(name)) ctx.models.set(name, plannedModel(ctx, name, schema));
  return name;
}
