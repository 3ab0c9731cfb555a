// method-request: AWS's basic request validation, after throttling and before the integration
// request. With validateRequestParameters every required parameter must be present and non-blank;
// with validateRequestBody the body must match the model for its content type. Methods without a
// validator skip the stage. Reference §4; AWS developer guide "Request validation".

import type { CompiledModel } from '../../snapshot/compile-models.js';
import type { CompiledMethodRequest, RequiredParameter } from '../../snapshot/compile-method-request.js';
import { BadRequestBodyError, BadRequestParametersError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

/** AWS: a request without a body is validated as `{}` (LocalStack's reading; UNCONFIRMED; test: method-request.test.ts). */
const EMPTY_BODY = Object.freeze({});

export const methodRequest: PipelineStage<RoutedContext> = {
  name: 'method-request',
  run(ctx) {
    // hot path
    const compiled = ctx.route.value.methodRequest;
    if (compiled === undefined) return 'next';
    if (compiled.requiredParameters.length > 0) checkParameters(ctx, compiled.requiredParameters);
    if (compiled.bodyModels !== undefined) checkBody(ctx, compiled);
    return 'next';
  },
};

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function valueOf(ctx: RoutedContext, parameter: RequiredParameter): string | undefined {
  if (parameter.location === 'header') return ctx.headerValue(parameter.lowerName);
  if (parameter.location === 'querystring') return ctx.queryValue(parameter.name);
  return ctx.pathParameter(parameter.name);
}

/** AWS: `Missing required request parameters: [a, b]` (test: method-request-validation.test.ts). */
function checkParameters(ctx: RoutedContext, required: readonly RequiredParameter[]): void {
  let missing: string[] | undefined;
  for (let i = 0; i < required.length; i++) {
    const parameter = required[i]!;
    if (isBlank(valueOf(ctx, parameter))) (missing ??= []).push(parameter.name);
  }
  if (missing !== undefined) throw new BadRequestParametersError(`Missing required request parameters: [${missing.join(', ')}]`);
}

/**
 * The model is the one mapped to the request's media type (parameters dropped, case-insensitive),
 * else `$default`; with neither, the body is not validated (AWS developer guide). A request without
 * Content-Type is read as `application/json` (UNCONFIRMED). Test: method-request.test.ts.
 */
function modelFor(ctx: RoutedContext, compiled: CompiledMethodRequest): CompiledModel | undefined {
  const header = ctx.headerValue('content-type');
  let mediaType = 'application/json';
  if (header !== undefined) {
    const semicolon = header.indexOf(';');
    mediaType = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  }
  return compiled.bodyModels!.get(mediaType) ?? compiled.defaultBodyModel;
}

function checkBody(ctx: RoutedContext, compiled: CompiledMethodRequest): void {
  const model = modelFor(ctx, compiled);
  if (model === undefined) return;
  const body = ctx.body.length === 0 ? EMPTY_BODY : ctx.bodyJson();
  // AWS: a body that is not JSON fails a JSON model; its validation error string is UNCONFIRMED (test: method-request.test.ts).
  if (body === undefined) throw new BadRequestBodyError(null);
  if (!model.validate(body)) throw new BadRequestBodyError(model.explain(body));
}
