// Deploy-time compile of an API's customised gateway responses (PutGatewayResponse): status,
// `gatewayresponse.header.X` parameters as closures, and the response template pre-split into
// literal text and `$context.x` / `$stageVariables.x` references (simple substitution, not VTL).
// Reference §1.4; AWS developer guide "Gateway responses in API Gateway".

import type { GatewayResponse } from '../model/rest-api.js';
import { isGatewayResponseType, type GatewayResponseType } from './gateway-response-types.js';
import { compileMappingExpression, type MappingInput, type ValueSource } from './mapping-expression.js';

export type TemplatePart = string | ((input: MappingInput) => string);

export interface CompiledGatewayResponse {
  /** The customised status; `undefined` keeps the error's own status. */
  statusCode: number | undefined;
  headers: ReadonlyArray<{ name: string; source: ValueSource }>;
  /** `undefined` when no template is set: the error's built-in body is used. */
  template: { contentType: string; parts: readonly TemplatePart[] } | undefined;
}

const HEADER_TARGET = 'gatewayresponse.header.';

export function compileGatewayResponses(responses: readonly GatewayResponse[]): ReadonlyMap<GatewayResponseType, CompiledGatewayResponse> {
  const compiled = new Map<GatewayResponseType, CompiledGatewayResponse>();
  for (const response of responses) {
    if (!isGatewayResponseType(response.responseType)) continue;
    compiled.set(response.responseType, compileGatewayResponse(response));
  }
  return compiled;
}

function compileGatewayResponse(response: GatewayResponse): CompiledGatewayResponse {
  const status = response.statusCode === undefined ? undefined : Number(response.statusCode);
  const headers: Array<{ name: string; source: ValueSource }> = [];
  for (const [key, expression] of Object.entries(response.responseParameters ?? {})) {
    if (!key.startsWith(HEADER_TARGET) || key.length === HEADER_TARGET.length) continue;
    const source = compileMappingExpression(expression);
    if (source !== undefined) headers.push({ name: key.slice(HEADER_TARGET.length), source });
  }
  const templates = Object.entries(response.responseTemplates ?? {});
  // AWS: the template for application/json is preferred, else the first one (UNCONFIRMED).
  const chosen = templates.find(([type]) => type === 'application/json') ?? templates[0];
  return {
    statusCode: status !== undefined && Number.isInteger(status) && status >= 100 && status <= 599 ? status : undefined,
    headers,
    template: chosen === undefined ? undefined : { contentType: chosen[0], parts: compileTemplate(chosen[1]) },
  };
}

const NAME_CHAR = /[A-Za-z0-9_.]/;

/**
 * Splits a gateway response template into literals and references. Recognised: `$context.a.b`,
 * `${context.a.b}`, `$stageVariables.name`, `${stageVariables.name}`; `$context.error.messageString`
 * is the JSON-quoted message. Anything else (`$util`, `#if`...) stays literal text. An unset
 * reference renders as '' (UNCONFIRMED: Velocity would print the reference itself).
 */
export function compileTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < template.length) {
    const char = template[i]!;
    if (char !== '$') {
      literal += char;
      i++;
      continue;
    }
    const braced = template[i + 1] === '{';
    const start = i + (braced ? 2 : 1);
    let end = start;
    while (end < template.length && NAME_CHAR.test(template[end]!)) end++;
    let name = template.slice(start, end);
    if (braced) {
      if (template[end] !== '}') {
        literal += char;
        i++;
        continue;
      }
    } else {
      while (name.endsWith('.')) {
        name = name.slice(0, -1);
        end--;
      }
    }
    const reference = compileReference(name);
    if (reference === undefined) {
      literal += char;
      i++;
      continue;
    }
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push(reference);
    i = braced ? end + 1 : end;
  }
  if (literal !== '') parts.push(literal);
  return parts;
}

function compileReference(name: string): ((input: MappingInput) => string) | undefined {
  if (name.startsWith('context.') && name.length > 'context.'.length) {
    const path = name.slice('context.'.length).split('.');
    return (input) => input.contextValue(path) ?? '';
  }
  if (name.startsWith('stageVariables.') && name.length > 'stageVariables.'.length) {
    const key = name.slice('stageVariables.'.length);
    return (input) => input.stageVariable(key) ?? '';
  }
  return undefined;
}
