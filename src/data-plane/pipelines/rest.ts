// The REST API pipeline (DESIGN §2), in order. Stages not built yet (cache-lookup,
// cache-store) join this list when they land;
// access-log, metrics and usage finalizers go after send-response.

import { responseHeaders } from '../finalizers/response-headers.js';
import { sendResponse } from '../finalizers/send-response.js';
import type { Pipeline } from '../pipeline.js';
import { apiKey } from '../stages/api-key.js';
import { authorize } from '../stages/authorize.js';
import { integrationRequest } from '../stages/integration-request.js';
import { integrationResponse } from '../stages/integration-response.js';
import { invokeIntegration } from '../stages/invoke-integration.js';
import { methodRequest } from '../stages/method-request.js';
import { methodResponse } from '../stages/method-response.js';
import { parseRequest } from '../stages/parse-request.js';
import { resourcePolicy } from '../stages/resource-policy.js';
import { routeRequest } from '../stages/route-request.js';
import { throttle } from '../stages/throttle.js';

export const restPipeline: Pipeline = {
  request: [parseRequest, routeRequest],
  routed: [resourcePolicy, authorize, apiKey, throttle, methodRequest, integrationRequest, invokeIntegration, integrationResponse, methodResponse],
  finalizers: [responseHeaders, sendResponse],
};
