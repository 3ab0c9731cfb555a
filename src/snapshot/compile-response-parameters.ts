// Deploy-time compile of an integration response's `responseParameters` (`method.response.header.X`
// ← `integration.response.header|multivalueheader.Y`, `integration.response.body[.JSONPATH]`,
// `stageVariables.Z`, `context.Z`, `'static'`) into closures. Only headers the method response
// declares are kept: they are all that reaches the client. Reference §2.4.

import type { MethodResponse } from '../model/rest-api.js';
import { compileMappingExpression, type ValueSource } from './mapping-expression.js';

export interface CompiledResponseHeader {
  /** The method response header name as declared. */
  name: string;
  /**
   * Evaluated against a MappingInput whose header and body readers see the ENDPOINT response
   * (the data plane's endpoint-response view); stage variables and `$context` as usual.
   */
  source: ValueSource;
}

const TARGET = 'method.response.header.';
const INTEGRATION_RESPONSE = 'integration.response.';

export function compileResponseParameters(responseParameters: Readonly<Record<string, string>> | undefined, methodResponse: MethodResponse | undefined): readonly CompiledResponseHeader[] {
  if (responseParameters === undefined || methodResponse === undefined) return [];
  const declared = methodResponse.responseParameters ?? {};
  const headers: CompiledResponseHeader[] = [];
  for (const [target, expression] of Object.entries(responseParameters)) {
    if (!target.startsWith(TARGET) || target.length === TARGET.length || !Object.hasOwn(declared, target)) continue;
    // `integration.response.header.X` reads like `method.request.header.X` over the endpoint response.
    const source = compileMappingExpression(expression.startsWith(INTEGRATION_RESPONSE) ? `method.request.${expression.slice(INTEGRATION_RESPONSE.length)}` : expression);
    if (source !== undefined) headers.push({ name: target.slice(TARGET.length), source });
  }
  return headers;
}
