// Request time (POST /_portico/user-pools/{id}/tokens, `portico token`): a token signed by a local
// user pool, shaped like Cognito's — header `kid` + RS256; `sub`, `iss`, `token_use`, `auth_time`,
// `iat`, `exp`, `event_id`, `jti`, `origin_jti`, and `aud` + `cognito:username` (ID token) or
// `client_id` + `scope` + `username` (access token) — with the caller's claims merged over them.
// AWS developer guide (Cognito) "Understanding the identity token" / "the access token".

import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { UserPools } from './user-pools.js';

export type TokenUse = 'id' | 'access';

export interface MintRequest {
  tokenUse: TokenUse;
  /** Claims merged last: they win over the defaults (so a test can shape any token). */
  claims: Record<string, unknown>;
  /** `aud` (ID) or `client_id` (access). */
  clientId: string;
  /** The access token's `scope` (space-separated in the token). */
  scopes: readonly string[];
  /** Seconds from now to `exp`; zero or negative mints an expired token. */
  expiresIn: number;
}

export interface MintedToken {
  token: string;
  tokenUse: TokenUse;
  /** `exp`, seconds since the epoch. */
  expiresAt: number;
  claims: Record<string, unknown>;
}

/** An app client id shaped like Cognito's (26 lower-case alphanumerics). */
export const DEFAULT_CLIENT_ID = 'porticolocalclient00000000';
/** Cognito's default access token scope. */
export const DEFAULT_SCOPE = 'aws.cognito.signin.user.admin';
export const DEFAULT_EXPIRES_IN = 3600;

export async function mintUserPoolToken(pools: UserPools, userPoolId: string, request: MintRequest, nowMs: number): Promise<MintedToken> {
  const { key, privateKey } = await pools.signingKeyOf(userPoolId);
  const now = Math.floor(nowMs / 1000);
  const sub = typeof request.claims.sub === 'string' ? request.claims.sub : randomUUID();
  const username = typeof request.claims['cognito:username'] === 'string' ? request.claims['cognito:username'] : sub;
  const common = { sub, iss: pools.issuerOf(userPoolId), event_id: randomUUID(), token_use: request.tokenUse, auth_time: now, iat: now, exp: now + request.expiresIn, jti: randomUUID(), origin_jti: randomUUID() };
  const defaults: Record<string, unknown> =
    request.tokenUse === 'id'
      ? { ...common, aud: request.clientId, 'cognito:username': username }
      : { ...common, client_id: request.clientId, scope: (request.scopes.length > 0 ? request.scopes : [DEFAULT_SCOPE]).join(' '), username };
  const claims = { ...defaults, ...request.claims };
  const token = await new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(privateKey);
  return { token, tokenUse: request.tokenUse, expiresAt: typeof claims.exp === 'number' ? claims.exp : now + request.expiresIn, claims };
}
