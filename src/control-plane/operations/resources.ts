// GetResources, GetResource, CreateResource, UpdateResource, DeleteResource (reference §1.2, §8.1).
// Resources form a tree stored flat (index = parent id); moving or renaming one rewrites the
// `path` of its whole subtree, and deleting one deletes the subtree.

import { childPath, INVALID_PATH_PART_MESSAGE, isGreedyPathPart, isVariablePathPart, parsePathPart } from '../../model/path-part.js';
import type { Resource } from '../../model/rest-api.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { badRequest, conflict } from '../management-error.js';
import { invalidPatchPath, parsePatchOperations } from '../patch/patch-operations.js';
import { readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireResource, requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';
import {
  type ApiScope,
  listChildren,
  listSubtree,
  renderResource,
  rewriteDescendantPaths,
  saveResource,
  wantsEmbeddedMethods,
} from './resource-tree.js';

const RESOURCE_PATH = '/restapis/{restapi_id}/resources/{resource_id}';
const UPDATABLE_PATHS = ['/parentId', '/pathPart'];

async function scopeOf(tx: StoreReader, input: OperationInput): Promise<ApiScope> {
  const api = await requireRestApi(tx, input);
  return { region: input.region, apiId: api.id };
}

function checkPathPart(pathPart: string | undefined): string {
  if (pathPart === undefined || parsePathPart(pathPart) === undefined) throw badRequest(INVALID_PATH_PART_MESSAGE);
  return pathPart;
}

/**
 * The rules a resource's place in the tree must follow: its parent is not greedy, at most one
 * variable child per parent, and sibling names are unique. `self` is excluded from the siblings.
 */
async function checkPlacement(tx: StoreReader, scope: ApiScope, parent: Resource, pathPart: string, selfId?: string): Promise<void> {
  // AWS: `Cannot create a child of a resource with a greedy path variable: {proxy+}` (test: resources.test.ts).
  if (isGreedyPathPart(parent.pathPart)) {
    throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  }
  const siblings = (await listChildren(tx, scope, parent.id)).filter((sibling) => sibling.id !== selfId);
  if (isVariablePathPart(pathPart)) {
    const variable = siblings.find((sibling) => isVariablePathPart(sibling.pathPart));
    if (variable) {
      throw badRequest(`A sibling (${variable.pathPart}) of this resource already has a variable path part -- only one is allowed`);
    }
  }
  if (siblings.some((sibling) => sibling.pathPart === pathPart)) {
    throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
  }
}

const getResources: OperationDefinition = {
  name: 'GetResources',
  method: 'GET',
  path: '/restapis/{restapi_id}/resources',
  async run(input, { tx }) {
    const scope = await scopeOf(tx, input);
    const embed = wantsEmbeddedMethods(input.query);
    // Ordered by path so pages are stable and a parent comes before its children.
    const resources = (await tx.list(collections.resource, scope.region, scope.apiId)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return { status: 200, body: paginate(resources.map((resource) => renderResource(resource, embed)), input.query) };
  },
};

const getResource: OperationDefinition = {
  name: 'GetResource',
  method: 'GET',
  path: RESOURCE_PATH,
  async run(input, { tx }) {
    const scope = await scopeOf(tx, input);
    const resource = await requireResource(tx, input, scope.apiId, input.params.resource_id ?? '');
    return { status: 200, body: renderResource(resource, wantsEmbeddedMethods(input.query)) };
  },
};

const createResource: OperationDefinition = {
  name: 'CreateResource',
  method: 'POST',
  path: '/restapis/{restapi_id}/resources/{parent_id}',
  async run(input, { tx }) {
    const scope = await scopeOf(tx, input);
    const parent = await requireResource(tx, input, scope.apiId, input.params.parent_id ?? '');
    const pathPart = checkPathPart(readString(input.body, 'pathPart'));
    await checkPlacement(tx, scope, parent, pathPart);
    const resource: Resource = { id: generateId(6), parentId: parent.id, pathPart, path: childPath(parent.path, pathPart) };
    await saveResource(tx, scope, resource);
    return { status: 201, body: resource };
  },
};

const updateResource: OperationDefinition = {
  name: 'UpdateResource',
  method: 'PATCH',
  path: RESOURCE_PATH,
  async run(input, { tx }) {
    const scope = await scopeOf(tx, input);
    const resource = await requireResource(tx, input, scope.apiId, input.params.resource_id ?? '');
    const operations = parsePatchOperations(input.body, 'updateResourceInput');
    if (operations.length === 0) return { status: 200, body: renderResource(resource, false) };
    let parent: Resource | undefined;
    let pathPart = resource.pathPart;
    for (const operation of operations) {
      if (!UPDATABLE_PATHS.includes(operation.path)) throw invalidPatchPath(operation, UPDATABLE_PATHS);
      if (operation.op !== 'replace') {
        // AWS: `Invalid patch path  '/pathPart' specified for op 'add'. Please choose supported operations` (test: resources.test.ts).
        throw badRequest(`Invalid patch path  '${operation.path}' specified for op '${operation.op}'. Please choose supported operations`);
      }
      if (resource.parentId === undefined) {
        throw badRequest(operation.path === '/parentId' ? 'Root resource cannot update its parentId.' : 'Root resource cannot update its pathPart.');
      }
      if (operation.path === '/parentId') {
        parent = await requireResource(tx, input, scope.apiId, operation.value ?? '');
      } else {
        pathPart = checkPathPart(operation.value);
      }
    }
    const newParent = parent ?? (await requireResource(tx, input, scope.apiId, resource.parentId ?? ''));
    if ((await listSubtree(tx, scope, resource)).some((member) => member.id === newParent.id)) {
      throw badRequest('Resources cannot be cyclical.');
    }
    const finalPart = pathPart ?? '';
    await checkPlacement(tx, scope, newParent, finalPart, resource.id);
    if (isGreedyPathPart(finalPart) && (await listChildren(tx, scope, resource.id)).length > 0) {
      throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${finalPart}`);
    }
    resource.parentId = newParent.id;
    resource.pathPart = finalPart;
    resource.path = childPath(newParent.path, finalPart);
    await saveResource(tx, scope, resource);
    await rewriteDescendantPaths(tx, scope, resource);
    return { status: 200, body: renderResource(resource, false) };
  },
};

const deleteResource: OperationDefinition = {
  name: 'DeleteResource',
  method: 'DELETE',
  path: RESOURCE_PATH,
  async run(input, { tx }) {
    const scope = await scopeOf(tx, input);
    const resource = await requireResource(tx, input, scope.apiId, input.params.resource_id ?? '');
    if (resource.parentId === undefined) throw badRequest('Cannot delete root resource');
    for (const member of await listSubtree(tx, scope, resource)) {
      await tx.delete(collections.resource, { region: scope.region, parent: scope.apiId, id: member.id });
    }
    return { status: 202 };
  },
};

export const resourceOperations: OperationDefinition[] = [getResources, getResource, createResource, updateResource, deleteResource];
