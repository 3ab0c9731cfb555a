// Serves hand-built deployments through the real data plane on an ephemeral loopback port: builds a
// DeploymentDefinition from a compact description, compiles it with compileDeployment, puts the
// served stage in a SnapshotRegistry, and answers over node:http via the real front door.

import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createDataPlane } from '../../src/data-plane/create-data-plane.js';
import type { DataPlane } from '../../src/data-plane/data-plane.js';
import type { DeploymentDefinition, Stage } from '../../src/model/deployment.js';
import type { GatewayResponse, Integration, Method, Resource } from '../../src/model/rest-api.js';
import { createLogger } from '../../src/observability/logger.js';
import { createFrontDoor } from '../../src/server/front-door.js';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../../src/shared/aws-account.js';
import type { Clock } from '../../src/shared/clock.js';
import { systemClock } from '../../src/shared/clock.js';
import { compileDeployment } from '../../src/snapshot/compile-deployment.js';
import { createServedStage, type ServedStage } from '../../src/snapshot/served-stage.js';
import { SnapshotRegistry } from '../../src/snapshot/snapshot-registry.js';
import { MemoryTrafficState } from '../../src/shared-state/memory/memory-traffic-state.js';
import { TrafficRegistry } from '../../src/traffic/traffic-registry.js';

/** `{ '/pets/{id}': { GET: httpProxy('http://...') } }` */
export type ApiShape = Record<string, Record<string, Partial<Integration> | undefined>>;

export function httpProxy(uri: string, extra: Partial<Integration> = {}): Partial<Integration> {
  return { type: 'HTTP_PROXY', httpMethod: 'ANY', uri, ...extra };
}

/** A DeploymentDefinition with one resource per path (parents created as needed). */
export function definitionOf(apiId: string, shape: ApiShape, gatewayResponses: GatewayResponse[] = []): DeploymentDefinition {
  const resources = new Map<string, Resource>([['/', { id: 'root000000', path: '/' }]]);
  let next = 0;
  const resourceAt = (path: string): Resource => {
    const existing = resources.get(path);
    if (existing) return existing;
    const parentPath = path.slice(0, path.lastIndexOf('/')) || '/';
    const parent = resourceAt(parentPath);
    const resource: Resource = { id: `res${String(next++).padStart(3, '0')}`, parentId: parent.id, pathPart: path.slice(path.lastIndexOf('/') + 1), path };
    resources.set(path, resource);
    return resource;
  };
  for (const [path, methods] of Object.entries(shape)) {
    const resource = resourceAt(path);
    for (const [verb, integration] of Object.entries(methods)) {
      const method: Method = { httpMethod: verb, authorizationType: 'NONE', apiKeyRequired: false };
      if (integration !== undefined) {
        method.methodIntegration = {
          type: 'HTTP_PROXY',
          passthroughBehavior: 'WHEN_NO_MATCH',
          timeoutInMillis: 29000,
          cacheNamespace: resource.id,
          cacheKeyParameters: [],
          ...integration,
        };
      }
      resource.resourceMethods = { ...resource.resourceMethods, [verb]: method };
    }
  }
  return {
    restApi: { id: apiId, name: apiId, createdDate: 0, apiKeySource: 'HEADER', endpointConfiguration: { types: ['EDGE'] }, disableExecuteApiEndpoint: false, rootResourceId: 'root000000' },
    resources: [...resources.values()],
    models: [],
    requestValidators: [],
    gatewayResponses,
  };
}

export function stageOf(stageName: string, deploymentId: string, variables?: Record<string, string>): Stage {
  return { stageName, deploymentId, cacheClusterEnabled: false, cacheClusterStatus: 'NOT_AVAILABLE', methodSettings: {}, tracingEnabled: false, createdDate: 0, lastUpdatedDate: 0, ...(variables && { variables }) };
}

export interface DataPlaneHarness {
  url: string;
  port: number;
  registry: SnapshotRegistry;
  dataPlane: DataPlane;
  logs: Array<Record<string, unknown>>;
  /** Compiles and serves `definition` as `apiId`/`stageName`; returns the served stage. */
  deploy(definition: DeploymentDefinition, stageName?: string, variables?: Record<string, string>): ServedStage;
  /** `{url}/_aws/execute-api/{apiId}/{stage}{path}` */
  invokeUrl(apiId: string, stageName: string, path: string): string;
  close(): Promise<void>;
}

let deployments = 0;

export async function startDataPlaneHarness(options: { clock?: Clock } = {}): Promise<DataPlaneHarness> {
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  });
  const logger = createLogger({ level: 'info', destination: sink });
  const registry = new SnapshotRegistry();
  const dataPlane = createDataPlane({ registry, clock: options.clock ?? systemClock, logger, traffic: new TrafficRegistry(DEFAULT_ACCOUNT_ID), trafficState: new MemoryTrafficState() });
  const management = (_req: unknown, res: ServerResponse): Promise<void> => {
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end('{"message":"management API not served by this harness"}');
    return Promise.resolve();
  };
  const server: Server = createServer({ keepAliveTimeout: 65_000 }, createFrontDoor(dataPlane, management, logger));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    registry,
    dataPlane,
    logs,
    deploy(definition, stageName = 'test', variables) {
      const deploymentId = `dep${String(deployments++).padStart(3, '0')}`;
      const snapshot = compileDeployment(definition, deploymentId);
      const served = createServedStage(DEFAULT_REGION, DEFAULT_ACCOUNT_ID, definition.restApi.id, stageOf(stageName, deploymentId, variables), snapshot);
      registry.set(served);
      return served;
    },
    invokeUrl: (apiId, stageName, path) => `${url}/_aws/execute-api/${apiId}/${stageName}${path}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await dataPlane.close();
    },
  };
}
