// Writes an OpenAPI ImportPlan into one API inside the request's transaction, through the same
// checks the one-call-at-a-time operations apply, and collects every failure in AWS's import
// wording ("Unable to put integration on 'GET' for resource at path '/x': ..."). Merge keeps what
// the document does not name; overwrite deletes it. Reference §11.2; DG "Import to update".

import { childPath, isGreedyPathPart, isVariablePathPart } from '../../model/path-part.js';
import type { Authorizer, GatewayResponse, Method, Model, RequestValidator, Resource } from '../../model/rest-api.js';
import type { ImportPlan, PlannedMethod } from '../../openapi/import/import-plan.js';
import { generateId } from '../../shared/ids.js';
import { collections } from '../../store/collections.js';
import type { Collection, StoreWriter } from '../../store/store.js';
import { ManagementError } from '../management-error.js';
import { checkAuthorizerDefinition, checkValidationExpression } from './authorizer-checks.js';
import { writeDocumentationParts } from './documentation-parts.js';
import { checkIntegration } from './integration-checks.js';
import { checkIntegrationResponseParameters, checkMethodResponseParameters } from './mapping-expressions.js';
import { checkAuthorizer, checkMethodRequestParameters, checkRequestValidator } from './method-checks.js';
import { checkModelNames } from './method-target.js';
import { checkModelSchema } from './model-checks.js';
import { type ApiScope, saveResource } from './resource-tree.js';

export type ImportMode = 'create' | 'merge' | 'overwrite';

interface WriteContext extends ApiScope {
  tx: StoreWriter;
  mode: ImportMode;
  errors: string[];
}

/** Runs a check; a ManagementError becomes one import error line. */
async function attempt(ctx: WriteContext, prefix: string, check: () => void | Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof ManagementError)) throw error;
    ctx.errors.push(`${prefix}${error.message}`);
  }
}

const address = (ctx: WriteContext, id: string) => ({ region: ctx.region, parent: ctx.apiId, id });

async function writeModels(ctx: WriteContext, plan: ImportPlan): Promise<void> {
  const existing = await ctx.tx.list(collections.model, ctx.region, ctx.apiId);
  const planned = new Set(plan.models.map((model) => model.name));
  const kept = ctx.mode === 'merge' ? existing.filter((model) => !planned.has(model.name)) : [];
  const written: Model[] = plan.models.map((model) => ({
    id: existing.find((old) => old.name === model.name)?.id ?? generateId(6),
    name: model.name,
    ...(model.description !== undefined && { description: model.description }),
    schema: model.schema,
    contentType: 'application/json',
  }));
  const all = [...kept, ...written];
  for (const model of existing) if (ctx.mode === 'overwrite' && !planned.has(model.name)) await ctx.tx.delete(collections.model, address(ctx, model.name));
  for (const model of written) {
    // AWS: `Unable to create model 'X': Invalid model specified: ...` (prefix wording UNCONFIRMED).
    await attempt(ctx, `Unable to create model '${model.name}': `, () => checkModelSchema(ctx.apiId, model.name, model.schema, all));
    await ctx.tx.put(collections.model, address(ctx, model.name), model);
  }
}

/** Validators and authorizers are matched by name: merge updates the same-named one in place. */
async function writeNamed<T extends { id: string; name?: string }>(
  ctx: WriteContext,
  collection: Collection<T>,
  planned: ReadonlyArray<Omit<T, 'id'>>,
  check: (record: T) => void,
  label: string,
): Promise<Map<string, string>> {
  const existing = await ctx.tx.list(collection, ctx.region, ctx.apiId);
  const ids = new Map<string, string>();
  if (ctx.mode === 'overwrite') for (const record of existing) await ctx.tx.delete(collection, address(ctx, record.id));
  for (const item of planned) {
    const reused = ctx.mode === 'merge' ? existing.find((record) => record.name === item.name)?.id : undefined;
    const record = { ...item, id: reused ?? generateId(6) } as T;
    await attempt(ctx, `Unable to create ${label} '${item.name ?? ''}': `, () => check(record));
    await ctx.tx.put(collection, address(ctx, record.id), record);
    ids.set(item.name ?? '', record.id);
  }
  return ids;
}

async function writeGatewayResponses(ctx: WriteContext, responses: readonly GatewayResponse[]): Promise<void> {
  if (ctx.mode === 'overwrite') {
    for (const response of await ctx.tx.list(collections.gatewayResponse, ctx.region, ctx.apiId)) {
      await ctx.tx.delete(collections.gatewayResponse, address(ctx, response.responseType));
    }
  }
  for (const response of responses) await ctx.tx.put(collections.gatewayResponse, address(ctx, response.responseType), response);
}

interface NameIds {
  authorizers: ReadonlyMap<string, string>;
  validators: ReadonlyMap<string, string>;
}

