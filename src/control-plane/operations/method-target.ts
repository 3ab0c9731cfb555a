// Finding what a method-level operation works on (resource → method → integration → responses)
// with AWS's not-found messages, and writing the resource back once the operation succeeded.
// Methods, integrations and their responses are stored inside their Resource record.

import type { Integration, Method, Resource } from '../../model/rest-api.js';
import { collections } from '../../store/collections.js';
import type { StoreReader, StoreWriter } from '../../store/store.js';
import { badRequest, ManagementError, notFound } from '../management-error.js';
import type { OperationInput } from '../wire/operation.js';
import { requireMethod } from './lookups.js';
import { type ApiScope, saveResource } from './resource-tree.js';

export interface ResourceTarget {
  scope: ApiScope;
  /** A copy of the stored record: mutate it, then `saveTarget`. */
  resource: Resource;
}

export interface MethodTarget extends ResourceTarget {
  method: Method;
}

export async function requireResourceTarget(tx: StoreReader, input: OperationInput): Promise<ResourceTarget> {
  const scope = { region: input.region, apiId: input.params.restapi_id ?? '' };
  // AWS: below the resource level an unknown API answers `Invalid Resource identifier specified`,
  // not `Invalid API identifier` (test: methods.test.ts "unknown API").
  const resource = await tx.get(collections.resource, scope.region, scope.apiId, input.params.resource_id ?? '');
  if (!resource) throw notFound('Invalid Resource identifier specified');
  return { scope, resource };
}

export async function requireMethodTarget(tx: StoreReader, input: OperationInput): Promise<MethodTarget> {
  const target = await requireResourceTarget(tx, input);
  return { ...target, method: requireMethod(target.resource, input.params.http_method ?? '') };
}

export function requireIntegration(method: Method): Integration {
  const integration = method.methodIntegration;
  if (!integration) throw notFound('Invalid Integration identifier specified');
  return integration;
}

export function saveTarget(tx: StoreWriter, target: ResourceTarget): Promise<void> {
  return saveResource(tx, target.scope, target.resource);
}

/** A status code path parameter: AWS's model requires `[1-5]\d\d` before anything is looked up. */
export function checkStatusCode(statusCode: string | undefined): string {
  const value = statusCode ?? '';
  if (!/^[1-5]\d\d$/.test(value)) {
    throw new ManagementError(
      'ValidationException',
      `1 validation error detected: Value '${value}' at 'statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: [1-5]\\d\\d`,
    );
  }
  return value;
}

/** AWS: a model named in `requestModels` / `responseModels` must exist (test: methods.test.ts). */
export async function checkModelNames(tx: StoreReader, scope: ApiScope, models: Record<string, string> | undefined): Promise<void> {
  for (const name of Object.values(models ?? {})) {
    if (!(await tx.get(collections.model, scope.region, scope.apiId, name))) throw badRequest(`Invalid model identifier specified: ${name}`);
  }
}

/** The enum check AWS's request model applies before the operation runs (a ValidationException). */
export function checkEnum(value: string | undefined, member: string, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new ManagementError(
      'ValidationException',
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
}
