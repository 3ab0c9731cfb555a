// Deploy time: compiles an API's model schemas (JSON Schema draft 4) with one ajv instance per
// deployment. Every model is registered under its canonical URL, so `$ref`s between models resolve
// without any lookup at request time; the data plane only calls the compiled functions.
// AWS developer guide "Data models for REST APIs".

import type { ValidateFunction } from 'ajv';
import ajvDraft04 from 'ajv-draft-04';
import type { Model } from '../model/rest-api.js';
import { modelRefUrl, normalizeModelSchema, parseModelSchema, type JsonValue, type SchemaObject } from '../model/model-schema.js';
import { renderValidationErrorString } from './validation-error-string.js';

/** A model's compiled body check plus what the validation error string needs on failure. */
export interface CompiledModel {
  name: string;
  /** hot path: ajv's compiled draft-4 validator. */
  validate: ValidateFunction;
  /** `$context.error.validationErrorString` for a body `validate` refused (failure path only). */
  explain(instance: unknown): string;
}

/** The models of one deployment, by name, sharing one ajv instance; compiled on first `get`. */
export interface ModelCompiler {
  /** The normalized schemas of every model that parses, by canonical URL (for `$ref`s). */
  readonly schemasByUrl: ReadonlyMap<string, SchemaObject>;
  /** Compiles (once) the named model; throws ModelCompileError when it cannot be compiled. */
  get(name: string): CompiledModel | undefined;
}

export class ModelCompileError extends Error {
  constructor(
    readonly modelName: string,
    options?: { cause?: unknown },
  ) {
    super(`model ${modelName} cannot be compiled`, options);
    this.name = 'ModelCompileError';
  }
}

// The package is CommonJS: under NodeNext its default import is the module; the class is `.default`.
const Ajv04 = ajvDraft04.default;
type Ajv04 = InstanceType<typeof Ajv04>;

function createAjv(): Ajv04 {
  // AWS: formats are not checked and unknown keywords are ignored (UNCONFIRMED; pinned by
  // compile-models.test.ts); `pattern` is an ECMA 262 regex without the `u` flag.
  return new Ajv04({ strict: false, logger: false, validateFormats: false, unicodeRegExp: false, allErrors: false, validateSchema: false });
}

/** Registers every model of the API (those whose schema parses); compiles lazily, once each. */
export function createModelCompiler(apiId: string, models: readonly Model[]): ModelCompiler {
  const ajv = createAjv();
  const schemasByUrl = new Map<string, SchemaObject>();
  const byName = new Map<string, { url: string; schema: SchemaObject }>();
  for (const model of models) {
    const parsed = parseModelSchema(model.schema);
    if (parsed === undefined) continue;
    const schema = normalizeModelSchema(parsed);
    const url = modelRefUrl(apiId, model.name);
    try {
      ajv.addSchema(schema, url);
    } catch {
      continue;
    }
    schemasByUrl.set(url, schema);
    byName.set(model.name, { url, schema });
  }
  const compiled = new Map<string, CompiledModel>();
  return {
    schemasByUrl,
    get(name) {
      const cached = compiled.get(name);
      if (cached !== undefined) return cached;
      const entry = byName.get(name);
      if (entry === undefined) return undefined;
      let validate: ValidateFunction | undefined;
      try {
        validate = ajv.getSchema(entry.url);
      } catch (error) {
        throw new ModelCompileError(name, { cause: error });
      }
      if (validate === undefined) throw new ModelCompileError(name);
      const schema = entry.schema;
      const model: CompiledModel = { name, validate, explain: (instance) => renderValidationErrorString(schema, schemasByUrl, instance as JsonValue) };
      compiled.set(name, model);
      return model;
    },
  };
}

const metaAjv = createAjv();

/** Whether `schema` is a valid draft-4 schema (the draft-04 meta-schema; `$schema` is ignored). */
export function isValidDraft4Schema(schema: SchemaObject): boolean {
  const { $schema: _ignored, ...rest } = schema;
  return metaAjv.validateSchema(rest) === true;
}