async function writeMethod(ctx: WriteContext, resource: Resource, planned: PlannedMethod, ids: NameIds): Promise<Method> {
  const { authorizerName, requestValidatorName, methodIntegration, ...rest } = planned;
  const authorizerId = authorizerName === undefined ? undefined : ids.authorizers.get(authorizerName);
  const requestValidatorId = requestValidatorName === undefined ? undefined : ids.validators.get(requestValidatorName);
  const method: Method = {
    ...rest,
    ...(authorizerId !== undefined && { authorizerId }),
    ...(requestValidatorId !== undefined && { requestValidatorId }),
    ...(methodIntegration && { methodIntegration: { ...methodIntegration, cacheNamespace: methodIntegration.cacheNamespace ?? resource.id } }),
  };
  const verb = method.httpMethod;
  const scope = { region: ctx.region, apiId: ctx.apiId };
  await attempt(ctx, `Unable to put method '${verb}' on resource at path '${resource.path}': `, async () => {
    checkMethodRequestParameters(method.requestParameters);
    await checkAuthorizer(ctx.tx, scope, method);
    await checkRequestValidator(ctx.tx, scope, method.requestValidatorId);
    await checkModelNames(ctx.tx, scope, method.requestModels);
  });
  for (const response of Object.values(method.methodResponses ?? {})) {
    await attempt(ctx, `Unable to put method response '${response.statusCode}' on '${verb}' for resource at path '${resource.path}': `, async () => {
      checkMethodResponseParameters(response.responseParameters);
      await checkModelNames(ctx.tx, scope, response.responseModels);
    });
  }
  const integration = method.methodIntegration;
  if (integration) {
    await attempt(ctx, `Unable to put integration on '${verb}' for resource at path '${resource.path}': `, () => checkIntegration(integration, method));
    for (const response of Object.values(integration.integrationResponses ?? {})) {
      const methodResponse = method.methodResponses?.[response.statusCode] ?? { statusCode: response.statusCode };
      await attempt(ctx, `Unable to put integration response on '${verb}' for resource at path '${resource.path}': `, () =>
        checkIntegrationResponseParameters(methodResponse, response.responseParameters),
      );
    }
  }
  return method;
}

/** Resources by path: existing ones keep their id (AWS keeps ids of same-path resources, even on overwrite). */
async function writeResources(ctx: WriteContext, plan: ImportPlan, rootResourceId: string, ids: NameIds): Promise<void> {
  const existing = await ctx.tx.list(collections.resource, ctx.region, ctx.apiId);
  const byPath = new Map(existing.map((resource) => [resource.path, resource]));
  const root = byPath.get('/') ?? { id: rootResourceId, path: '/' };
  const finals = new Map<string, Resource>([['/', root]]);
  for (const planned of plan.resources) {
    if (planned.path === '/') continue;
    const cut = planned.path.lastIndexOf('/');
    const parent = finals.get(planned.path.slice(0, cut) || '/')!;
    const pathPart = planned.path.slice(cut + 1);
    finals.set(planned.path, byPath.get(planned.path) ?? { id: generateId(6), parentId: parent.id, pathPart, path: childPath(parent.path, pathPart) });
  }
  if (ctx.mode === 'merge') for (const resource of existing) if (!finals.has(resource.path)) finals.set(resource.path, resource);
  checkTree(ctx, [...finals.values()]);
  for (const resource of existing) if (!finals.has(resource.path)) await ctx.tx.delete(collections.resource, address(ctx, resource.id));
  for (const planned of plan.resources) {
    const resource = structuredClone(finals.get(planned.path)!);
    const methods: Record<string, Method> = ctx.mode === 'merge' ? { ...resource.resourceMethods } : {};
    for (const method of planned.methods) methods[method.httpMethod] = await writeMethod(ctx, resource, method, ids);
    if (Object.keys(methods).length > 0) resource.resourceMethods = methods;
    else delete resource.resourceMethods;
    await saveResource(ctx.tx, ctx, resource);
  }
}

/** CreateResource's placement rules over the final tree: no child of `{proxy+}`, one variable child per parent. */
function checkTree(ctx: WriteContext, resources: readonly Resource[]): void {
  const byId = new Map(resources.map((resource) => [resource.id, resource]));
  const variableChild = new Map<string, string>();
  for (const resource of resources) {
    const parent = resource.parentId === undefined ? undefined : byId.get(resource.parentId);
    if (parent === undefined) continue;
    const prefix = `Unable to create resource at path '${resource.path}': `;
    if (isGreedyPathPart(parent.pathPart)) ctx.errors.push(`${prefix}Cannot create a child of a resource with a greedy path variable: ${parent.pathPart ?? ''}`);
    if (!isVariablePathPart(resource.pathPart)) continue;
    const sibling = variableChild.get(parent.id);
    if (sibling !== undefined) ctx.errors.push(`${prefix}A sibling (${sibling}) of this resource already has a variable path part -- only one is allowed`);
    else variableChild.set(parent.id, resource.pathPart ?? '');
  }
}

/** Writes the plan's definitions (not the RestApi record); returns every error, in AWS's import wording. */
export async function writeImportPlan(tx: StoreWriter, scope: ApiScope & { rootResourceId: string; mode: ImportMode }, plan: ImportPlan): Promise<string[]> {
  const ctx: WriteContext = { tx, region: scope.region, apiId: scope.apiId, mode: scope.mode, errors: [...plan.errors] };
  await writeModels(ctx, plan);
  const validators = await writeNamed<RequestValidator>(ctx, collections.requestValidator, plan.validators, () => undefined, 'request validator');
  const authorizers = await writeNamed<Authorizer>(
    ctx,
    collections.authorizer,
    plan.authorizers,
    (authorizer) => {
      checkAuthorizerDefinition(authorizer);
      checkValidationExpression(authorizer.identityValidationExpression);
    },
    'authorizer',
  );
  await writeGatewayResponses(ctx, plan.gatewayResponses);
  await writeResources(ctx, plan, scope.rootResourceId, { authorizers, validators });
  if (plan.documentationParts) {
    // Parts AWS cannot take are skipped with a warning, reported (and failonwarnings-checked) with the document's.
    const documentation = await writeDocumentationParts(tx, scope, plan.documentationParts, scope.mode);
    plan.warnings.push(...documentation.warnings);
  }
  return ctx.errors;
}
