// Deployments and stages as stored. A deployment freezes the API definition at creation
// (`definition`, never returned on the wire); a stage points at one deployment. Reference §7.

import type { Authorizer, GatewayResponse, Model, RequestValidator, Resource, RestApi } from './rest-api.js';

/** Everything a deployment freezes: what the snapshot compiler reads. */
export interface DeploymentDefinition {
  restApi: RestApi;
  resources: Resource[];
  models: Model[];
  requestValidators: RequestValidator[];
  /** Only the customised gateway responses (PutGatewayResponse); defaults come from the table. */
  gatewayResponses: GatewayResponse[];
  /** The API's authorizers; absent in deployments frozen before authorizers existed. */
  authorizers?: Authorizer[];
}

export type ApiSummary = Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>>;

export interface Deployment {
  id: string;
  description?: string;
  /** Epoch seconds. */
  createdDate: number;
  apiSummary: ApiSummary;
}

/** The stored deployment record: the wire shape plus the frozen definition. */
export interface DeploymentRecord extends Deployment {
  definition: DeploymentDefinition;
}

export interface MethodSetting {
  metricsEnabled: boolean;
  /** Absent until set (AWS leaves it out of new method settings). */
  loggingLevel?: string;
  dataTraceEnabled: boolean;
  throttlingBurstLimit: number;
  throttlingRateLimit: number;
  cachingEnabled: boolean;
  cacheTtlInSeconds: number;
  cacheDataEncrypted: boolean;
  requireAuthorizationForCacheControl: boolean;
  unauthorizedCacheControlHeaderStrategy: string;
}

export interface CanarySettings {
  percentTraffic?: number;
  deploymentId?: string;
  stageVariableOverrides?: Record<string, string>;
  useStageCache?: boolean;
}

export interface Stage {
  stageName: string;
  deploymentId: string;
  description?: string;
  clientCertificateId?: string;
  cacheClusterEnabled: boolean;
  cacheClusterSize?: string;
  cacheClusterStatus: string;
  methodSettings: Record<string, MethodSetting>;
  variables?: Record<string, string>;
  documentationVersion?: string;
  accessLogSettings?: { format?: string; destinationArn?: string };
  canarySettings?: CanarySettings;
  tracingEnabled: boolean;
  webAclArn?: string;
  tags?: Record<string, string>;
  /** Epoch seconds. */
  createdDate: number;
  /** Epoch seconds. */
  lastUpdatedDate: number;
}
