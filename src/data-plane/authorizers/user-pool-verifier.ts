// The contract between the authorize stage and whatever verifies Cognito user pool tokens (the
// composition root wires src/user-pools/ in): the data plane asks "did one of these pools sign this
// token?" and gets the claims back, without knowing keys, issuers or JWKS. Reference §5.2; AWS
// developer guide "Control access to REST APIs using Amazon Cognito user pools as an authorizer".

/** A token one of the asked pools signed, still valid now. */
export interface VerifiedUserPoolToken {
  readonly valid: true;
  /** The pool whose issuer (`iss`) and key verified the token. */
  readonly userPoolId: string;
  /** The token's claims as they are in the JWT (what the scope, `token_use` and `aud` checks read). */
  readonly payload: Readonly<Record<string, unknown>>;
  /** The same claims as API Gateway's REST authorizer hands them on: every value a string. */
  readonly claims: Readonly<Record<string, string>>;
}

/** `unavailable`: the pool's keys could not be fetched (a configuration problem, not the caller's). */
export interface RejectedUserPoolToken {
  readonly valid: false;
  readonly unavailable: boolean;
  /** Why, for the log. */
  readonly reason: string;
}

export type UserPoolVerification = VerifiedUserPoolToken | RejectedUserPoolToken;

/**
 * Verifies a user pool token. Contract: the signature (RS256 only) against the key set of the pool
 * whose issuer is the token's `iss`, which must be one of `userPoolIds`; `exp` (required) and `nbf`
 * at the verifier's clock. It never checks `token_use`, scopes or `aud`: the caller does. A verified
 * token is cached until its `exp`, so a repeated token answers synchronously (hot path); it never
 * throws — failures are a RejectedUserPoolToken.
 */
export interface UserPoolTokenVerifier {
  verify(token: string, userPoolIds: readonly string[]): UserPoolVerification | Promise<UserPoolVerification>;
}

/** When no verifier is wired (unit harnesses): every pool's keys are unavailable. */
export const noUserPools: UserPoolTokenVerifier = {
  verify: () => ({ valid: false, unavailable: true, reason: 'no user pool verifier is configured' }),
};
