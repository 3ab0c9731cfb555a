// Management-API steps the scenarios share, made with the AWS SDK exactly as a user would: create
// a REST API, grow a resource tree in concurrent batches, put a GET method with an HTTP_PROXY
// integration, deploy to a stage. Failures become "<feature> not built yet" skips.

import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  type APIGatewayClient,
} from '@aws-sdk/client-api-gateway';
import { SkipError } from '../scenarios/scenario.js';

export const STAGE = 'bench';
const BATCH_SIZE = 16;

/** Runs `call`; any failure becomes a SkipError naming `feature` and the gateway's answer. */
export async function requireFeature<T>(feature: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof SkipError) throw error;
    const name = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message : String(error);
    throw new SkipError(`${feature} not built yet (${name}: ${message.split('\n')[0]?.slice(0, 160) ?? ''})`);
  }
}

/** Runs `task` over `items`, `BATCH_SIZE` at a time. */
export async function inBatches<T, R>(items: readonly T[], task: (item: T) => Promise<R>, batchSize = BATCH_SIZE): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    results.push(...(await Promise.all(items.slice(start, start + batchSize).map(task))));
  }
  return results;
}

export interface CreatedApi {
  id: string;
  rootId: string;
}

export async function createRestApi(client: APIGatewayClient, name: string): Promise<CreatedApi> {
  const api = await client.send(new CreateRestApiCommand({ name }));
  if (api.id === undefined) throw new Error('CreateRestApi returned no id');
  let rootId = api.rootResourceId;
  if (rootId === undefined) {
    const resources = await client.send(new GetResourcesCommand({ restApiId: api.id }));
    rootId = resources.items?.find((resource) => resource.path === '/')?.id;
  }
  if (rootId === undefined) throw new Error('no root resource');
  return { id: api.id, rootId };
}

export interface CreatedResource {
  id: string;
  path: string;
}

export async function createResource(client: APIGatewayClient, apiId: string, parentId: string, parentPath: string, pathPart: string): Promise<CreatedResource> {
  const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId, pathPart }));
  if (resource.id === undefined) throw new Error('CreateResource returned no id');
  return { id: resource.id, path: `${parentPath === '/' ? '' : parentPath}/${pathPart}` };
}

/**
 * A two-level tree: `parents` resources `/r{i}` under the root, each with `childrenPerParent`
 * children `/r{i}/c{j}` (so CreateResource never walks a wide level). Returns the leaves.
 */
export async function createResourceTree(
  client: APIGatewayClient,
  api: CreatedApi,
  parents: number,
  childrenPerParent: number,
): Promise<CreatedResource[]> {
  const parentParts = Array.from({ length: parents }, (_, i) => `r${i}`);
  const parentResources = await inBatches(parentParts, (part) => createResource(client, api.id, api.rootId, '/', part));
  const childSpecs = parentResources.flatMap((parent) => Array.from({ length: childrenPerParent }, (_, j) => ({ parent, part: `c${j}` })));
  return inBatches(childSpecs, ({ parent, part }) => createResource(client, api.id, parent.id, parent.path, part));
}

/** GET with no authorization and an HTTP_PROXY integration to `uri`. */
export async function putHttpProxyGet(client: APIGatewayClient, apiId: string, resourceId: string, uri: string): Promise<void> {
  await client.send(new PutMethodCommand({ restApiId: apiId, resourceId, httpMethod: 'GET', authorizationType: 'NONE' }));
  await client.send(
    new PutIntegrationCommand({ restApiId: apiId, resourceId, httpMethod: 'GET', type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri }),
  );
}

/** CreateDeployment with a stage; returns how long the call took (deploy is compile). */
export async function deploy(client: APIGatewayClient, apiId: string, stageName = STAGE): Promise<number> {
  const started = performance.now();
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName }));
  return performance.now() - started;
}
