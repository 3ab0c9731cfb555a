// The AWS_PROXY (payload 1.0) event packed for the function runtime: its values as one JSON array in
// functions/runtime/node-worker/proxy-event.ts's order, written by native JSON.stringify (no member
// names, no text assembled piece by piece; headers and query as flat name/value lists). A Node.js
// worker expands it with object literals; other runtimes get the JSON text from it. The expanded
// event is exactly createProxyEvent(invocation) (test: lambda-proxy-event.test.ts).

import type { ContextIdentity } from '../data-plane/context-variables.js';
import { PackedProxyEvent } from '../functions/packed-proxy-event.js';
import type { IntegrationInvocation } from './compiled-integration.js';
import { eventBody, eventHeaders, eventQuery } from './lambda-proxy-event.js';

/** `null` for a map without members (AWS sends `null`, never `{}`). */
function emptyAsNull(map: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> | null {
  if (map !== undefined) for (const name in map) if (Object.hasOwn(map, name)) return map;
  return null;
}

/** An anonymous caller's identity (no API key, no SigV4 caller) as `[sourceIp, userAgent]`; others whole. */
function packIdentity(identity: ContextIdentity): ContextIdentity | [string, string | null] {
  if (identity.accessKey === null && identity.accountId === null && identity.apiKey === null && identity.apiKeyId === null && identity.caller === null && identity.user === null && identity.userArn === null) {
    return [identity.sourceIp, identity.userAgent];
  }
  return identity;
}

// hot path
export function packProxyEvent(invocation: IntegrationInvocation): PackedProxyEvent {
  const vars = invocation.vars;
  const headers = eventHeaders(invocation);
  const body = eventBody(invocation, headers.contentType);
  return new PackedProxyEvent(
    JSON.stringify([
      vars.resourcePath,
      invocation.path,
      invocation.httpMethod,
      headers.pairs,
      eventQuery(invocation.rawQuery),
      emptyAsNull(invocation.route.pathParameters),
      emptyAsNull(invocation.stageVariables),
      vars.accountId,
      vars.apiId,
      // Stages before the integration (authorizers) may have set it.
      vars.authorizer ?? null,
      vars.deploymentId,
      vars.domainName,
      vars.domainPrefix,
      vars.extendedRequestId,
      vars.httpMethod,
      packIdentity(vars.identity),
      vars.path,
      vars.protocol,
      vars.requestId,
      vars.requestTime,
      vars.requestTimeEpoch,
      vars.resourceId,
      vars.resourcePath,
      vars.stage,
      body.text,
      body.base64,
    ]),
  );
}
