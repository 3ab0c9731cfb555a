// integration-response: turns the endpoint response into the integration response. Proxy
// integrations pass it through unchanged. Non-proxy ones select an integration response by
// `selectionPattern`, map `responseParameters`, pick a response template by Accept, convert binary
// payloads and apply `$context.responseOverride.*`. Reference §2.3, §2.4, §2.5.

import type { EndpointResponse } from '../../integrations/compiled-integration.js';
import { selectIntegrationResponse, type CompiledIntegrationResponse } from '../../snapshot/compile-integration-responses.js';
import type { CompiledMethodMapping } from '../../snapshot/compile-method-mapping.js';
import type { CompiledTemplateSlot, CompiledTemplates } from '../../snapshot/compile-templates.js';
import { singleValue } from '../../snapshot/mapping-expression.js';
import { firstMediaType } from '../../snapshot/media-type.js';
import { convertResponsePayload } from '../content-handling.js';
import { EndpointResponseInput, endpointHeaderValues } from '../endpoint-response-input.js';
import { ApiConfigurationError } from '../gateway-errors.js';
import type { HttpResponse, RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';
import { renderMappingTemplate } from '../render-mapping-template.js';
import { templateInputFor } from '../template-input.js';

export const integrationResponse: PipelineStage<RoutedContext> = {
  name: 'integration-response',
  run(ctx) {
    // hot path
    const endpoint = ctx.endpointResponse;
    if (endpoint === undefined) throw new Error('integration-response ran without an endpoint response');
    const mapping = ctx.route.value.mapping;
    ctx.integrationResponse = mapping === undefined ? endpoint : mapEndpointResponse(ctx, endpoint, mapping);
    return 'next';
  },
};

/** hot path (non-proxy methods). */
function mapEndpointResponse(ctx: RoutedContext, endpoint: EndpointResponse, mapping: CompiledMethodMapping): HttpResponse {
  const subject = endpoint.selectionSubject ?? String(endpoint.statusCode);
  const responses = mapping.integrationResponses;
  if (responses.invalidPatterns.length > 0) {
    ctx.logger.warn({ invalidSelectionPatterns: responses.invalidPatterns }, 'Execution failed due to configuration error: invalid selection pattern (never matches)');
  }
  const selected = selectIntegrationResponse(responses, subject);
  if (selected === undefined) throw noOutputMapping(ctx, endpoint, subject);
  if (!selected.declared) {
    // AWS: the selected integration response must map onto a declared method response (§2.3).
    ctx.logger.error({ statusCode: selected.statusCode }, `Execution failed due to configuration error: Output mapping refers to an invalid method response: ${selected.statusCode}`);
    throw new ApiConfigurationError();
  }
  const headers = mapHeaders(ctx, endpoint, selected);
  const accept = ctx.headerValue('accept');
  const slot = responseTemplate(selected.templates, accept === undefined || accept === '' ? 'application/json' : firstMediaType(accept));
  const binaryMediaTypes = ctx.servedStage.snapshot.binaryMediaTypes;
  let payloadBinary = false;
  let acceptBinary = false;
  if (!binaryMediaTypes.none) {
    payloadBinary = binaryMediaTypes.matches(endpointHeaderValues(endpoint.headers, 'content-type')?.[0]);
    acceptBinary = binaryMediaTypes.matches(accept === undefined ? undefined : firstMediaType(accept));
  }
  const endpointBody = typeof endpoint.body === 'string' ? Buffer.from(endpoint.body, 'utf8') : endpoint.body;
  let statusCode = selected.status;
  if (slot === undefined || slot.kind === 'passthrough') {
    const body = !binaryMediaTypes.none || selected.contentHandling === 'CONVERT_TO_BINARY' ? convertResponsePayload(endpointBody, payloadBinary, acceptBinary, selected.contentHandling) : endpointBody;
    return { statusCode, headers, body };
  }
  // AWS: templates see a binary payload as its base64 text (§2.5); their output is text.
  const text = payloadBinary ? endpointBody.toString('base64') : endpointBody.toString('utf8');
  const rendered = renderMappingTemplate(slot, templateInputFor(ctx, text), ctx, 'response');
  const override = rendered.responseOverride;
  // AWS: a status override that is not an integer in 100..599 is ignored (reference §2.4, LocalStack-observed).
  if (override.status !== undefined && Number.isInteger(override.status) && override.status >= 100 && override.status <= 599) statusCode = override.status;
  for (const name of Object.keys(override.header)) setHeader(headers, name, override.header[name]!);
  if (!binaryMediaTypes.none || selected.contentHandling === 'CONVERT_TO_BINARY') {
    return { statusCode, headers, body: convertResponsePayload(Buffer.from(rendered.output), false, acceptBinary, selected.contentHandling) };
  }
  // hot path: the output stays a string, which node:http joins to the header block (no Buffer is
  // made); the bytes are its UTF-8 encoding either way, unless a header needs latin1 (textBodyFor).
  return { statusCode, headers, body: textBodyFor(rendered.output, headers) };
}

const NOT_ASCII = /[\u0080-\uffff]/;

/**
 * node:http sends a string body joined to the header block, both encoded as UTF-8; a Buffer body
 * follows a latin1 header block. A header value with characters U+0080..U+00FF (which node:http
 * accepts) would be encoded differently, so such a response keeps the Buffer.
 */
function textBodyFor(output: string, headers: readonly string[]): Buffer | string {
  for (let i = 1; i < headers.length; i += 2) if (NOT_ASCII.test(headers[i]!)) return Buffer.from(output);
  return output;
}

/**
 * AWS: the template for the first Accept media type, else the `application/json` one, else the
 * first declared; none declared passes the body through, and so does an empty template (§2.4;
 * test: mapping-templates.test.ts "Accept picks the response template").
 */
function responseTemplate(templates: CompiledTemplates, accept: string): CompiledTemplateSlot | undefined {
  if (templates.size === 0) return undefined;
  return templates.byMediaType.get(accept) ?? templates.json ?? templates.first;
}

function mapHeaders(ctx: RoutedContext, endpoint: EndpointResponse, selected: CompiledIntegrationResponse): string[] {
  const headers: string[] = [];
  if (selected.headers.length === 0) return headers;
  const input = new EndpointResponseInput(endpoint, ctx);
  for (const { name, source } of selected.headers) {
    const value = singleValue(source(input));
    if (value !== undefined) headers.push(name, value);
  }
  return headers;
}

/** Replaces a header of the same name (case-insensitive) or appends it. */
function setHeader(headers: string[], name: string, value: string): void {
  const lower = name.toLowerCase();
  for (let i = 0; i < headers.length; i += 2) {
    if (headers[i]!.toLowerCase() === lower) {
      headers[i + 1] = value;
      return;
    }
  }
  headers.push(name, value);
}

/** AWS: no pattern matched and there is no default response: 500 API_CONFIGURATION_ERROR (§2.3). */
function noOutputMapping(ctx: RoutedContext, endpoint: EndpointResponse, subject: string): ApiConfigurationError {
  ctx.logger.error(
    { selectionSubject: subject },
    `Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${endpoint.statusCode}`,
  );
  return new ApiConfigurationError();
}
