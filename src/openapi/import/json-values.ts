// Reading an untrusted OpenAPI document: narrowing `unknown` values and following local `$ref`s
// (`#/definitions/X`, `#/components/parameters/Y`). Shared by every converter file.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function objectAt(parent: JsonObject | undefined, key: string): JsonObject | undefined {
  const value = parent?.[key];
  return isObject(value) ? value : undefined;
}

/** A string member; numbers and booleans are read as their text (YAML turns `200` into a number). */
export function textAt(parent: JsonObject | undefined, key: string): string | undefined {
  const value = parent?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function booleanAt(parent: JsonObject | undefined, key: string): boolean | undefined {
  const value = parent?.[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return undefined;
}

export function integerAt(parent: JsonObject | undefined, key: string): number | undefined {
  const value = parent?.[key];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

export function stringListAt(parent: JsonObject | undefined, key: string): string[] | undefined {
  const value = parent?.[key];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return undefined;
  return value.filter((item): item is string | number => typeof item === 'string' || typeof item === 'number').map(String);
}

/** Follows a local JSON pointer (`#/a/b`); `undefined` when it leads nowhere. */
export function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** An object, or the object its local `$ref` chain points at (at most 16 hops). */
export function derefObject(root: JsonObject, value: unknown): JsonObject | undefined {
  let node = value;
  for (let hops = 0; hops < 16 && isObject(node) && typeof node.$ref === 'string'; hops++) {
    node = resolvePointer(root, node.$ref);
  }
  return isObject(node) && typeof node.$ref !== 'string' ? node : undefined;
}
