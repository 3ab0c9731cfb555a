// What the two Lambda integrations (AWS_PROXY and AWS "Lambda custom") share: the timeout and the
// deploy-time check that the integration can call Lambda at all. A misconfigured one deploys, as on
// AWS, and every call answers 500 with the reason in the log. Reference §1.5, §1.7.

import { ApiConfigurationError } from '../data-plane/gateway-errors.js';
import { DEFAULT_INTEGRATION_TIMEOUT } from '../data-plane/limits.js';
import type { Integration } from '../model/rest-api.js';
import type { IntegrationInvocation } from './compiled-integration.js';
import type { CompiledLambdaTarget } from './lambda-target.js';

/** AWS: mapping these onto an AWS or AWS_PROXY integration request fails every call with 500 (reference §1.5). */
const ILLEGAL_LAMBDA_MAPPED_HEADERS: ReadonlySet<string> = new Set(['content-length', 'transfer-encoding', 'authorization', 'connection', 'expect', 'proxy-authenticate', 'te']);

export abstract class LambdaIntegration {
  readonly timeoutInMillis: number;
  /** Why every call fails with 500, or `undefined` when the integration is usable (deploy time). */
  private readonly misconfiguration: string | undefined;

  constructor(
    integration: Integration,
    protected readonly target: CompiledLambdaTarget,
  ) {
    this.timeoutInMillis = integration.timeoutInMillis > 0 ? integration.timeoutInMillis : DEFAULT_INTEGRATION_TIMEOUT;
    this.misconfiguration = misconfigurationOf(integration, target);
  }

  /** hot path: throws AWS's 500 when the integration cannot call Lambda. */
  protected rejectIfMisconfigured(invocation: IntegrationInvocation): void {
    if (this.misconfiguration === undefined) return;
    invocation.logger.error({}, `Execution failed due to configuration error: ${this.misconfiguration}`);
    throw new ApiConfigurationError();
  }
}

/**
 * AWS: a Lambda integration must use POST (reference §1.7), name a Lambda function, and not map the
 * headers above; otherwise it deploys but answers 500 (tests: lambda-proxy.test.ts, lambda-custom.test.ts).
 */
function misconfigurationOf(integration: Integration, target: CompiledLambdaTarget): string | undefined {
  if (integration.httpMethod !== 'POST') return `Lambda invocations must use the POST integration method (got ${integration.httpMethod ?? 'none'})`;
  if (!target.lambda) return `Portico invokes only Lambda functions through ${integration.type} integrations (uri ${integration.uri ?? 'none'})`;
  for (const key of Object.keys(integration.requestParameters ?? {})) {
    if (key.startsWith('integration.request.header.') && ILLEGAL_LAMBDA_MAPPED_HEADERS.has(key.slice('integration.request.header.'.length).toLowerCase())) {
      return `the mapped header ${key} cannot be sent to Lambda`;
    }
  }
  return undefined;
}
