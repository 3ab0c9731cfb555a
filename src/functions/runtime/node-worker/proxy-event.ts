// An API Gateway proxy event (payload 1.0) packed for the trip to a Node.js worker, and its
// expansion there. The gateway sends the event's values as one JSON array in a fixed order (native
// JSON.stringify of a flat array; no member names), and the worker builds the event from it with
// object literals in AWS's member order. The result is the object JSON.parse would give for the
// event's JSON text, member for member and in the same order (test: lambda-proxy-event.test.ts);
// runtimes that take text get that text from the same array. Shared by both sides, so it imports
// nothing.

/*
 * The packed array, in this order (lambda-proxy-event-packed.ts writes it):
 *  0 resource, 1 path, 2 httpMethod,
 *  3 the headers as name/value pairs, each name spelled as its group (`multiValueHeaders` groups
 *    them; `headers` holds each name's last value),
 *  4 the query the same way, or null,
 *  5 pathParameters, 6 stageVariables,
 *  then `requestContext`: 7 accountId, 8 apiId, 9 authorizer (null: the member is absent),
 *  10 deploymentId, 11 domainName, 12 domainPrefix, 13 extendedRequestId, 14 httpMethod,
 *  15 identity (for an anonymous caller just `[sourceIp, userAgent]`), 16 path, 17 protocol,
 *  18 requestId, 19 requestTime, 20 requestTimeEpoch, 21 resourceId, 22 resourcePath, 23 stage,
 *  and 24 body, 25 isBase64Encoded.
 * Flat lists of strings, not objects: V8 writes and parses them several times faster.
 */

/** Sets an own data property, as JSON.parse does, even for a member named `__proto__`. */
function setOwn<T>(target: Record<string, T>, name: string, value: T): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true });
  else target[name] = value;
}

/** hot path: name/value pairs as a multi-value map, names in first-seen order; null stays null. */
export function groupPairs(pairs: readonly string[] | null): Record<string, string[]> | null {
  if (pairs === null) return null;
  const multi: Record<string, string[]> = {};
  for (let i = 0; i < pairs.length; i += 2) {
    const name = pairs[i]!;
    const values = Object.hasOwn(multi, name) ? multi[name] : undefined;
    if (values === undefined) setOwn(multi, name, [pairs[i + 1]!]);
    else values.push(pairs[i + 1]!);
  }
  return multi;
}

/** hot path: each name's last value, in the same order (AWS: headers UNCONFIRMED, query reference §1.7); null stays null. */
export function lastValues(multi: Readonly<Record<string, readonly string[]>> | null): Record<string, string> | null {
  if (multi === null) return null;
  const single: Record<string, string> = {};
  for (const name of Object.keys(multi)) {
    const values = multi[name]!;
    setOwn(single, name, values[values.length - 1]!);
  }
  return single;
}

/** `$context.identity` of a caller without an API key or a signature (ContextVariables' member order). */
function anonymousIdentity(sourceIp: unknown, userAgent: unknown): Record<string, unknown> {
  return {
    accessKey: null,
    accountId: null,
    apiKey: null,
    apiKeyId: null,
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  };
}

function identity(packed: unknown): unknown {
  if (!Array.isArray(packed)) return packed;
  return anonymousIdentity(packed[0], packed[1]);
}

/** hot path: the event from its packed values (already parsed from JSON). */
export function expandProxyEvent(p: readonly unknown[]): Record<string, unknown> {
  const multiValueHeaders = groupPairs(p[3] as string[] | null);
  const multiValueQuery = groupPairs(p[4] as string[] | null);
  return {
    resource: p[0],
    path: p[1],
    httpMethod: p[2],
    headers: lastValues(multiValueHeaders),
    multiValueHeaders,
    queryStringParameters: lastValues(multiValueQuery),
    multiValueQueryStringParameters: multiValueQuery,
    pathParameters: p[5],
    stageVariables: p[6],
    requestContext: p[9] === null ? requestContext(p) : requestContextWithAuthorizer(p),
    body: p[24],
    isBase64Encoded: p[25],
  };
}

// Two literals rather than a conditional member: `authorizer` sits third, in AWS's (alphabetical) order.

function requestContext(p: readonly unknown[]): Record<string, unknown> {
  return {
    accountId: p[7],
    apiId: p[8],
    deploymentId: p[10],
    domainName: p[11],
    domainPrefix: p[12],
    extendedRequestId: p[13],
    httpMethod: p[14],
    identity: identity(p[15]),
    path: p[16],
    protocol: p[17],
    requestId: p[18],
    requestTime: p[19],
    requestTimeEpoch: p[20],
    resourceId: p[21],
    resourcePath: p[22],
    stage: p[23],
  };
}

function requestContextWithAuthorizer(p: readonly unknown[]): Record<string, unknown> {
  return {
    accountId: p[7],
    apiId: p[8],
    authorizer: p[9],
    deploymentId: p[10],
    domainName: p[11],
    domainPrefix: p[12],
    extendedRequestId: p[13],
    httpMethod: p[14],
    identity: identity(p[15]),
    path: p[16],
    protocol: p[17],
    requestId: p[18],
    requestTime: p[19],
    requestTimeEpoch: p[20],
    resourceId: p[21],
    resourcePath: p[22],
    stage: p[23],
  };
}
