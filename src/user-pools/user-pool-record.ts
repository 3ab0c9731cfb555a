// What Portico stores per Cognito user pool id: the RS256 key pair of its local issuer (created on
// first need, kept so tokens survive restarts) and, when the user mapped the pool to a real issuer,
// that issuer's URL and JWKS location. Store collection `userPool` (region '', parent '', id = pool id).

import type { JWK } from 'jose';

/** Cognito's UserPoolId pattern: `{region}_{id}`, e.g. `us-east-1_AbC123xyz`. */
export const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

export interface UserPoolSigningKey {
  kid: string;
  /** The private key as a JWK (never served). */
  privateJwk: JWK;
  /** The public key as served in the JWKS (`kid`, `alg`, `use` included). */
  publicJwk: JWK;
}

/** A pool mapped to an issuer Portico does not run (PUT /_portico/user-pools/{id}). */
export interface RemoteIssuer {
  issuer: string;
  jwksUri: string;
}

export interface UserPoolRecord {
  userPoolId: string;
  signingKey?: UserPoolSigningKey;
  remote?: RemoteIssuer;
}
