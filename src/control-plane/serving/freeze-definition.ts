// Deploy time, step one: freeze what a REST API is right now into the DeploymentDefinition a
// deployment keeps forever, and summarise it as AWS's `apiSummary` (reference §7.1). Later edits to
// the API never change a frozen definition; only a new deployment picks them up.

import type { ApiSummary, DeploymentDefinition } from '../../model/deployment.js';
import type { RestApi } from '../../model/rest-api.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';

/** Reads the API's resources (with their methods), models, validators, customised gateway responses and authorizers. */
export async function freezeDefinition(tx: StoreReader, region: string, restApi: RestApi): Promise<DeploymentDefinition> {
  const apiId = restApi.id;
  return {
    restApi,
    resources: await tx.list(collections.resource, region, apiId),
    models: await tx.list(collections.model, region, apiId),
    requestValidators: await tx.list(collections.requestValidator, region, apiId),
    gatewayResponses: await tx.list(collections.gatewayResponse, region, apiId),
    authorizers: await tx.list(collections.authorizer, region, apiId),
  };
}

/** `{"/path": {"GET": {authorizationType, apiKeyRequired}}}` for every resource that has methods. */
export function summarizeApi(definition: DeploymentDefinition): ApiSummary {
  const summary: ApiSummary = {};
  const resources = [...definition.resources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const resource of resources) {
    const methods = Object.values(resource.resourceMethods ?? {});
    if (methods.length === 0) continue;
    const entry: ApiSummary[string] = {};
    for (const method of methods) entry[method.httpMethod] = { authorizationType: method.authorizationType, apiKeyRequired: method.apiKeyRequired };
    summary[resource.path] = entry;
  }
  return summary;
}
