// Deploy time: compiles the authorizer a CUSTOM or COGNITO_USER_POOLS method uses — its identity
// sources as readers over the method request, the validation regex, the result TTL, and the Lambda
// function it invokes or the user pools it trusts. The authorize stage reads this. Reference §5.1,
// §5.2; AWS developer guide "Use API Gateway Lambda authorizers".

import { compileLambdaTarget, type CompiledLambdaTarget } from '../integrations/lambda-target.js';
import type { Authorizer } from '../model/rest-api.js';
import type { MappingInput } from './mapping-expression.js';
import { compileUserPools, type CompiledUserPools } from './compile-user-pools.js';

/** One identity source expression and how to read it from a request. */
export interface IdentitySourceReader {
  readonly expression: string;
  read(input: MappingInput): string | undefined;
}

export interface CompiledAuthorizer {
  readonly id: string;
  readonly type: Authorizer['type'];
  /** TOKEN: one header; REQUEST: the listed sources, in order (possibly none when caching is off). */
  readonly identitySources: readonly IdentitySourceReader[];
  /** TOKEN: the token must match; COGNITO_USER_POOLS: its `aud` must (`identityValidationExpression`, anchored like Java's `matches`). */
  readonly validation: RegExp | undefined;
  /** `authorizerResultTtlInSeconds` in ms; 0 disables caching. */
  readonly ttlMs: number;
  /** TOKEN and REQUEST: the Lambda function (COGNITO_USER_POOLS: one naming none). */
  readonly target: CompiledLambdaTarget;
  /** COGNITO_USER_POOLS only: the user pools of `providerARNs`. */
  readonly userPools: CompiledUserPools | undefined;
}

export function compileAuthorizer(authorizer: Authorizer): CompiledAuthorizer {
  const sources = (authorizer.identitySource ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return Object.freeze({
    id: authorizer.id,
    type: authorizer.type,
    identitySources: Object.freeze((authorizer.type === 'REQUEST' ? sources : sources.slice(0, 1)).map(compileIdentitySource)),
    validation: authorizer.type === 'REQUEST' ? undefined : compileValidation(authorizer.identityValidationExpression),
    ttlMs: authorizer.authorizerResultTtlInSeconds * 1000,
    target: compileLambdaTarget(authorizer.type === 'COGNITO_USER_POOLS' ? undefined : authorizer.authorizerUri),
    userPools: authorizer.type === 'COGNITO_USER_POOLS' ? compileUserPools(authorizer.providerARNs) : undefined,
  });
}

function compileIdentitySource(expression: string): IdentitySourceReader {
  const read = readerOf(expression);
  return { expression, read };
}

function readerOf(expression: string): (input: MappingInput) => string | undefined {
  const HEADER = 'method.request.header.';
  const QUERY = 'method.request.querystring.';
  const STAGE = 'stageVariables.';
  const CONTEXT = 'context.';
  if (expression.startsWith(HEADER)) {
    const name = expression.slice(HEADER.length).toLowerCase();
    return (input) => input.headerValue(name);
  }
  if (expression.startsWith(QUERY)) {
    const name = expression.slice(QUERY.length);
    return (input) => input.queryValue(name);
  }
  if (expression.startsWith(STAGE)) {
    const name = expression.slice(STAGE.length);
    return (input) => input.stageVariable(name);
  }
  if (expression.startsWith(CONTEXT)) {
    const path = expression.slice(CONTEXT.length).split('.');
    return (input) => input.contextValue(path);
  }
  // CreateAuthorizer refuses other expressions; one stored otherwise never yields a value.
  return () => undefined;
}

/** AWS matches the whole token (Java `String.matches`); an invalid pattern was refused at CreateAuthorizer. */
function compileValidation(expression: string | undefined): RegExp | undefined {
  if (expression === undefined || expression === '') return undefined;
  try {
    return new RegExp(`^(?:${expression})$`);
  } catch {
    return undefined;
  }
}
