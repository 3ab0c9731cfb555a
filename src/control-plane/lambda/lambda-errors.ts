// Lambda's management errors with AWS's exact messages. Lambda's bodies read
// `{"Type":"User","message":"..."}` (x-amzn-ErrorType names the exception); ValidationExceptions
// carry only `message`. AWS Lambda API reference "Errors" sections; tests: lambda-api.test.ts.

import { ManagementError } from '../management-error.js';
import { functionArn } from '../../functions/function-arn.js';

const USER = { Type: 'User' } as const;

/** AWS: `Function not found: arn:aws:lambda:{region}:{account}:function:{name}[:{qualifier}]`. */
export function functionNotFound(region: string, accountId: string, functionName: string, qualifier?: string): ManagementError {
  return new ManagementError('ResourceNotFoundException', `Function not found: ${functionArn(region, accountId, functionName, qualifier)}`, USER);
}

export function resourceNotFound(message: string): ManagementError {
  return new ManagementError('ResourceNotFoundException', message, USER);
}

export function resourceConflict(message: string): ManagementError {
  return new ManagementError('ResourceConflictException', message, USER);
}

export function invalidParameter(message: string): ManagementError {
  return new ManagementError('InvalidParameterValueException', message, USER);
}

/** `1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}`. */
export function validationError(value: string, member: string, constraint: string): ManagementError {
  return new ManagementError('ValidationException', `1 validation error detected: Value ${value} at '${member}' failed to satisfy constraint: ${constraint}`);
}

/** AWS: a RevisionId that is not the current one. */
export function revisionMismatch(): ManagementError {
  return new ManagementError(
    'PreconditionFailedException',
    'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
    USER,
  );
}

/** AWS: Invoke beyond the function's (or the account's) concurrency: 429 `Rate Exceeded.` */
export function throttled(reason: string): ManagementError {
  return new ManagementError('TooManyRequestsException', 'Rate Exceeded.', { Reason: reason, Type: 'User' });
}

/** AWS: InvalidRuntimeException (502) when the function's runtime cannot run. */
export function invalidRuntime(message: string): ManagementError {
  return new ManagementError('InvalidRuntimeException', message, USER);
}

/** `'value'` as Lambda's validation messages quote a present value; `null` for an absent one. */
export function quoted(value: string | number | undefined): string {
  return value === undefined ? 'null' : `'${value}'`;
}
