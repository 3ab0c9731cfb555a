// The control-plane error catalogue: every management failure is a ManagementError carrying AWS's
// error type, HTTP status and exact message; one renderer turns it into `{"message": ...}` plus
// `x-amzn-ErrorType`. Reference §8.2.

export type ManagementErrorType =
  | 'BadRequestException'
  | 'ConflictException'
  | 'NotFoundException'
  | 'UnauthorizedException'
  | 'LimitExceededException'
  | 'TooManyRequestsException'
  | 'ServiceUnavailableException'
  | 'ValidationException'
  | 'SerializationException'
  | 'MissingAuthenticationTokenException'
  | 'IncompleteSignatureException'
  | 'UnknownOperationException'
  // Lambda (2015-03-31)
  | 'ResourceNotFoundException'
  | 'ResourceConflictException'
  | 'InvalidParameterValueException'
  | 'InvalidRequestContentException'
  | 'PreconditionFailedException'
  | 'InvalidRuntimeException'
  | 'ServiceException';

const STATUS: Record<ManagementErrorType, number> = {
  BadRequestException: 400,
  ConflictException: 409,
  NotFoundException: 404,
  UnauthorizedException: 401,
  LimitExceededException: 429,
  TooManyRequestsException: 429,
  ServiceUnavailableException: 503,
  ValidationException: 400,
  SerializationException: 400,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 400,
  UnknownOperationException: 404,
  ResourceNotFoundException: 404,
  ResourceConflictException: 409,
  InvalidParameterValueException: 400,
  InvalidRequestContentException: 400,
  PreconditionFailedException: 412,
  InvalidRuntimeException: 502,
  ServiceException: 500,
};

export class ManagementError extends Error {
  readonly status: number;
  /**
   * @param fields members Lambda's error bodies carry before `message`, e.g. `{"Type":"User"}`
   *   or `{"Reason": ...}` (`{"Type":"User","message":"..."}`).
   */
  constructor(
    readonly type: ManagementErrorType,
    message: string,
    readonly fields?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'ManagementError';
    this.status = STATUS[type];
  }
}

export const badRequest = (message: string): ManagementError => new ManagementError('BadRequestException', message);
export const notFound = (message: string): ManagementError => new ManagementError('NotFoundException', message);
export const conflict = (message: string): ManagementError => new ManagementError('ConflictException', message);
