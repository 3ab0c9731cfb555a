// What the Lambda authorizer result cache holds: the parsed result and the `$context.authorizer`
// variables a cache hit serves, built once when the result is cached instead of on every hit.
// Redis keeps only the result (authorizationCodec); reading it back rebuilds the variables.
// Reference §5.1; AWS developer guide "Output from an API Gateway Lambda authorizer".

import type { AuthorizerResult } from '../../integrations/lambda-authorizer-output.js';
import type { SharedCacheCodec } from '../../shared-state/traffic-state.js';

/** `$context.authorizer`: the context values (strings), principalId and integrationLatency (ms). */
export type AuthorizerVariables = Readonly<Record<string, string | number>>;

export interface CachedAuthorization {
  readonly result: AuthorizerResult;
  /** Shared by every request the entry serves: frozen. */
  readonly variables: AuthorizerVariables;
}

export function authorizerVariables(result: AuthorizerResult, integrationLatency: number): AuthorizerVariables {
  return { ...result.context, principalId: result.principalId, integrationLatency };
}

/** A cache hit ran no function: its integrationLatency is 0. */
export function cachedAuthorization(result: AuthorizerResult): CachedAuthorization {
  return { result, variables: Object.freeze(authorizerVariables(result, 0)) };
}

/** The result as JSON; text that does not parse (another version's) is a miss. */
export const authorizationCodec: SharedCacheCodec<CachedAuthorization> = {
  encode: (entry) => JSON.stringify(entry.result),
  decode: (text) => {
    try {
      // Only Portico writes these entries: the text is an AuthorizerResult it encoded.
      return cachedAuthorization(JSON.parse(text) as AuthorizerResult);
    } catch {
      return undefined;
    }
  },
};
