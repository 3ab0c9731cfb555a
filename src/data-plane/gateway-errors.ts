// The data-plane error catalogue (DESIGN §3): one GatewayError class per AWS gateway response type.
// Stages and integrations throw them; only render-gateway-response.ts turns one into a response.
// Reference §1.3, §1.4, §1.6. `x-amzn-ErrorType` values not observed on AWS are UNCONFIRMED.

import { GATEWAY_RESPONSE_STATUS, type GatewayResponseType } from '../snapshot/gateway-response-types.js';

export abstract class GatewayError extends Error {
  abstract readonly responseType: GatewayResponseType;
  /** The exact default body, used when the API has no customised template for this error. */
  readonly body: string;
  /** `$context.error.validationErrorString`: set by the request validation errors, else null. */
  validationErrorString: string | null = null;

  /**
   * @param errorType the `x-amzn-ErrorType` header value
   * @param spaced AWS writes some default bodies as `{"message": "..."}` (with a space) because they
   *   come from the integration layer, not from the gateway response template.
   */
  constructor(
    readonly statusCode: number,
    readonly errorType: string,
    message: string,
    spaced = false,
  ) {
    super(message);
    this.name = new.target.name;
    this.body = `{"message":${spaced ? ' ' : ''}${JSON.stringify(message)}}`;
  }
}

const status = (type: GatewayResponseType): number => GATEWAY_RESPONSE_STATUS[type];

/** A 4XX without a type of its own, e.g. the unknown-stage 403 `{"message":"Forbidden"}`. */
export class Default4xxError extends GatewayError {
  readonly responseType = 'DEFAULT_4XX';
}

/** A 5XX without a type of its own, e.g. an internal failure (500) or an unusable endpoint response (502). */
export class Default5xxError extends GatewayError {
  readonly responseType = 'DEFAULT_5XX';
}

/** AWS: unknown stage (or API) answers 403 `{"message":"Forbidden"}` (test: data-plane-errors.test.ts). */
export function forbidden(): Default4xxError {
  return new Default4xxError(403, 'ForbiddenException', 'Forbidden');
}

/** AWS: internal failures answer 500 `{"message": "Internal server error"}` (test: data-plane-errors.test.ts). */
export function internalServerError(): Default5xxError {
  return new Default5xxError(500, 'InternalServerErrorException', 'Internal server error', true);
}

export class AccessDeniedError extends GatewayError {
  readonly responseType = 'ACCESS_DENIED';
  constructor(message = 'Forbidden') {
    super(status('ACCESS_DENIED'), 'AccessDeniedException', message);
  }
}

export class ApiConfigurationError extends GatewayError {
  readonly responseType = 'API_CONFIGURATION_ERROR';
  constructor(message = 'Internal server error') {
    super(status('API_CONFIGURATION_ERROR'), 'InternalServerErrorException', message, true);
  }
}

export class AuthorizerConfigurationError extends GatewayError {
  readonly responseType = 'AUTHORIZER_CONFIGURATION_ERROR';
  constructor(message = 'Internal server error') {
    super(status('AUTHORIZER_CONFIGURATION_ERROR'), 'AuthorizerConfigurationException', message);
  }
}

export class AuthorizerFailureError extends GatewayError {
  readonly responseType = 'AUTHORIZER_FAILURE';
  constructor(message = 'Internal server error') {
    super(status('AUTHORIZER_FAILURE'), 'AuthorizerFailureException', message);
  }
}

/**
 * AWS: 400 `{"message": "Missing required request parameters: [a, b]"}`; the validation error
 * string repeats the message (UNCONFIRMED; test: method-request-validation.test.ts).
 */
export class BadRequestParametersError extends GatewayError {
  readonly responseType = 'BAD_REQUEST_PARAMETERS';
  constructor(message: string) {
    super(status('BAD_REQUEST_PARAMETERS'), 'BadRequestException', message, true);
    this.validationErrorString = message;
  }
}

/** AWS: 400 `{"message": "Invalid request body"}` (test: method-request-validation.test.ts). */
export class BadRequestBodyError extends GatewayError {
  readonly responseType = 'BAD_REQUEST_BODY';
  /** @param validationErrorString the model's report, e.g. `[object has missing required properties (["name"])]` */
  constructor(validationErrorString: string | null = null, message = 'Invalid request body') {
    super(status('BAD_REQUEST_BODY'), 'BadRequestException', message, true);
    this.validationErrorString = validationErrorString;
  }
}

export class ExpiredTokenError extends GatewayError {
  readonly responseType = 'EXPIRED_TOKEN';
  constructor(message: string) {
    super(status('EXPIRED_TOKEN'), 'ExpiredTokenException', message);
  }
}

export class IntegrationFailureError extends GatewayError {
  readonly responseType = 'INTEGRATION_FAILURE';
  constructor(message = 'Network error communicating with endpoint') {
    super(status('INTEGRATION_FAILURE'), 'InternalServerErrorException', message, true);
  }
}

/** AWS: 504 `{"message": "Endpoint request timed out"}` (test: data-plane-http-proxy.test.ts). */
export class IntegrationTimeoutError extends GatewayError {
  readonly responseType = 'INTEGRATION_TIMEOUT';
  constructor(message = 'Endpoint request timed out') {
    super(status('INTEGRATION_TIMEOUT'), 'InternalServerErrorException', message, true);
  }
}

