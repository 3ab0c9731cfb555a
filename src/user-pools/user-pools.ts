// The user pools Portico knows, created at start-up from the store: per pool id either the local
// issuer (an RS256 key pair created on first need and persisted, issuer `{Portico's URL}/{poolId}`,
// like Cognito's `https://cognito-idp.{region}.amazonaws.com/{poolId}`) or a mapped real issuer
// whose JWKS is fetched and cached. AWS developer guide "Verifying a JSON web token" (Cognito).

import { randomBytes } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import type { Store } from '../store/store.js';
import { collections } from '../store/collections.js';
import type { RemoteIssuer, UserPoolRecord, UserPoolSigningKey } from './user-pool-record.js';

/** A remote JWKS fetch gives up after this (HTTP API JWT authorizers' documented 1500 ms). */
const JWKS_TIMEOUT_MS = 1500;
/** A remote JWKS is refetched after this, or sooner for an unknown `kid` (at most every 30 s). */
const JWKS_MAX_AGE_MS = 10 * 60_000;
const JWKS_COOLDOWN_MS = 30_000;

/** What GET /_portico/user-pools/{id} answers. */
export interface UserPoolDescription {
  userPoolId: string;
  issuer: string;
  jwksUri: string;
  /** Whether Portico signs this pool's tokens (false once mapped to a real issuer). */
  local: boolean;
}

export class UserPools {
  private readonly records = new Map<string, UserPoolRecord>();
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  private readonly signingKeys = new Map<string, Promise<{ key: UserPoolSigningKey; privateKey: CryptoKey }>>();
  private readonly listeners: Array<() => void> = [];
  private origin = 'http://127.0.0.1';

  private constructor(private readonly store: Store) {}

  /** Start-up: every stored pool. */
  static async load(store: Store): Promise<UserPools> {
    const pools = new UserPools(store);
    for (const { value } of await store.listAll(collections.userPool)) pools.records.set(value.userPoolId, value);
    return pools;
  }

  /** Called once the listener is up: local issuers are `{url}/{poolId}`. */
  listeningAt(url: string): void {
    this.origin = url;
  }

  /** Runs `listener` whenever a pool's issuer changes (the verifier drops its cache). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  issuerOf(userPoolId: string): string {
    return this.records.get(userPoolId)?.remote?.issuer ?? `${this.origin}/${userPoolId}`;
  }

  describe(userPoolId: string): UserPoolDescription {
    const remote = this.records.get(userPoolId)?.remote;
    if (remote !== undefined) return { userPoolId, issuer: remote.issuer, jwksUri: remote.jwksUri, local: false };
    const issuer = this.issuerOf(userPoolId);
    return { userPoolId, issuer, jwksUri: `${issuer}/.well-known/jwks.json`, local: true };
  }

  /** The keys that verify the pool's tokens; `undefined` for a local pool that never had a key (no token can be valid). */
  keySetOf(userPoolId: string): JWTVerifyGetKey | undefined {
    const cached = this.keySets.get(userPoolId);
    if (cached !== undefined) return cached;
    const record = this.records.get(userPoolId);
    let keySet: JWTVerifyGetKey | undefined;
    if (record?.remote !== undefined) {
      keySet = createRemoteJWKSet(new URL(record.remote.jwksUri), { timeoutDuration: JWKS_TIMEOUT_MS, cacheMaxAge: JWKS_MAX_AGE_MS, cooldownDuration: JWKS_COOLDOWN_MS });
    } else if (record?.signingKey !== undefined) {
      keySet = createLocalJWKSet({ keys: [record.signingKey.publicJwk] });
    }
    if (keySet !== undefined) this.keySets.set(userPoolId, keySet);
    return keySet;
  }

  /** The local issuer's public keys (the JWKS document), creating the key pair on first need. */
  async publicKeysOf(userPoolId: string): Promise<UserPoolSigningKey['publicJwk'][]> {
    return [(await this.signingKeyOf(userPoolId)).key.publicJwk];
  }

  /** The local issuer's signing key, created and persisted on first need (once, even when asked concurrently). */
  signingKeyOf(userPoolId: string): Promise<{ key: UserPoolSigningKey; privateKey: CryptoKey }> {
    let pending = this.signingKeys.get(userPoolId);
    if (pending === undefined) {
      pending = this.loadOrCreateKey(userPoolId);
      this.signingKeys.set(userPoolId, pending);
      pending.catch(() => this.signingKeys.delete(userPoolId));
    }
    return pending;
  }

  private async loadOrCreateKey(userPoolId: string): Promise<{ key: UserPoolSigningKey; privateKey: CryptoKey }> {
    let key = this.records.get(userPoolId)?.signingKey;
    if (key === undefined) {
      const pair = await generateKeyPair('RS256', { extractable: true });
      // Cognito's kids are base64 text; any unique string serves.
      const kid = randomBytes(32).toString('base64');
      key = { kid, privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: 'RS256' }, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
      const record: UserPoolRecord = { ...this.records.get(userPoolId), userPoolId, signingKey: key };
      await this.save(record);
    }
    const privateKey = await importJWK(key.privateJwk, 'RS256');
    if (privateKey instanceof Uint8Array) throw new Error('an RS256 JWK imported as raw bytes');
    return { key, privateKey };
  }

  /** PUT /_portico/user-pools/{id}: the pool's tokens now come from `remote`. */
  async mapIssuer(userPoolId: string, remote: RemoteIssuer): Promise<void> {
    await this.save({ ...this.records.get(userPoolId), userPoolId, remote });
  }

  /** DELETE /_portico/user-pools/{id}: back to the local issuer (its key, if any, is kept). */
  async unmapIssuer(userPoolId: string): Promise<void> {
    const { remote: _dropped, ...rest } = this.records.get(userPoolId) ?? { userPoolId };
    await this.save(rest);
  }

  private async save(record: UserPoolRecord): Promise<void> {
    await this.store.transaction((tx) => tx.put(collections.userPool, { region: '', parent: '', id: record.userPoolId }, record));
    this.records.set(record.userPoolId, record);
    this.keySets.delete(record.userPoolId);
    for (const listener of this.listeners) listener();
  }
}
