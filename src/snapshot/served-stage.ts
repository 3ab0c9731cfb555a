// What the data plane serves for one (API, stage): the stage's settings plus the compiled,
// immutable snapshot of the deployment it points at. Built at deploy time; never mutated after.
// AWS developer guide "Set up a stage for a REST API".

import type { CompiledIntegration } from '../integrations/compiled-integration.js';
import type { CompiledPolicy } from '../iam/policy-document.js';
import type { Stage } from '../model/deployment.js';
import type { Method, RestApi } from '../model/rest-api.js';
import type { CompiledAuthorizer } from './compile-authorizer.js';
import type { CompiledBinaryMediaTypes } from './compile-binary-media-types.js';
import type { CompiledGatewayResponse } from './compile-gateway-responses.js';
import type { CompiledMethodRequest } from './compile-method-request.js';
import type { CompiledMethodMapping } from './compile-method-mapping.js';
import type { CompiledRequestParameters } from './compile-request-parameters.js';
import type { GatewayResponseType } from './gateway-response-types.js';
import type { RouteTree } from './route-tree.js';
import { authorizerCacheNamespace } from '../shared-state/traffic-state.js';
import { compileStageThrottle, type StageThrottle } from './compile-stage-throttle.js';

/** One method of one resource, ready to serve. */
export interface CompiledMethod {
  resourceId: string;
  /** The resource path template, e.g. `/pets/{petId}` (`$context.resourcePath`). */
  resourcePath: string;
  /** The method's own verb as defined (`ANY` stays `ANY`). */
  httpMethod: string;
  /** The frozen method definition (later pipeline stages read their settings from it). */
  method: Method;
  integration: CompiledIntegration;
  /** `integration.requestParameters`, compiled. */
  requestParameters: CompiledRequestParameters;
  /** Request templates and integration responses; absent for proxy integrations. */
  mapping?: CompiledMethodMapping | undefined;
  /** Request validation (method-request); absent when the method has no validator or nothing to check. */
  methodRequest?: CompiledMethodRequest | undefined;
  /** The authorizer of a CUSTOM or COGNITO_USER_POOLS method (authorize); absent otherwise. */
  authorizer?: CompiledAuthorizer | undefined;
}

/** A compiled deployment. Shared by every stage that points at the same deployment. */
export interface DeploymentSnapshot {
  deploymentId: string;
  restApi: RestApi;
  routes: RouteTree<CompiledMethod>;
  /** Every method of the deployment (what deploy-time compilers such as the stage throttle walk). */
  methods: readonly CompiledMethod[];
  /** Customised gateway responses by type (PutGatewayResponse); the rest come from AWS's table. */
  gatewayResponses: ReadonlyMap<GatewayResponseType, CompiledGatewayResponse>;
  /** The API's `binaryMediaTypes` as frozen by the deployment. */
  binaryMediaTypes: CompiledBinaryMediaTypes;
  /** The API's resource policy as frozen by the deployment (resource-policy, authorize); absent without one. */
  resourcePolicy?: CompiledPolicy | undefined;
}

export interface ServedStage {
  region: string;
  accountId: string;
  apiId: string;
  stageName: string;
  /** Where this stage's Lambda authorizer results are cached (its canary side shares it). */
  authorizerCacheNamespace: string;
  deploymentId: string;
  /** `$stageVariables` */
  variables: Readonly<Record<string, string>>;
  snapshot: DeploymentSnapshot;
  /** The stage's `methodSettings` throttles, per method (the throttle stage). */
  throttle: StageThrottle;
  /** The canary release this stage splits traffic with, when it has one (front door). */
  canary?: CanaryRelease | undefined;
  /** Whether this is a canary release's side of a stage (`$context.isCanaryRequest`). */
  isCanary: boolean;
}

/** A stage's canary: `percentTraffic` of its requests go to `served` (the canary deployment, variables overridden). */
export interface CanaryRelease {
  percentTraffic: number;
  served: ServedStage;
}

/**
 * Builds what the data plane serves for a stage from its settings and a compiled deployment, plus
 * its canary side when the stage has `canarySettings` and `canarySnapshot` (the canary deployment).
 * AWS developer guide "Set up an API Gateway canary release deployment".
 */
export function createServedStage(region: string, accountId: string, apiId: string, stage: Stage, snapshot: DeploymentSnapshot, canarySnapshot?: DeploymentSnapshot): ServedStage {
  const canary = stage.canarySettings;
  const base = { region, accountId, apiId, stageName: stage.stageName, authorizerCacheNamespace: authorizerCacheNamespace(region, apiId, stage.stageName) };
  const canaryRelease: CanaryRelease | undefined =
    canary !== undefined && canarySnapshot !== undefined
      ? Object.freeze({
          percentTraffic: canary.percentTraffic ?? 0,
          served: Object.freeze({
            ...base,
            deploymentId: canarySnapshot.deploymentId,
            // AWS: canary requests see the stage's variables with stageVariableOverrides applied (test: canary.test.ts).
            variables: Object.freeze({ ...stage.variables, ...canary.stageVariableOverrides }),
            snapshot: canarySnapshot,
            throttle: compileStageThrottle(region, apiId, stage, canarySnapshot),
            isCanary: true,
          }),
        })
      : undefined;
  return Object.freeze({
    ...base,
    deploymentId: stage.deploymentId,
    variables: Object.freeze({ ...stage.variables }),
    snapshot,
    throttle: compileStageThrottle(region, apiId, stage, snapshot),
    canary: canaryRelease,
    isCanary: false,
  });
}
