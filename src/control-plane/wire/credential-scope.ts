// SigV4 on the management API: any credentials are accepted (Portico is local), but a request must
// be signed; the region comes from the credential scope `AKID/date/region/service/aws4_request`.
// AWS: an unsigned call is 403 MissingAuthenticationTokenException (test: management-auth.test.ts).

import type { IncomingHttpHeaders } from 'node:http';
import { ManagementError } from '../management-error.js';

const SCOPE_IN_HEADER = /Credential=([^,\s]+)/;

/** Returns the region named by the request's SigV4 credential scope, or throws AWS's error. */
export function parseCredentialRegion(headers: IncomingHttpHeaders, query: URLSearchParams): string {
  const authorization = headers.authorization;
  let credential: string | undefined;
  if (authorization !== undefined) {
    if (!authorization.startsWith('AWS4-HMAC-SHA256 ')) {
      throw new ManagementError('IncompleteSignatureException', `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${authorization}`);
    }
    credential = SCOPE_IN_HEADER.exec(authorization)?.[1];
    if (credential === undefined) {
      throw new ManagementError('IncompleteSignatureException', `Authorization header requires 'Credential' parameter. Authorization=${authorization}`);
    }
  } else {
    credential = query.get('X-Amz-Credential') ?? undefined;
  }
  if (credential === undefined) {
    throw new ManagementError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const parts = credential.split('/');
  const region = parts[2];
  if (parts.length !== 5 || region === undefined || region === '') {
    throw new ManagementError('IncompleteSignatureException', `Credential should be scoped to a valid region. `);
  }
  return region;
}
