// The resource tree of one REST API as stored: children through the parent-id index, subtrees,
// path recomputation after a move or rename, and the wire rendering of a Resource (method stubs,
// or full methods with `?embed=methods`). Shared by the resource and method-level operations.

import { childPath } from '../../model/path-part.js';
import type { Method, Resource } from '../../model/rest-api.js';
import { collections } from '../../store/collections.js';
import type { StoreReader, StoreWriter } from '../../store/store.js';

/** Where an API's records live: the region and the owning REST API. */
export interface ApiScope {
  region: string;
  apiId: string;
}

export function listChildren(tx: StoreReader, scope: ApiScope, parentId: string): Promise<Resource[]> {
  return tx.listByIndex(collections.resource, scope.region, scope.apiId, parentId);
}

/** The resource and every descendant, parents before children. */
export async function listSubtree(tx: StoreReader, scope: ApiScope, root: Resource): Promise<Resource[]> {
  const subtree = [root];
  for (let i = 0; i < subtree.length; i++) {
    subtree.push(...(await listChildren(tx, scope, subtree[i]!.id)));
  }
  return subtree;
}

/** Writes a resource with its parent id as the secondary index ('' for the root). */
export function saveResource(tx: StoreWriter, scope: ApiScope, resource: Resource): Promise<void> {
  return tx.put(collections.resource, { region: scope.region, parent: scope.apiId, id: resource.id }, resource, resource.parentId ?? '');
}

/** After `resource.path` changed: rewrites the `path` of every descendant. */
export async function rewriteDescendantPaths(tx: StoreWriter, scope: ApiScope, resource: Resource): Promise<void> {
  const pending = [resource];
  for (let parent = pending.pop(); parent; parent = pending.pop()) {
    for (const child of await listChildren(tx, scope, parent.id)) {
      child.path = childPath(parent.path, child.pathPart ?? '');
      await saveResource(tx, scope, child);
      pending.push(child);
    }
  }
}

/** A resource on the wire: its methods in full, or as empty stubs. */
export type ResourceView = Omit<Resource, 'resourceMethods'> & {
  resourceMethods?: Record<string, Method> | Record<string, Record<string, never>>;
};

/** `?embed=methods` (repeated or comma-separated, as the SDK sends a list). */
export function wantsEmbeddedMethods(query: URLSearchParams): boolean {
  return query
    .getAll('embed')
    .flatMap((value) => value.split(','))
    .some((value) => value.trim() === 'methods');
}

/**
 * The wire shape of a resource. AWS lists each method as an empty stub (`{"GET": {}}`) unless
 * `?embed=methods` asks for the full method; a resource without methods has no `resourceMethods`.
 */
export function renderResource(resource: Resource, embedMethods: boolean): ResourceView {
  const { resourceMethods, ...rest } = resource;
  if (!resourceMethods || Object.keys(resourceMethods).length === 0) return rest;
  if (embedMethods) return { ...rest, resourceMethods };
  const stubs: Record<string, Record<string, never>> = {};
  for (const verb of Object.keys(resourceMethods)) stubs[verb] = {};
  return { ...rest, resourceMethods: stubs };
}
