// The event a Lambda TOKEN or REQUEST authorizer receives: TOKEN `{type, authorizationToken,
// methodArn}`, REQUEST the proxy event's request fields led by `type` and `methodArn` (no body).
// Shared by the authorize stage (request time) and TestInvokeAuthorizer (control plane).
// Reference §5.1; AWS developer guide "Input to an API Gateway Lambda authorizer".

/** The request members of a REQUEST authorizer's event, in AWS's order. */
const REQUEST_MEMBERS = [
  'resource',
  'path',
  'httpMethod',
  'headers',
  'multiValueHeaders',
  'queryStringParameters',
  'multiValueQueryStringParameters',
  'pathParameters',
  'stageVariables',
  'requestContext',
] as const;

export type RequestAuthorizerFields = Readonly<Record<(typeof REQUEST_MEMBERS)[number], unknown>>;

export function renderTokenAuthorizerEvent(token: string | undefined, methodArn: string): string {
  return JSON.stringify({ type: 'TOKEN', authorizationToken: token, methodArn });
}

/** `request` may hold more members (a whole proxy event): only the request members are sent. */
export function renderRequestAuthorizerEvent(methodArn: string, request: RequestAuthorizerFields): string {
  const event: Record<string, unknown> = { type: 'REQUEST', methodArn };
  for (const member of REQUEST_MEMBERS) event[member] = request[member];
  return JSON.stringify(event);
}
