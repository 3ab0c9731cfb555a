// Deploy-time compile of an integration's requestParameters (`integration.request.{path|querystring|
// header}.NAME` ← mapping expression) into three arrays the integration-request stage walks per
// request. Reference §2.1; HTTP_PROXY merges the result into the client request (§1.9).

import { compileMappingExpression, type ValueSource } from './mapping-expression.js';

export interface CompiledParameterMapping {
  /** The target name as written (header names keep their case; `lowerName` is for matching). */
  name: string;
  lowerName: string;
  source: ValueSource;
}

export interface CompiledRequestParameters {
  /** `true` when there is nothing to evaluate (the hot path skips the stage's work). */
  empty: boolean;
  path: readonly CompiledParameterMapping[];
  querystring: readonly CompiledParameterMapping[];
  header: readonly CompiledParameterMapping[];
}

export const NO_REQUEST_PARAMETERS: CompiledRequestParameters = Object.freeze({ empty: true, path: [], querystring: [], header: [] });

const TARGET = 'integration.request.';

/**
 * Compiles `integration.requestParameters`. Keys or expressions Portico does not recognise are
 * skipped: PutIntegration is where AWS validates them, so a stored definition is already checked.
 */
export function compileRequestParameters(requestParameters: Readonly<Record<string, string>> | undefined): CompiledRequestParameters {
  if (requestParameters === undefined) return NO_REQUEST_PARAMETERS;
  const path: CompiledParameterMapping[] = [];
  const querystring: CompiledParameterMapping[] = [];
  const header: CompiledParameterMapping[] = [];
  for (const [key, expression] of Object.entries(requestParameters)) {
    if (!key.startsWith(TARGET) || typeof expression !== 'string') continue;
    const rest = key.slice(TARGET.length);
    const dot = rest.indexOf('.');
    if (dot <= 0 || dot === rest.length - 1) continue;
    const location = rest.slice(0, dot);
    const name = rest.slice(dot + 1);
    const source = compileMappingExpression(expression);
    if (source === undefined) continue;
    const mapping = { name, lowerName: name.toLowerCase(), source };
    if (location === 'path') path.push(mapping);
    else if (location === 'querystring') querystring.push(mapping);
    else if (location === 'header') header.push(mapping);
  }
  if (path.length + querystring.length + header.length === 0) return NO_REQUEST_PARAMETERS;
  return { empty: false, path, querystring, header };
}
