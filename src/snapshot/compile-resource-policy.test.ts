// compileResourcePolicy: the stored policy (AWS's escaped form) compiled into the snapshot; a stored
// policy IAM would refuse fails the deployment with AWS's message.

import { describe, expect, it } from 'vitest';
import type { RestApi } from '../model/rest-api.js';
import { compileResourcePolicy, INVALID_POLICY } from './compile-resource-policy.js';
import { DeploymentCompileError } from './deployment-compile-error.js';

const api = (policy?: string): RestApi => ({ id: 'abc123', name: 'x', createdDate: 0, apiKeySource: 'HEADER', endpointConfiguration: { types: ['EDGE'] }, disableExecuteApiEndpoint: false, rootResourceId: 'r', ...(policy !== undefined && { policy }) });

describe('compileResourcePolicy', () => {
  it('is undefined without a policy, and compiles the escaped form', () => {
    expect(compileResourcePolicy(api())).toBeUndefined();
    expect(compileResourcePolicy(api(''))).toBeUndefined();
    const compiled = compileResourcePolicy(api('{\\"Statement\\":[{\\"Effect\\":\\"Deny\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"execute-api:Invoke\\",\\"Resource\\":\\"arn:aws:execute-api:us-east-1:000000000000:abc123\\/*\\"}]}'));
    expect(compiled?.statements).toMatchObject([{ allow: false, resources: ['arn:aws:execute-api:us-east-1:000000000000:abc123/*'] }]);
  });

  it('fails the deployment for a policy stored without validation', () => {
    expect(() => compileResourcePolicy(api('{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'))).toThrow(new DeploymentCompileError(INVALID_POLICY));
    expect(() => compileResourcePolicy(api('not json'))).toThrow(DeploymentCompileError);
  });
});
