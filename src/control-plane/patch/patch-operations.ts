// AWS patch operations for every Update* call (reference §7.5): `{op, path, value, from}` with
// JSON-pointer escaping (`~1` is `/`, `~0` is `~`). This file parses and checks them; each operation
// file applies them to a copy of its record, so a patch that fails changes nothing.

import { ManagementError, badRequest } from '../management-error.js';

export type PatchOp = 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';

export interface PatchOperation {
  op: PatchOp;
  /** The raw path, as sent. */
  path: string;
  /** The path split into unescaped segments (`/a/b~1c` → `['a', 'b/c']`). */
  segments: string[];
  value?: string;
  from?: string;
}

const OPS: readonly string[] = ['add', 'remove', 'move', 'test', 'replace', 'copy'];

/** Reads `patchOperations` from an Update* body. `inputName` is e.g. `updateRestApiInput`. */
export function parsePatchOperations(body: Record<string, unknown>, inputName: string): PatchOperation[] {
  const raw = body.patchOperations;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new ManagementError('SerializationException', 'Start of structure or map found where not expected.');
  return raw.map((item: unknown, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      throw new ManagementError('SerializationException', 'Start of list found where not expected');
    }
    const entry = item as Record<string, unknown>;
    const op = entry.op;
    if (typeof op !== 'string' || !OPS.includes(op)) {
      throw new ManagementError(
        'ValidationException',
        `1 validation error detected: Value '${String(op)}' at '${inputName}.patchOperations.${index + 1}.member.op' failed to satisfy constraint: Member must satisfy enum value set: [add, remove, move, test, replace, copy]`,
      );
    }
    const path = entry.path;
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw badRequest(`Invalid patch path ${String(path ?? 'null')}`);
    }
    const value = entry.value;
    const from = entry.from;
    return {
      op: op as PatchOp,
      path,
      segments: splitPatchPath(path),
      ...(value !== undefined && value !== null ? { value: typeof value === 'string' ? value : JSON.stringify(value) } : {}),
      ...(typeof from === 'string' ? { from } : {}),
    };
  });
}

export function splitPatchPath(path: string): string[] {
  return path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value of a patch op, or AWS's error when it is missing. */
export function requireValue(operation: PatchOperation): string {
  if (operation.value === undefined) throw badRequest(`Invalid null or empty value for path ${operation.path}`);
  return operation.value;
}

/** Parses a patch value as a boolean the way AWS does (`"true"`/`"false"`). */
export function booleanValue(operation: PatchOperation): boolean {
  const value = requireValue(operation);
  if (value !== 'true' && value !== 'false') throw badRequest(`Invalid boolean value: ${value}`);
  return value === 'true';
}

/** Parses a patch value as an integer. */
export function integerValue(operation: PatchOperation): number {
  const value = requireValue(operation);
  if (!/^-?\d+$/.test(value)) throw badRequest(`Invalid integer value: ${value}`);
  return Number(value);
}

/** AWS's message for a path an operation does not support. */
export function invalidPatchPath(operation: PatchOperation, allowed?: readonly string[]): ManagementError {
  const suffix = allowed ? ` Must be one of: [${allowed.join(', ')}]` : '';
  return badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'.${suffix}`);
}
