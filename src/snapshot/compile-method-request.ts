// Deploy time: what the method-request stage checks for one method — its required request
// parameters (when its validator has validateRequestParameters) and its request models by content
// type (when it has validateRequestBody). `undefined` when there is nothing to check, so the stage
// costs nothing for methods without a validator. AWS developer guide "Request validation".

import type { Method, RequestValidator } from '../model/rest-api.js';
import type { CompiledModel, ModelCompiler } from './compile-models.js';

export interface RequiredParameter {
  /** `multivalueheader` and `multivaluequerystring` are checked as `header` and `querystring`. */
  location: 'header' | 'path' | 'querystring';
  /** As written in the key: the name listed in AWS's message. */
  name: string;
  /** Header names match case-insensitively. */
  lowerName: string;
}

export interface CompiledMethodRequest {
  /** In AWS's message order; empty when parameters are not validated. */
  requiredParameters: readonly RequiredParameter[];
  /** Models by lower-cased media type; `undefined` when the body is not validated. */
  bodyModels: ReadonlyMap<string, CompiledModel> | undefined;
  /** The `$default` model, used when the content type has none. */
  defaultBodyModel: CompiledModel | undefined;
}

const PARAMETER = /^method\.request\.(path|querystring|multivaluequerystring|header|multivalueheader)\.(.+)$/;

const LOCATIONS: Record<string, RequiredParameter['location']> = {
  header: 'header',
  multivalueheader: 'header',
  path: 'path',
  querystring: 'querystring',
  multivaluequerystring: 'querystring',
};

/**
 * AWS: the missing names are listed header, path, querystring (observed); Portico sorts by the
 * full `method.request.{location}.{name}` key, which gives that order (ordering rule UNCONFIRMED;
 * pinned by method-request-validation.test.ts).
 */
export function compileRequiredParameters(requestParameters: Readonly<Record<string, boolean>> | undefined): RequiredParameter[] {
  const required: RequiredParameter[] = [];
  for (const key of Object.keys(requestParameters ?? {}).sort()) {
    if (requestParameters?.[key] !== true) continue;
    const match = PARAMETER.exec(key);
    if (match === null) continue;
    const name = match[2]!;
    required.push({ location: LOCATIONS[match[1]!]!, name, lowerName: name.toLowerCase() });
  }
  return required;
}

/**
 * `models()` creates the deployment's model compiler on first use (one ajv instance per deployment).
 * Throws ModelCompileError when a model the method validates against cannot be compiled.
 */
export function compileMethodRequest(
  method: Method,
  validators: ReadonlyMap<string, RequestValidator>,
  models: () => ModelCompiler,
): CompiledMethodRequest | undefined {
  const validator = method.requestValidatorId === undefined ? undefined : validators.get(method.requestValidatorId);
  if (validator === undefined) return undefined;
  const requiredParameters = validator.validateRequestParameters ? compileRequiredParameters(method.requestParameters) : [];
  let bodyModels: Map<string, CompiledModel> | undefined;
  let defaultBodyModel: CompiledModel | undefined;
  if (validator.validateRequestBody) {
    for (const [contentType, modelName] of Object.entries(method.requestModels ?? {})) {
      const model = models().get(modelName);
      if (model === undefined) continue;
      if (contentType === '$default') defaultBodyModel = model;
      else (bodyModels ??= new Map()).set(contentType.toLowerCase(), model);
    }
    if (bodyModels === undefined && defaultBodyModel !== undefined) bodyModels = new Map();
  }
  if (requiredParameters.length === 0 && bodyModels === undefined) return undefined;
  return { requiredParameters, bodyModels, defaultBodyModel };
}
