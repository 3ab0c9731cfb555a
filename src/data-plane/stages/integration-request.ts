// integration-request: evaluates the method's compiled `integration.requestParameters`; for
// non-proxy integrations it also selects the request template by Content-Type (or applies the
// passthrough behaviour: 415), renders it, converts binary payloads and applies
// `$context.requestOverride.*`. Reference §2.1, §2.2, §2.5; proxy integrations merge only (§1.9).

import type { IntegrationRequestData } from '../../integrations/compiled-integration.js';
import type { CompiledMethodMapping } from '../../snapshot/compile-method-mapping.js';
import type { CompiledParameterMapping, CompiledRequestParameters } from '../../snapshot/compile-request-parameters.js';
import { singleValue } from '../../snapshot/mapping-expression.js';
import { mediaTypeOf } from '../../snapshot/media-type.js';
import type { MappingTemplateOverrides } from '../../vtl/mapping-template.js';
import { convertRequestPayload, decodeBase64OrFail } from '../content-handling.js';
import { UnsupportedMediaTypeError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';
import { renderMappingTemplate } from '../render-mapping-template.js';
import { templateInputFor } from '../template-input.js';

const JSON_MEDIA_TYPE = 'application/json';

export const integrationRequest: PipelineStage<RoutedContext> = {
  name: 'integration-request',
  run(ctx) {
    // hot path
    const method = ctx.route.value;
    const parameters = method.requestParameters;
    const mapping = method.mapping;
    if (mapping !== undefined) runNonProxy(ctx, parameters, mapping);
    else if (!parameters.empty) {
      ctx.integrationRequest = {
        path: parameters.path.length === 0 ? undefined : mapPath(parameters.path, ctx),
        querystring: parameters.querystring.length === 0 ? undefined : mapQuery(parameters.querystring, ctx),
        header: parameters.header.length === 0 ? undefined : mapHeaders(parameters.header, ctx),
        body: undefined,
        templated: false,
      };
    }
    return 'next';
  },
};

/** hot path (non-proxy methods). */
function runNonProxy(ctx: RoutedContext, parameters: CompiledRequestParameters, mapping: CompiledMethodMapping): void {
  let path = parameters.path.length === 0 ? undefined : mapPath(parameters.path, ctx);
  let querystring = parameters.querystring.length === 0 ? undefined : mapQuery(parameters.querystring, ctx);
  let header = parameters.header.length === 0 ? undefined : mapHeaders(parameters.header, ctx);
  const contentType = ctx.headerValue('content-type');
  // AWS: the template key is the Content-Type without parameters; none means application/json (§2.2).
  const mediaType = contentType === undefined || contentType === '' ? JSON_MEDIA_TYPE : mediaTypeOf(contentType);
  const templates = mapping.requestTemplates;
  const slot = templates.size === 0 ? undefined : templates.byMediaType.get(mediaType);
  if (slot === undefined) {
    const behavior = mapping.passthroughBehavior;
    // AWS: NEVER refuses any unmatched type, WHEN_NO_TEMPLATES only when templates exist (§2.2;
    // test: mapping-templates.test.ts "passthrough behaviors").
    if (behavior === 'NEVER' || (behavior === 'WHEN_NO_TEMPLATES' && templates.size > 0)) throw new UnsupportedMediaTypeError();
  }
  const binaryMediaTypes = ctx.servedStage.snapshot.binaryMediaTypes;
  const payloadBinary = !binaryMediaTypes.none && binaryMediaTypes.matches(contentType);
  if (slot === undefined || slot.kind === 'passthrough') {
    ctx.integrationRequest = { path, querystring, header, body: convertRequestPayload(ctx.body, payloadBinary, mapping.contentHandling), templated: false };
    return;
  }
  // AWS: templates see a binary payload as base64 text, and an empty JSON body as `{}` (§3.1).
  let text = payloadBinary ? ctx.body.toString('base64') : ctx.bodyText();
  if (text === '' && mediaType === JSON_MEDIA_TYPE) text = '{}';
  const rendered = renderMappingTemplate(slot, templateInputFor(ctx, text), ctx, 'request');
  // AWS: CONVERT_TO_BINARY decodes the template's (base64) output (UNCONFIRMED: the developer
  // guide's conversion table does not say whether it runs before or after the template).
  const decoded = mapping.contentHandling === 'CONVERT_TO_BINARY' ? decodeBase64OrFail(rendered.output) : undefined;
  const overrides = rendered.requestOverride;
  if (hasOverrides(overrides)) {
    path = overridePath(path, overrides.path);
    querystring = overrideQuery(querystring, overrides.querystring);
    header = overrideHeaders(header, overrides.header);
  }
  ctx.integrationRequest = decoded !== undefined ? { path, querystring, header, body: decoded, templated: true } : new TemplatedRequest(path, querystring, header, rendered.output);
}

/**
 * A request template's output as the integration request. hot path: `body` (its UTF-8 bytes) is
 * made on first read, and MOCK, which reads `templateOutput` instead, never makes it.
 */
class TemplatedRequest implements IntegrationRequestData {
  readonly templated = true;
  #body: Buffer | undefined;

  constructor(
    readonly path: IntegrationRequestData['path'],
    readonly querystring: IntegrationRequestData['querystring'],
    readonly header: IntegrationRequestData['header'],
    readonly templateOutput: string,
  ) {
    this.#body = undefined;
  }

  get body(): Buffer {
    return (this.#body ??= Buffer.from(this.templateOutput));
  }
}

function mapPath(mappings: readonly CompiledParameterMapping[], ctx: RoutedContext): Record<string, string> {
  const path: Record<string, string> = {};
  for (const { name, source } of mappings) {
    const value = singleValue(source(ctx));
    if (value !== undefined) path[name] = value;
  }
  return path;
}

/** A multi-value source adds one pair per value. */
function mapQuery(mappings: readonly CompiledParameterMapping[], ctx: RoutedContext): NonNullable<IntegrationRequestData['querystring']> {
  const query: Array<readonly [string, string]> = [];
  for (const { name, source } of mappings) {
    const value = source(ctx);
    if (value === undefined) continue;
    if (typeof value === 'string') query.push([name, value]);
    else for (const item of value) query.push([name, item]);
  }
  return query;
}

function mapHeaders(mappings: readonly CompiledParameterMapping[], ctx: RoutedContext): NonNullable<IntegrationRequestData['header']> {
  const headers: Array<readonly [string, string]> = [];
  for (const { name, source } of mappings) {
    const value = singleValue(source(ctx));
    if (value !== undefined) headers.push([name, value]);
  }
  return headers;
}

function hasOverrides(overrides: MappingTemplateOverrides['requestOverride']): boolean {
  for (const _ in overrides.path) return true;
  for (const _ in overrides.querystring) return true;
  for (const _ in overrides.header) return true;
  return false;
}

/**
 * `$context.requestOverride.*` is applied after the template and the parameter mappings: each
 * override replaces the mapped value of the same name or adds it. Reference §2.4.
 */
function overridePath(path: IntegrationRequestData['path'], overrides: Readonly<Record<string, string>>): IntegrationRequestData['path'] {
  if (Object.keys(overrides).length === 0) return path;
  return { ...path, ...overrides };
}

function overrideQuery(query: IntegrationRequestData['querystring'], overrides: Readonly<Record<string, string>>): IntegrationRequestData['querystring'] {
  const names = Object.keys(overrides);
  if (names.length === 0) return query;
  const kept = (query ?? []).filter(([name]) => !Object.hasOwn(overrides, name));
  for (const name of names) kept.push([name, overrides[name]!]);
  return kept;
}

function overrideHeaders(headers: IntegrationRequestData['header'], overrides: Readonly<Record<string, string>>): IntegrationRequestData['header'] {
  const names = Object.keys(overrides);
  if (names.length === 0) return headers;
  const lower = new Set(names.map((name) => name.toLowerCase()));
  const kept = (headers ?? []).filter(([name]) => !lower.has(name.toLowerCase()));
  for (const name of names) kept.push([name, overrides[name]!]);
  return kept;
}
