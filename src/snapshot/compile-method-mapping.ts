// Deploy-time compile of everything a NON-proxy integration (MOCK, HTTP, AWS) maps between the
// method and the integration: request templates with the passthrough behaviour and content
// handling, and the integration responses. Proxy integrations (HTTP_PROXY, AWS_PROXY) have none.
// Reference §2; AWS developer guide "Integration request" / "Integration response" pages.

import type { Integration, Method } from '../model/rest-api.js';
import { compileIntegrationResponses, type CompiledIntegrationResponses } from './compile-integration-responses.js';
import { compileTemplates, type CompiledTemplates } from './compile-templates.js';

export type ContentHandling = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

export interface CompiledMethodMapping {
  /** `requestTemplates` by request Content-Type. */
  readonly requestTemplates: CompiledTemplates;
  readonly passthroughBehavior: Integration['passthroughBehavior'];
  /** The integration request's `contentHandling`. */
  readonly contentHandling: ContentHandling | undefined;
  readonly integrationResponses: CompiledIntegrationResponses;
}

/** `undefined` for proxy integrations: AWS applies no templates or integration responses to them. */
export function compileMethodMapping(method: Method, integration: Integration): CompiledMethodMapping | undefined {
  if (integration.type === 'HTTP_PROXY' || integration.type === 'AWS_PROXY') return undefined;
  return Object.freeze({
    requestTemplates: compileTemplates(integration.requestTemplates, 'integration request'),
    passthroughBehavior: integration.passthroughBehavior,
    contentHandling: integration.contentHandling,
    integrationResponses: compileIntegrationResponses(integration.integrationResponses, method.methodResponses),
  });
}
