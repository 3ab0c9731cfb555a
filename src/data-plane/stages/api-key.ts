// api-key: on methods with `apiKeyRequired`, finds the request's API key — the `x-api-key` header
// (any case), or the authorizer's `usageIdentifierKey` when the API's `apiKeySource` is AUTHORIZER —
// and the usage plan binding it to this API stage. Reference §4, §6; AWS guide "Choose an API key source".

import { InvalidApiKeyError } from '../gateway-errors.js';
import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

export const apiKey: PipelineStage<RoutedContext> = {
  name: 'api-key',
  run(ctx) {
    // hot path
    if (!ctx.route.value.method.apiKeyRequired) return 'next';
    const served = ctx.servedStage;
    const value = served.snapshot.restApi.apiKeySource === 'AUTHORIZER' ? ctx.usageIdentifierKey : ctx.headerValue('x-api-key');
    // AWS: a missing, unknown or disabled key, or one in no usage plan of this API stage, is 403
    // {"message":"Forbidden"} (test: throttling.test.ts "the 403 / 200 / 429 / 429 flow"). That a missing key is also
    // INVALID_API_KEY (not MISSING_AUTHENTICATION_TOKEN) is UNCONFIRMED.
    if (value === undefined || value === '') throw new InvalidApiKeyError();
    const key = ctx.services.traffic.region(served.region).keysByValue.get(value);
    if (key === undefined || !key.enabled) throw new InvalidApiKeyError();
    const binding = key.stages.get(served.apiId)?.get(served.stageName);
    if (binding === undefined) throw new InvalidApiKeyError();
    ctx.apiKey = key;
    ctx.usagePlan = binding;
    ctx.vars.identity.apiKey = value;
    ctx.vars.identity.apiKeyId = key.id;
    return 'next';
  },
};
