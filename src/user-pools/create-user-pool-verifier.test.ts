// Unit tests of the user pool verifier over a real (in-memory SQLite) store and the local issuer:
// a repeated token is answered from the cache synchronously, the cache is bounded and honours
// `exp`, and mapping a pool to another issuer drops what was cached.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createUserPoolVerifier } from './create-user-pool-verifier.js';
import { DEFAULT_CLIENT_ID, mintUserPoolToken, type MintRequest } from './mint-token.js';
import { UserPools } from './user-pools.js';

const POOL = 'eu-west-1_Unit1';
const request = (overrides: Partial<MintRequest> = {}): MintRequest => ({ tokenUse: 'id', claims: {}, clientId: DEFAULT_CLIENT_ID, scopes: [], expiresIn: 60, ...overrides });

let store: SqliteStore;
let pools: UserPools;
const clock = new ManualClock();

beforeEach(async () => {
  store = new SqliteStore(':memory:');
  pools = await UserPools.load(store);
  pools.listeningAt('http://127.0.0.1:4566');
});
afterEach(() => store.close());

describe('createUserPoolVerifier', () => {
  it('verifies once, then answers the same token synchronously from the cache until exp', async () => {
    const verifier = createUserPoolVerifier(pools, clock);
    const { token } = await mintUserPoolToken(pools, POOL, request({ claims: { sub: 'u' } }), clock.now());
    const first = await verifier.verify(token, [POOL]);
    expect(first).toMatchObject({ valid: true, userPoolId: POOL, payload: { sub: 'u', iss: `http://127.0.0.1:4566/${POOL}` }, claims: { sub: 'u' } });
    const second = verifier.verify(token, [POOL]);
    expect(second).toBe(first);
    // A pool the authorizer does not name is never answered from the cache.
    expect(await verifier.verify(token, ['eu-west-1_Other2'])).toMatchObject({ valid: false, unavailable: false });
    clock.advance(60_000);
    expect(await verifier.verify(token, [POOL])).toMatchObject({ valid: false, unavailable: false });
    expect(verifier.cachedTokens).toBe(0);
  });

  it('keeps at most cacheSize tokens, dropping the oldest', async () => {
    const verifier = createUserPoolVerifier(pools, clock, 2);
    const tokens = await Promise.all([1, 2, 3].map(async () => (await mintUserPoolToken(pools, POOL, request(), clock.now())).token));
    for (const token of tokens) await verifier.verify(token, [POOL]);
    expect(verifier.cachedTokens).toBe(2);
    expect(verifier.verify(tokens[0]!, [POOL])).toBeInstanceOf(Promise);
    expect(verifier.verify(tokens[2]!, [POOL])).not.toBeInstanceOf(Promise);
  });

  it('refuses tokens of a pool that never had a key, and forgets cached tokens when a pool is remapped', async () => {
    const verifier = createUserPoolVerifier(pools, clock);
    const { token } = await mintUserPoolToken(pools, POOL, request(), clock.now());
    await verifier.verify(token, [POOL]);
    await pools.mapIssuer(POOL, { issuer: 'https://issuer.example', jwksUri: 'https://issuer.example/.well-known/jwks.json' });
    expect(verifier.cachedTokens).toBe(0);
    expect(await verifier.verify(token, [POOL])).toMatchObject({ valid: false, unavailable: false });
    await pools.unmapIssuer(POOL);
    expect(await verifier.verify(token, [POOL])).toMatchObject({ valid: true });
    expect(await createUserPoolVerifier(pools, clock).verify(token, ['eu-west-1_Never3'])).toMatchObject({ valid: false });
  });

  it('creates one key per pool even when asked concurrently, and reloads it from the store', async () => {
    const keys = await Promise.all([pools.signingKeyOf(POOL), pools.signingKeyOf(POOL)]);
    expect(keys[0].key.kid).toBe(keys[1].key.kid);
    const reloaded = await UserPools.load(store);
    expect((await reloaded.publicKeysOf(POOL))[0]).toEqual(keys[0].key.publicJwk);
  });
});
