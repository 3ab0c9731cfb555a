// Export: a method's integration as AWS writes it in `x-amazon-apigateway-integration` — lower-case
// `type` and `passthroughBehavior`, integration responses keyed by selection pattern (`default`
// when none). Field order follows AWS's exports. AWS doc: "x-amazon-apigateway-integration object".

import type { Integration, IntegrationResponse } from '../../model/rest-api.js';

/** AWS's default integration timeout; exports leave it out (AWS-validated LocalStack snapshot `test_export_oas30_openapi`). */
const DEFAULT_TIMEOUT_IN_MILLIS = 29000;

export function renderIntegration(integration: Integration): Record<string, unknown> {
  const rendered: Record<string, unknown> = {};
  if (integration.credentials !== undefined) rendered.credentials = integration.credentials;
  if (integration.type !== 'MOCK' && integration.httpMethod !== undefined) rendered.httpMethod = integration.httpMethod;
  if (integration.uri !== undefined) rendered.uri = integration.uri;
  const responses = renderIntegrationResponses(integration.integrationResponses);
  if (responses) rendered.responses = responses;
  if (notEmpty(integration.requestParameters)) rendered.requestParameters = integration.requestParameters;
  if (notEmpty(integration.requestTemplates)) rendered.requestTemplates = integration.requestTemplates;
  rendered.passthroughBehavior = integration.passthroughBehavior.toLowerCase();
  if (integration.connectionType === 'VPC_LINK') {
    rendered.connectionType = integration.connectionType;
    if (integration.connectionId !== undefined) rendered.connectionId = integration.connectionId;
  }
  // AWS: the cache namespace shows only with cache key parameters (real exports, e.g. `cacheNamespace: "psuvk6"`; test: openapi-export.test.ts).
  if (integration.cacheKeyParameters.length > 0) {
    rendered.cacheNamespace = integration.cacheNamespace;
    rendered.cacheKeyParameters = integration.cacheKeyParameters;
  }
  if (integration.contentHandling !== undefined) rendered.contentHandling = integration.contentHandling;
  if (integration.timeoutInMillis !== DEFAULT_TIMEOUT_IN_MILLIS) rendered.timeoutInMillis = integration.timeoutInMillis;
  if (integration.tlsConfig !== undefined) rendered.tlsConfig = integration.tlsConfig;
  rendered.type = integration.type.toLowerCase();
  return rendered;
}

function renderIntegrationResponses(responses: Record<string, IntegrationResponse> | undefined): Record<string, unknown> | undefined {
  if (!responses || Object.keys(responses).length === 0) return undefined;
  const rendered: Record<string, unknown> = {};
  for (const response of Object.values(responses)) {
    const entry: Record<string, unknown> = { statusCode: response.statusCode };
    if (notEmpty(response.responseParameters)) entry.responseParameters = response.responseParameters;
    if (notEmpty(response.responseTemplates)) entry.responseTemplates = response.responseTemplates;
    if (response.contentHandling !== undefined) entry.contentHandling = response.contentHandling;
    rendered[response.selectionPattern === undefined || response.selectionPattern === '' ? 'default' : response.selectionPattern] = entry;
  }
  return rendered;
}

export function notEmpty<T>(map: Record<string, T> | undefined): map is Record<string, T> {
  return map !== undefined && Object.keys(map).length > 0;
}
