// The one function that turns a GatewayError into a response (DESIGN §2, §3): the API's customised
// gateway response for the error's type, else its DEFAULT_4XX/DEFAULT_5XX customisation, else the
// built-in default (status from the typed table, AWS's exact body). Reference §1.3, §1.4.

import type { CompiledGatewayResponse } from '../snapshot/compile-gateway-responses.js';
import { parentGatewayResponseType, type GatewayResponseType } from '../snapshot/gateway-response-types.js';
import { singleValue } from '../snapshot/mapping-expression.js';
import type { GatewayError } from './gateway-errors.js';
import type { HttpResponse, InvocationContext } from './invocation-context.js';

/**
 * `ctx` is `undefined` when there is no API to take customisations from (unknown API or stage).
 * The request-id headers are added later by the response-headers finalizer.
 */
export function renderGatewayResponse(error: GatewayError, ctx: InvocationContext | undefined): HttpResponse {
  const headers = ['Content-Type', 'application/json', 'x-amzn-ErrorType', error.errorType];
  if (ctx === undefined) return { statusCode: error.statusCode, headers, body: error.body };
  ctx.vars.error = {
    message: error.message,
    messageString: JSON.stringify(error.message),
    responseType: error.responseType,
    validationErrorString: error.validationErrorString,
  };
  const custom = customisationFor(ctx.servedStage.snapshot.gatewayResponses, error.responseType);
  if (custom === undefined) return { statusCode: error.statusCode, headers, body: error.body };
  let body = error.body;
  if (custom.template !== undefined) {
    headers[1] = custom.template.contentType;
    body = '';
    for (const part of custom.template.parts) body += typeof part === 'string' ? part : part(ctx);
  }
  for (const { name, source } of custom.headers) {
    const value = singleValue(source(ctx));
    if (value !== undefined) setHeader(headers, name, value);
  }
  return { statusCode: custom.statusCode ?? error.statusCode, headers, body };
}

function customisationFor(responses: ReadonlyMap<GatewayResponseType, CompiledGatewayResponse>, type: GatewayResponseType): CompiledGatewayResponse | undefined {
  // AWS: REQUEST_TOO_LARGE cannot be customised (reference §1.4; UNCONFIRMED whether DEFAULT_4XX applies).
  if (responses.size === 0 || type === 'REQUEST_TOO_LARGE') return undefined;
  const own = responses.get(type);
  if (own !== undefined) return own;
  const parent = parentGatewayResponseType(type);
  return parent === undefined ? undefined : responses.get(parent);
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
