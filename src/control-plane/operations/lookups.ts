// Finding the records an operation works on, with AWS's exact not-found messages.

import type { Method, Resource, RestApi } from '../../model/rest-api.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { notFound } from '../management-error.js';
import type { OperationInput } from '../wire/operation.js';

export async function requireRestApi(tx: StoreReader, input: OperationInput, apiId = input.params.restapi_id ?? ''): Promise<RestApi> {
  const api = await tx.get(collections.restApi, input.region, '', apiId);
  // AWS: `Invalid API identifier specified {account}:{id}` (test: rest-apis.test.ts).
  if (!api) throw notFound(`Invalid API identifier specified ${input.accountId}:${apiId}`);
  return api;
}

export async function requireResource(tx: StoreReader, input: OperationInput, apiId: string, resourceId: string): Promise<Resource> {
  const resource = await tx.get(collections.resource, input.region, apiId, resourceId);
  if (!resource) throw notFound('Invalid Resource identifier specified');
  return resource;
}

export function requireMethod(resource: Resource, httpMethod: string): Method {
  const method = resource.resourceMethods?.[httpMethod];
  if (!method) throw notFound('Invalid Method identifier specified');
  return method;
}
