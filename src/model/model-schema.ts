// Model schemas (JSON Schema draft 4) as API Gateway reads them: parsing the stored text, walking
// every subschema position, and `$ref`s to other models in AWS's canonical URL form
// `https://apigateway.amazonaws.com/restapis/{apiId}/models/{ModelName}`. Shared by the model
// operations (checks, flatten, templates) and the deploy-time compiler. Reference §4.

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type SchemaObject = { [key: string]: JsonValue };

export const MODEL_REF_PREFIX = 'https://apigateway.amazonaws.com/restapis/';

export function modelRefUrl(apiId: string, modelName: string): string {
  return `${MODEL_REF_PREFIX}${apiId}/models/${modelName}`;
}

/** What a `$ref` points at: another model of the API, a pointer inside the same schema, or neither. */
export type ModelRef = { kind: 'model'; name: string } | { kind: 'local' } | { kind: 'foreign' };

export function parseModelRef(ref: string, apiId: string): ModelRef {
  if (ref.startsWith('#')) return { kind: 'local' };
  const hash = ref.indexOf('#');
  const url = hash < 0 ? ref : ref.slice(0, hash);
  const prefix = `${MODEL_REF_PREFIX}${apiId}/models/`;
  if (!url.startsWith(prefix)) return { kind: 'foreign' };
  const name = url.slice(prefix.length);
  return name === '' || name.includes('/') ? { kind: 'foreign' } : { kind: 'model', name };
}

export function isSchemaObject(value: JsonValue | undefined): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The stored schema text parsed; `undefined` when it is not a JSON object. */
export function parseModelSchema(text: string | undefined): SchemaObject | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return isSchemaObject(value as JsonValue) ? (value as SchemaObject) : undefined;
}

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions'] as const;
const SCHEMA_LIST_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;
const SCHEMA_KEYWORDS = ['additionalItems', 'additionalProperties', 'not'] as const;

/** Calls `visit` on `schema` and on every subschema in a draft-4 schema position, depth first. */
export function forEachSchema(schema: SchemaObject, visit: (node: SchemaObject) => void): void {
  visit(schema);
  const children: JsonValue[] = [];
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (isSchemaObject(map)) children.push(...Object.values(map));
  }
  for (const keyword of SCHEMA_LIST_KEYWORDS) {
    const list = schema[keyword];
    if (Array.isArray(list)) children.push(...list);
  }
  for (const keyword of SCHEMA_KEYWORDS) {
    const child = schema[keyword];
    if (child !== undefined) children.push(child);
  }
  const items = schema.items;
  if (Array.isArray(items)) children.push(...items);
  else if (items !== undefined) children.push(items);
  const dependencies = schema.dependencies;
  if (isSchemaObject(dependencies)) children.push(...Object.values(dependencies).filter((value) => isSchemaObject(value)));
  for (const child of children) if (isSchemaObject(child)) forEachSchema(child, visit);
}

/** Every `$ref` string in a subschema position, in walk order. */
export function collectRefs(schema: SchemaObject): string[] {
  const refs: string[] = [];
  forEachSchema(schema, (node) => {
    if (typeof node.$ref === 'string') refs.push(node.$ref);
  });
  return refs;
}

/** The names of the models `schema` references directly (canonical refs of this API only). */
export function referencedModelNames(schema: SchemaObject, apiId: string): Set<string> {
  const names = new Set<string>();
  for (const ref of collectRefs(schema)) {
    const parsed = parseModelRef(ref, apiId);
    if (parsed.kind === 'model') names.add(parsed.name);
  }
  return names;
}

/**
 * A deep copy ready for a validator: `$schema` and string `id`s in schema positions removed, so every
 * model is read as draft 4 and resolves `$ref`s against its own canonical URL (UNCONFIRMED: AWS's
 * handling of `id`; pinned by compile-models.test.ts).
 */
export function normalizeModelSchema(schema: SchemaObject): SchemaObject {
  const copy = structuredClone(schema);
  forEachSchema(copy, (node) => {
    delete node.$schema;
    if (typeof node.id === 'string') delete node.id;
  });
  return copy;
}

/** Follows a local JSON pointer (`#/definitions/pet`) inside `root`. */
export function resolvePointer(root: JsonValue, pointer: string): JsonValue | undefined {
  const path = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (path === '' || path === '/') return path === '' ? root : undefined;
  let node: JsonValue | undefined = root;
  for (const raw of path.slice(1).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isSchemaObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

/**
 * GetModel `?flatten=true`: every canonical `$ref` replaced by the referenced model's schema
 * (without its `$schema`); a model already being inlined keeps its `$ref`, so cycles end.
 * `undefined` when nothing was replaced.
 */
export function flattenModelSchema(
  schema: SchemaObject,
  modelName: string,
  apiId: string,
  lookup: (name: string) => SchemaObject | undefined,
): SchemaObject | undefined {
  let replaced = false;
  const flatten = (node: JsonValue, chain: readonly string[]): JsonValue => {
    if (Array.isArray(node)) return node.map((item) => flatten(item, chain));
    if (!isSchemaObject(node)) return node;
    if (typeof node.$ref === 'string') {
      const ref = parseModelRef(node.$ref, apiId);
      const target = ref.kind === 'model' && !chain.includes(ref.name) ? lookup(ref.name) : undefined;
      if (ref.kind === 'model' && target !== undefined) {
        replaced = true;
        const { $schema: _dropped, ...rest } = target;
        return flatten(rest, [...chain, ref.name]);
      }
    }
    const copy: SchemaObject = {};
    for (const [key, value] of Object.entries(node)) copy[key] = flatten(value, chain);
    return copy;
  };
  const result = flatten(schema, [modelName]);
  return replaced && isSchemaObject(result) ? result : undefined;
}
