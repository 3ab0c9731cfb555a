// `paths` → the resource tree: each path (base path prefix applied) split into path parts, every
// ancestor created, `{param}` and `{proxy+}` parts checked as CreateResource checks them, and one
// method per operation (`x-amazon-apigateway-any-method` is ANY). AWS developer guide
// "x-amazon-apigateway-any-method object"; reference §1.2.

import { INVALID_PATH_PART_MESSAGE, parsePathPart } from '../../model/path-part.js';
import type { ConvertContext } from './convert-context.js';
import type { PlannedResource } from './import-plan.js';
import { derefObject, objectAt } from './json-values.js';
import { convertOperation } from './operations.js';

const VERBS: Record<string, string> = {
  get: 'GET',
  put: 'PUT',
  post: 'POST',
  delete: 'DELETE',
  options: 'OPTIONS',
  head: 'HEAD',
  patch: 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

export interface PathScope {
  prefix: string;
  authorizerNames: ReadonlySet<string>;
  validatorNames: ReadonlySet<string>;
}

function resourceFor(resources: Map<string, PlannedResource>, segments: readonly string[]): PlannedResource {
  let path = '';
  let resource = resources.get('/')!;
  for (const segment of segments) {
    path = `${path}/${segment}`;
    let next = resources.get(path);
    if (next === undefined) {
      next = { path, methods: [] };
      resources.set(path, next);
    }
    resource = next;
  }
  return resource;
}

/** The planned resources, parents before children, the root first. */
export function convertPaths(ctx: ConvertContext, scope: PathScope): PlannedResource[] {
  const resources = new Map<string, PlannedResource>([['/', { path: '/', methods: [] }]]);
  for (const [rawPath, value] of Object.entries(objectAt(ctx.root, 'paths') ?? {})) {
    if (!rawPath.startsWith('/')) continue;
    const segments = `${scope.prefix}${rawPath}`.split('/').filter((segment) => segment !== '');
    const path = `/${segments.join('/')}`;
    const invalid = segments.find((segment) => parsePathPart(segment) === undefined);
    if (invalid !== undefined) {
      // AWS: the CreateResource message, prefixed as import errors are (wording of the prefix UNCONFIRMED).
      ctx.errors.push(`Unable to create resource at path '${path}': ${INVALID_PATH_PART_MESSAGE}`);
      continue;
    }
    const pathItem = derefObject(ctx.root, value) ?? {};
    const resource = resourceFor(resources, segments);
    for (const [key, operation] of Object.entries(pathItem)) {
      const httpMethod = VERBS[key];
      if (httpMethod === undefined) {
        if (key === 'trace') ctx.warnings.push(`Unsupported HTTP method 'TRACE' on resource '${path}'. Ignoring.`);
        continue;
      }
      const object = derefObject(ctx.root, operation);
      if (object === undefined) continue;
      const method = convertOperation(ctx, { path, httpMethod, pathItem, authorizerNames: scope.authorizerNames, validatorNames: scope.validatorNames }, object);
      resource.methods = [...resource.methods.filter((existing) => existing.httpMethod !== httpMethod), method];
    }
  }
  return [...resources.values()];
}