export class InvalidApiKeyError extends GatewayError {
  readonly responseType = 'INVALID_API_KEY';
  constructor(message = 'Forbidden') {
    super(status('INVALID_API_KEY'), 'ForbiddenException', message);
  }
}

export class InvalidSignatureError extends GatewayError {
  readonly responseType = 'INVALID_SIGNATURE';
  constructor(message: string) {
    super(status('INVALID_SIGNATURE'), 'InvalidSignatureException', message);
  }
}

/** AWS: 403 `{"message":"Missing Authentication Token"}` for no route (test: data-plane-errors.test.ts). */
export class MissingAuthenticationTokenError extends GatewayError {
  readonly responseType = 'MISSING_AUTHENTICATION_TOKEN';
  constructor(message = 'Missing Authentication Token') {
    super(status('MISSING_AUTHENTICATION_TOKEN'), 'MissingAuthenticationTokenException', message);
  }
}

export class QuotaExceededError extends GatewayError {
  readonly responseType = 'QUOTA_EXCEEDED';
  constructor(message = 'Limit Exceeded') {
    super(status('QUOTA_EXCEEDED'), 'LimitExceededException', message);
  }
}

/** Body and error type UNCONFIRMED (reference §1.3); pinned by data-plane-errors.test.ts. */
export class RequestTooLargeError extends GatewayError {
  readonly responseType = 'REQUEST_TOO_LARGE';
  constructor(message = 'Request Too Large') {
    super(status('REQUEST_TOO_LARGE'), 'RequestTooLargeException', message);
  }
}

export class ResourceNotFoundError extends GatewayError {
  readonly responseType = 'RESOURCE_NOT_FOUND';
  constructor(message = 'Not Found') {
    super(status('RESOURCE_NOT_FOUND'), 'ResourceNotFoundException', message);
  }
}

export class ThrottledError extends GatewayError {
  readonly responseType = 'THROTTLED';
  constructor(message = 'Too Many Requests') {
    super(status('THROTTLED'), 'TooManyRequestsException', message);
  }
}

export class UnauthorizedError extends GatewayError {
  readonly responseType = 'UNAUTHORIZED';
  constructor(message = 'Unauthorized') {
    super(status('UNAUTHORIZED'), 'UnauthorizedException', message);
  }
}

export class UnsupportedMediaTypeError extends GatewayError {
  readonly responseType = 'UNSUPPORTED_MEDIA_TYPE';
  constructor(message = 'Unsupported Media Type') {
    super(status('UNSUPPORTED_MEDIA_TYPE'), 'UnsupportedMediaTypeException', message);
  }
}

export class WafFilteredError extends GatewayError {
  readonly responseType = 'WAF_FILTERED';
  constructor(message = 'Forbidden') {
    super(status('WAF_FILTERED'), 'WAFFilteredException', message);
  }
}

/**
 * AWS: a Lambda authorizer's policy denies the method ARN: 403 with a capital-M body,
 * `{"Message":"User is not authorized to access this resource with an explicit deny"}` for an
 * explicit Deny, without `with an explicit deny` when no statement allows (reference §5.1; test:
 * lambda-authorizers.test.ts "denies").
 */
export class AuthorizerDeniedError extends AccessDeniedError {
  override readonly body: string;
  constructor(explicit: boolean) {
    super(explicit ? 'User is not authorized to access this resource with an explicit deny' : 'User is not authorized to access this resource');
    this.body = `{"Message":${JSON.stringify(this.message)}}`;
  }
}

/**
 * AWS: a Lambda authorizer that fails, times out or returns a malformed result answers 500
 * `{"message": null}` with `AuthorizerConfigurationException` (reference §5.1; test:
 * lambda-authorizers.test.ts "misconfigured").
 */
export class AuthorizerResultError extends AuthorizerConfigurationError {
  override readonly body = '{"message": null}';
}

/**
 * AWS: a resource or IAM policy denies the caller: 403 with a capital-M body naming the caller and
 * the method ARN, e.g. `{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke
 * on resource: arn:aws:execute-api:us-east-1:********0000:abc/prod/GET/ with an explicit deny"}`
 * (test: resource-policies.test.ts, iam-authorization.test.ts).
 */
export class PolicyDeniedError extends AccessDeniedError {
  override readonly body: string;
  constructor(message: string) {
    super(message);
    this.body = `{"Message":${JSON.stringify(message)}}`;
  }
}

/** A SigV4 Authorization header or presigned query missing a part, or a wrong credential scope (AWS_IAM; error type UNCONFIRMED). */
export class IncompleteSignatureError extends GatewayError {
  readonly responseType = 'INVALID_SIGNATURE';
  constructor(message: string) {
    super(status('INVALID_SIGNATURE'), 'IncompleteSignatureException', message);
  }
}

/** AWS: an unknown access key: 403 `The security token included in the request is invalid.` (response and error type UNCONFIRMED). */
export class UnrecognizedClientError extends GatewayError {
  readonly responseType = 'INVALID_SIGNATURE';
  constructor(message: string) {
    super(status('INVALID_SIGNATURE'), 'UnrecognizedClientException', message);
  }
}

/**
 * Not a gateway response: the client went away. The runner stops without answering. It is the
 * invocation signal's abort reason, so integrations rethrow it unchanged.
 */
export class ClientGoneError extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'ClientGoneError';
  }
}
