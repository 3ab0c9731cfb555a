// Export: the API's models as OpenAPI schemas (`definitions` in Swagger 2.0, `components.schemas`
// in OpenAPI 3.0), with `$ref`s between models rewritten from AWS's model URLs to local pointers.
// AWS doc: "Export a REST API from API Gateway" (only application/json models are exportable).

import type { Model } from '../../model/rest-api.js';
import { isSchemaObject, parseModelRef, parseModelSchema, type JsonValue, type SchemaObject } from '../../model/model-schema.js';
import type { Flavour } from './export-options.js';

const JSON_CONTENT_TYPE = 'application/json';

/**
 * Why the API cannot be exported, or `undefined`. AWS refuses APIs with models for other content
 * types; the text after "for" is UNCONFIRMED (AWS documents only the prefix).
 */
export function findExportRefusal(models: readonly Model[]): string | undefined {
  const nonJson = models.filter((model) => model.contentType !== JSON_CONTENT_TYPE);
  if (nonJson.length === 0) return undefined;
  return `Only found non-JSON body models for ${nonJson.map((model) => model.name).join(', ')}`;
}

/** `{ModelName: schema}` in the API's model order; `$schema` is dropped as AWS's exports do. */
export function renderSchemas(models: readonly Model[], apiId: string, flavour: Flavour): Record<string, JsonValue> {
  const schemas: Record<string, JsonValue> = {};
  for (const model of models) {
    const schema: SchemaObject = { ...(parseModelSchema(model.schema) ?? {}) };
    delete schema.$schema;
    schemas[model.name] = rewriteRefs(schema, apiId, flavour);
  }
  return schemas;
}

function rewriteRefs(value: JsonValue, apiId: string, flavour: Flavour): JsonValue {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, apiId, flavour));
  if (!isSchemaObject(value)) return value;
  const rewritten: SchemaObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const ref = parseModelRef(child, apiId);
      rewritten[key] = ref.kind === 'model' ? `${flavour.schemaRefPrefix}${ref.name}` : child;
    } else {
      rewritten[key] = rewriteRefs(child, apiId, flavour);
    }
  }
  return rewritten;
}

/** `{"$ref": "#/definitions/Name"}` (or the OpenAPI 3 pointer) for a model used by a method. */
export function schemaRef(modelName: string, flavour: Flavour): { $ref: string } {
  return { $ref: `${flavour.schemaRefPrefix}${modelName}` };
}
