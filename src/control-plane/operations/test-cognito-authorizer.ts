// TestInvokeAuthorizer for a COGNITO_USER_POOLS authorizer: the token from the simulated request's
// identity source, verified by the user pool verifier against the authorizer's pools, as an ID
// token (AWS's test mode tests ID tokens only) matching the `aud` validation expression; the claims
// come back as `claims`. Reference §5.2; APIRef "TestInvokeAuthorizer".

import type { Authorizer } from '../../model/rest-api.js';
import { generateRequestId } from '../../shared/ids.js';
import { compileAuthorizer } from '../../snapshot/compile-authorizer.js';
import type { OperationServices } from '../wire/operation.js';
import { ExecutionLog, mask } from './execution-log.js';
import { testInvokeMappingInput, type TestInvokeRequest } from './test-invoke-request.js';

export interface TestCognitoAuthorizerOutput {
  clientStatus: number;
  log: string;
  latency: number;
  claims?: Record<string, string>;
}

/**
 * AWS: 200 with the token's claims (every value a string) for a valid ID token; 401 for a missing,
 * invalid, expired or access token ("You can't use this feature to test access tokens", knowledge
 * center "401 Unauthorized" for Cognito); 500 when the pool's keys cannot be had. Log lines
 * UNCONFIRMED. Test: cognito-authorizers.test.ts "TestInvokeAuthorizer".
 */
export async function testCognitoAuthorizer(services: OperationServices, authorizer: Authorizer, request: TestInvokeRequest): Promise<TestCognitoAuthorizerOutput> {
  const started = services.clock.now();
  const requestId = generateRequestId();
  const log = new ExecutionLog(services.clock, requestId);
  const answer = (clientStatus: number, claims?: Record<string, string>): TestCognitoAuthorizerOutput => ({
    clientStatus,
    log: log.render(),
    latency: Math.max(0, services.clock.now() - started),
    ...(claims !== undefined && { claims }),
  });
  const unauthorized = (): TestCognitoAuthorizerOutput => {
    log.add(`Unauthorized request: ${requestId}`);
    log.add('Unauthorized');
    return answer(401);
  };

  log.add(`Starting authorizer: ${authorizer.id} for request: ${requestId}`);
  const compiled = compileAuthorizer(authorizer);
  const header = compiled.identitySources[0]?.read(testInvokeMappingInput(request));
  const token = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : header?.trim();
  if (token === undefined || token === '') return unauthorized();
  log.add(`Incoming identity: ${mask(token)}`);
  const verification = services.userPools === undefined ? undefined : await services.userPools.verify(token, compiled.userPools?.render(request.stageVariables) ?? []);
  if (verification === undefined || (!verification.valid && verification.unavailable)) {
    log.add(`Execution failed due to configuration error: ${verification?.reason ?? 'no user pool verifier'}`);
    log.add('AuthorizerConfigurationException');
    return answer(500);
  }
  if (!verification.valid || verification.payload.token_use !== 'id') return unauthorized();
  const audience = verification.payload.aud;
  if (compiled.validation !== undefined && !(typeof audience === 'string' && compiled.validation.test(audience))) return unauthorized();
  log.add('Successfully completed authorizer execution');
  return answer(200, { ...verification.claims });
}
