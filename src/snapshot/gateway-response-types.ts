// The closed list of AWS gateway response types with their default status codes and default
// template, shared by the control plane (GatewayResponse CRUD) and the data plane (the renderer).
// Reference §1.4; AWS developer guide "Gateway response types for API Gateway".

/**
 * Every gateway response type, in the order GetGatewayResponses lists them.
 * AWS: the order is the one LocalStack's AWS-validated snapshots record (UNCONFIRMED beyond that;
 * test: gateway-responses.test.ts "lists all 21 types").
 */
export const GATEWAY_RESPONSE_TYPES = [
  'REQUEST_TOO_LARGE',
  'RESOURCE_NOT_FOUND',
  'AUTHORIZER_CONFIGURATION_ERROR',
  'MISSING_AUTHENTICATION_TOKEN',
  'BAD_REQUEST_BODY',
  'INVALID_SIGNATURE',
  'INVALID_API_KEY',
  'BAD_REQUEST_PARAMETERS',
  'AUTHORIZER_FAILURE',
  'UNAUTHORIZED',
  'INTEGRATION_TIMEOUT',
  'ACCESS_DENIED',
  'DEFAULT_4XX',
  'DEFAULT_5XX',
  'WAF_FILTERED',
  'QUOTA_EXCEEDED',
  'THROTTLED',
  'API_CONFIGURATION_ERROR',
  'UNSUPPORTED_MEDIA_TYPE',
  'INTEGRATION_FAILURE',
  'EXPIRED_TOKEN',
] as const;

export type GatewayResponseType = (typeof GATEWAY_RESPONSE_TYPES)[number];

/**
 * Default status of each type. DEFAULT_4XX/DEFAULT_5XX have no status of their own on the wire
 * (an error of that family keeps its own status); 400/500 are what the renderer uses when an error
 * of those types carries none.
 */
export const GATEWAY_RESPONSE_STATUS: Record<GatewayResponseType, number> = {
  ACCESS_DENIED: 403,
  API_CONFIGURATION_ERROR: 500,
  AUTHORIZER_CONFIGURATION_ERROR: 500,
  AUTHORIZER_FAILURE: 500,
  BAD_REQUEST_PARAMETERS: 400,
  BAD_REQUEST_BODY: 400,
  DEFAULT_4XX: 400,
  DEFAULT_5XX: 500,
  EXPIRED_TOKEN: 403,
  INTEGRATION_FAILURE: 504,
  INTEGRATION_TIMEOUT: 504,
  INVALID_API_KEY: 403,
  INVALID_SIGNATURE: 403,
  MISSING_AUTHENTICATION_TOKEN: 403,
  QUOTA_EXCEEDED: 429,
  REQUEST_TOO_LARGE: 413,
  RESOURCE_NOT_FOUND: 404,
  THROTTLED: 429,
  UNAUTHORIZED: 401,
  UNSUPPORTED_MEDIA_TYPE: 415,
  WAF_FILTERED: 403,
};

/** The template every un-customised gateway response uses (reference §1.3). */
export const DEFAULT_GATEWAY_RESPONSE_TEMPLATE = '{"message":$context.error.messageString}';

const TYPES: ReadonlySet<string> = new Set(GATEWAY_RESPONSE_TYPES);

export function isGatewayResponseType(value: string): value is GatewayResponseType {
  return TYPES.has(value);
}

/** The DEFAULT_4XX/DEFAULT_5XX type a type inherits from; `undefined` for the two defaults themselves. */
export function parentGatewayResponseType(type: GatewayResponseType): 'DEFAULT_4XX' | 'DEFAULT_5XX' | undefined {
  if (type === 'DEFAULT_4XX' || type === 'DEFAULT_5XX') return undefined;
  return GATEWAY_RESPONSE_STATUS[type] >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
}
