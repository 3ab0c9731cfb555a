// Start-up: the data plane's UserPoolTokenVerifier over Portico's user pools — RS256 signature
// against the key set of the pool named by `iss`, `exp`/`nbf` at the injected clock — with a bounded
// cache of verified tokens (each until its `exp`), so a repeated token costs no crypto (hot path).
// AWS developer guide "Verifying a JSON web token" (Amazon Cognito).

import { decodeJwt, errors, jwtVerify } from 'jose';
import type { UserPoolTokenVerifier, UserPoolVerification, VerifiedUserPoolToken } from '../data-plane/authorizers/user-pool-verifier.js';
import type { Clock } from '../shared/clock.js';
import { renderRestClaims } from './render-claims.js';
import type { UserPools } from './user-pools.js';

/** Verified tokens kept at most (the oldest goes first). */
const DEFAULT_CACHE_SIZE = 10_000;

/** jose failures that mean "this token is not valid" (anything else: the keys could not be had). */
const INVALID_TOKEN_CODES: ReadonlySet<string> = new Set([
  'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
  'ERR_JWS_INVALID',
  'ERR_JWT_INVALID',
  'ERR_JWT_EXPIRED',
  'ERR_JWT_CLAIM_VALIDATION_FAILED',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JOSE_NOT_SUPPORTED',
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
]);

/**
 * The cache is keyed by the token's last characters (its signature's tail): hashing a whole
 * ~1 KB token on every request costs several µs, comparing it with the cached one a few ns.
 */
const KEY_LENGTH = 32;
const keyOf = (token: string): string => token.slice(-KEY_LENGTH);

interface CachedToken {
  readonly token: string;
  readonly result: VerifiedUserPoolToken;
  /** `exp` in ms. */
  readonly expiresAt: number;
}

export interface UserPoolVerifier extends UserPoolTokenVerifier {
  /** Verified tokens currently cached (tests). */
  readonly cachedTokens: number;
}

export function createUserPoolVerifier(pools: UserPools, clock: Clock, cacheSize = DEFAULT_CACHE_SIZE): UserPoolVerifier {
  const cache = new Map<string, CachedToken>();
  pools.onChange(() => cache.clear());

  const reject = (reason: string, unavailable = false): UserPoolVerification => ({ valid: false, unavailable, reason });

  async function verifyFully(token: string, userPoolIds: readonly string[]): Promise<UserPoolVerification> {
    let issuer: unknown;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      return reject('the token is not a JWT');
    }
    const userPoolId = userPoolIds.find((id) => pools.issuerOf(id) === issuer);
    if (userPoolId === undefined) return reject(`the issuer ${String(issuer)} is none of the authorizer's user pools`);
    const keys = pools.keySetOf(userPoolId);
    if (keys === undefined) return reject(`user pool ${userPoolId} has never issued a token`);
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: ['RS256'],
        issuer: pools.issuerOf(userPoolId),
        requiredClaims: ['exp'],
        currentDate: new Date(clock.now()),
      });
      const result: VerifiedUserPoolToken = { valid: true, userPoolId, payload: Object.freeze({ ...payload }), claims: Object.freeze(renderRestClaims(payload)) };
      remember(token, result, payload.exp! * 1000);
      return result;
    } catch (error) {
      if (error instanceof errors.JOSEError && INVALID_TOKEN_CODES.has(error.code)) return reject(error.message);
      return reject(`the keys of user pool ${userPoolId} are unavailable: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  }

  function remember(token: string, result: VerifiedUserPoolToken, expiresAt: number): void {
    if (cache.size >= cacheSize && !cache.has(keyOf(token))) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    cache.set(keyOf(token), { token, result, expiresAt });
  }

  return {
    get cachedTokens() {
      return cache.size;
    },
    // hot path: a cached token answers synchronously.
    verify(token, userPoolIds) {
      const key = keyOf(token);
      const cached = cache.get(key);
      if (cached !== undefined && cached.token === token) {
        if (clock.now() < cached.expiresAt) {
          if (userPoolIds.includes(cached.result.userPoolId)) return cached.result;
        } else {
          cache.delete(key);
        }
      }
      return verifyFully(token, userPoolIds);
    },
  };
}
