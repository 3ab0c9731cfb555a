// integration-request: evaluates the method's compiled `integration.requestParameters` into the
// path, query and header values the integration sends (mapping templates arrive with the VTL work).
// Reference §2.1; proxy integrations merge the result into the client request (§1.9).

import type { IntegrationRequestData } from '../../integrations/compiled-integration.js';
import type { CompiledParameterMapping } from '../../snapshot/compile-request-parameters.js';
import { singleValue } from '../../snapshot/mapping-expression.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const integrationRequest: PipelineStage<RoutedContext> = {
  name: 'integration-request',
  run(ctx) {
    // hot path
    const parameters = ctx.route.value.requestParameters;
    if (parameters.empty) return 'next';
    ctx.integrationRequest = {
      path: parameters.path.length === 0 ? undefined : mapPath(parameters.path, ctx),
      querystring: parameters.querystring.length === 0 ? undefined : mapQuery(parameters.querystring, ctx),
      header: parameters.header.length === 0 ? undefined : mapHeaders(parameters.header, ctx),
    };
    return 'next';
  },
};

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
