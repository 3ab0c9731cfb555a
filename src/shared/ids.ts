// Identifier generation in AWS's formats (reference §8.3): lower-case alphanumerics,
// 10 characters for APIs and root resources, 6 for most children. Also request ids.
import { randomBytes, randomUUID } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A random `[a-z0-9]{length}` id, as API Gateway issues for APIs, resources, deployments... */
export function generateId(length: number): string {
  const bytes = randomBytes(length);
  let id = '';
  for (let i = 0; i < length; i++) id += ALPHABET[bytes[i]! % ALPHABET.length];
  return id;
}

/** `x-amzn-RequestId` / `$context.requestId`: a UUID. */
export function generateRequestId(): string {
  return randomUUID();
}

/** `x-amz-apigw-id` / `$context.extendedRequestId`: 16 base64-like characters ending in `=`. */
export function generateExtendedRequestId(): string {
  return randomBytes(11).toString('base64').slice(0, 15) + '=';
}
