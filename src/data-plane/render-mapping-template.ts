// Renders a compiled mapping template for a stage (integration-request, integration-response).
// A template that failed to compile at deploy time, or fails while rendering, answers AWS's 500
// and logs which template failed, at which line and column. Reference §2.2, §2.4.

import type { CompiledTemplateSlot } from '../snapshot/compile-templates.js';
import { VtlInvalidJsonError, VtlRuntimeError, type MappingTemplateInput, type MappingTemplateOutput } from '../vtl/mapping-template.js';
import { ApiConfigurationError, BadRequestBodyError, type GatewayError } from './gateway-errors.js';
import type { RoutedContext } from './invocation-context.js';

/** The engine ends its messages with the location, which the log line already states. */
const LOCATION_SUFFIX = / at line \d+, column \d+$/;

type RenderableSlot = Exclude<CompiledTemplateSlot, { kind: 'passthrough' }>;

/**
 * hot path (templated methods). AWS: "Execution failed due to configuration error: Unable to
 * transform request" and 500 `{"message": "Internal server error"}` (test: mapping-templates.test.ts).
 */
export function renderMappingTemplate(slot: RenderableSlot, input: MappingTemplateInput, ctx: RoutedContext, phase: 'request' | 'response'): MappingTemplateOutput {
  if (slot.kind === 'broken') throw templateFailure(ctx, phase, slot.name, slot.message, slot.line, slot.column, undefined);
  try {
    return slot.template.render(input);
  } catch (error) {
    if (error instanceof VtlInvalidJsonError && phase === 'request') throw invalidJsonBody(ctx, slot.name, error);
    if (error instanceof VtlRuntimeError) throw templateFailure(ctx, phase, slot.name, error.message, error.line, error.column, undefined);
    throw templateFailure(ctx, phase, slot.name, error instanceof Error ? error.message : String(error), 0, 0, error);
  }
}

function templateFailure(ctx: RoutedContext, phase: string, template: string, reason: string, line: number, column: number, err: unknown): ApiConfigurationError {
  const method = ctx.route.value;
  ctx.logger.error(
    { template, line, column, resourcePath: method.resourcePath, httpMethod: method.httpMethod, ...(err !== undefined && { err }) },
    `Execution failed due to configuration error: Unable to transform ${phase}: ${template} at line ${line}, column ${column}: ${reason.replace(LOCATION_SUFFIX, '')}`,
  );
  return new ApiConfigurationError();
}

/**
 * AWS: a request template reading a body that is not JSON answers 400 `{"message": "Could not
 * parse request body into json: ..."}` (the detail is Jackson's parser message, which Portico does
 * not reproduce; UNCONFIRMED that the type is BAD_REQUEST_BODY). Test: mapping-http.test.ts.
 */
function invalidJsonBody(ctx: RoutedContext, template: string, error: VtlInvalidJsonError): GatewayError {
  ctx.logger.warn({ template, line: error.line, column: error.column }, `Execution failed: ${template}: ${error.message}`);
  return new BadRequestBodyError(null, 'Could not parse request body into json');
}
