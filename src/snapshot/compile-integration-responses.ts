// Deploy-time compile of a non-proxy integration's `integrationResponses` (selection pattern,
// method response status, response parameters, response templates, contentHandling), and the
// request-time selection: first matching pattern, else the default response. Reference §2.3, §2.4;
// AWS developer guide "Set up an integration response" and "Handle Lambda errors in API Gateway".

import type { IntegrationResponse, MethodResponse } from '../model/rest-api.js';
import { compileResponseParameters, type CompiledResponseHeader } from './compile-response-parameters.js';
import { compileSelectionPattern } from './compile-selection-pattern.js';
import { compileTemplates, type CompiledTemplates } from './compile-templates.js';

export interface CompiledIntegrationResponse {
  /** The method response status code it maps to, as declared (`'200'`). */
  readonly statusCode: string;
  /** The same as a number (what the client gets). */
  readonly status: number;
  /** `undefined` for the default response (empty or absent `selectionPattern`). */
  readonly selectionPattern: string | undefined;
  /** Whether the method declares a response for `statusCode`; AWS answers 500 when it does not. */
  readonly declared: boolean;
  readonly headers: readonly CompiledResponseHeader[];
  readonly templates: CompiledTemplates;
  readonly contentHandling: 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT' | undefined;
}

interface PatternedResponse {
  readonly pattern: RegExp;
  readonly response: CompiledIntegrationResponse;
}

export interface CompiledIntegrationResponses {
  /** Responses with a selection pattern, in the order they are tested. */
  readonly patterned: readonly PatternedResponse[];
  /** The default response (the first one without a pattern). */
  readonly fallback: CompiledIntegrationResponse | undefined;
  /** Patterns that are not valid regular expressions: they never match (named in the failure log). */
  readonly invalidPatterns: ReadonlyArray<{ readonly statusCode: string; readonly selectionPattern: string; readonly reason: string }>;
}

export function compileIntegrationResponses(
  integrationResponses: Readonly<Record<string, IntegrationResponse>> | undefined,
  methodResponses: Readonly<Record<string, MethodResponse>> | undefined,
): CompiledIntegrationResponses {
  const patterned: PatternedResponse[] = [];
  const invalidPatterns: Array<CompiledIntegrationResponses['invalidPatterns'][number]> = [];
  let fallback: CompiledIntegrationResponse | undefined;
  // AWS: the order patterns are tested in is UNCONFIRMED. Stored integration responses are keyed
  // by status code, so this is ascending status code order (LocalStack tests in stored order too).
  for (const response of Object.values(integrationResponses ?? {})) {
    const methodResponse = methodResponses?.[response.statusCode];
    const compiled: CompiledIntegrationResponse = Object.freeze({
      statusCode: response.statusCode,
      status: Number(response.statusCode),
      selectionPattern: response.selectionPattern === '' ? undefined : response.selectionPattern,
      declared: methodResponse !== undefined,
      headers: compileResponseParameters(response.responseParameters, methodResponse),
      templates: compileTemplates(response.responseTemplates, `integration response ${response.statusCode}`),
      contentHandling: response.contentHandling,
    });
    const source = compiled.selectionPattern;
    if (source === undefined) {
      fallback ??= compiled;
      continue;
    }
    try {
      patterned.push({ pattern: compileSelectionPattern(source), response: compiled });
    } catch (error) {
      invalidPatterns.push({ statusCode: response.statusCode, selectionPattern: source, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return Object.freeze({ patterned, fallback, invalidPatterns });
}

/**
 * Selects the integration response for `subject`: the endpoint status code as a string (HTTP,
 * MOCK, AWS services) or Lambda's `errorMessage` ('' for a successful invocation, which a `.*`
 * pattern still matches). The first pattern that matches the WHOLE subject wins, else the default
 * response; `undefined` when neither exists (the caller answers API_CONFIGURATION_ERROR). hot path
 */
export function selectIntegrationResponse(responses: CompiledIntegrationResponses, subject: string): CompiledIntegrationResponse | undefined {
  const patterned = responses.patterned;
  for (let i = 0; i < patterned.length; i++) {
    const candidate = patterned[i]!;
    if (candidate.pattern.test(subject)) return candidate.response;
  }
  return responses.fallback;
}
