// Table-driven checks for the Update* calls of methods, method responses, integrations and
// integration responses: which paths exist, which ops each path takes, and applying one op to a
// string-keyed map member. Messages are AWS's (reference §7.5; tests: methods.test.ts).

import { badRequest, notFound } from '../management-error.js';
import type { PatchOp, PatchOperation } from '../patch/patch-operations.js';

export interface PatchRule {
  /** The first path segment, e.g. `requestParameters`. */
  field: string;
  /** Whether the path carries a key (`/requestParameters/{name}`) or not (`/uri`). */
  keyed: boolean;
  ops: readonly PatchOp[];
}

export interface MatchedPatch {
  field: string;
  /** The unescaped key of a keyed path (`application~1json` → `application/json`). */
  key: string;
}

/**
 * AWS: a path outside the table is `Invalid patch path /x`; a known path with an op it does not
 * take is `Invalid patch operation specified. Must be one of: [replace]` (test: methods.test.ts).
 */
export function matchPatchRule(operation: PatchOperation, rules: readonly PatchRule[]): MatchedPatch {
  const [field, key, ...rest] = operation.segments;
  const rule = rules.find((candidate) => candidate.field === field);
  const shapeOk = rule !== undefined && rest.length === 0 && (rule.keyed ? key !== undefined && key !== '' : key === undefined);
  if (!rule || !shapeOk) throw badRequest(`Invalid patch path ${operation.path}`);
  if (!rule.ops.includes(operation.op)) throw badRequest(`Invalid patch operation specified. Must be one of: [${rule.ops.join(', ')}]`);
  return { field: rule.field, key: key ?? '' };
}

/**
 * Applies add / replace / remove of one key to a map member and returns the new map (`undefined`
 * once empty, so the member disappears from the wire). Replacing or removing a key that is not
 * there is AWS's 404 `Invalid parameter name specified`.
 */
export function patchMap<V>(
  map: Record<string, V> | undefined,
  operation: PatchOperation,
  key: string,
  valueOf: (operation: PatchOperation) => V,
): Record<string, V> | undefined {
  const next: Record<string, V> = { ...map };
  const present = Object.hasOwn(next, key);
  // AWS: `Invalid parameter name specified` (404) for a missing key (test: integrations.test.ts).
  if ((operation.op === 'replace' || operation.op === 'remove') && !present) throw notFound('Invalid parameter name specified');
  if (operation.op === 'remove') delete next[key];
  else next[key] = valueOf(operation);
  return Object.keys(next).length > 0 ? next : undefined;
}

/** AWS reads patch booleans leniently: anything but `true` is false (test: methods.test.ts "wrong value type"). */
export function lenientBoolean(operation: PatchOperation): boolean {
  return operation.value?.toLowerCase() === 'true';
}

/** A required string value of an add/replace op; `member` names the map for AWS's message. */
export function requireMapValue(operation: PatchOperation, member: string): string {
  if (operation.value === undefined) throw badRequest(`Invalid null or empty value in ${member}`);
  return operation.value;
}
