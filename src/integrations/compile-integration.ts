// Deploy time: picks the compiler of an integration's type. Types whose request path is not built
// yet compile to an integration that answers 500 Internal server error (and says so in the log),
// so APIs using them still deploy. AWS developer guide "Choose an API integration type".

import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT } from '../data-plane/limits.js';
import type { Integration, IntegrationType } from '../model/rest-api.js';
import type { CompiledIntegration, IntegrationCompiler } from './compiled-integration.js';
import { compileHttpIntegration } from './http.js';
import { compileHttpProxyIntegration } from './http-proxy.js';
import { compileMockIntegration } from './mock.js';
import { compileAwsIntegration } from './aws-lambda.js';
import { compileLambdaProxyIntegration } from './lambda-proxy.js';

const compilers: Record<IntegrationType, IntegrationCompiler> = {
  HTTP_PROXY: compileHttpProxyIntegration,
  HTTP: compileHttpIntegration,
  AWS: compileAwsIntegration,
  AWS_PROXY: compileLambdaProxyIntegration,
  MOCK: compileMockIntegration,
};

/** Throws DeploymentCompileError with AWS's message when the integration cannot be deployed. */
export function compileIntegration(integration: Integration): CompiledIntegration {
  const compiler = compilers[integration.type] as IntegrationCompiler | undefined;
  return compiler === undefined ? notServedYet(integration) : compiler(integration);
}

function notServedYet(integration: Integration): CompiledIntegration {
  const type = integration.type;
  return {
    type,
    proxy: type === 'AWS_PROXY',
    timeoutInMillis: integration.timeoutInMillis > 0 ? integration.timeoutInMillis : DEFAULT_INTEGRATION_TIMEOUT,
    invoke(invocation) {
      invocation.logger.error({ integrationType: type }, `Portico does not serve ${type} integrations yet`);
      return Promise.reject(new ApiConfigurationError());
    },
  };
}
