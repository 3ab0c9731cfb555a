// A separate token issuer for e2e tests: its own jose RS256 keys, serving its JWKS at
// `{issuer}/.well-known/jwks.json` on a loopback port (Cognito's layout, issuer `{origin}/{poolId}`),
// and signing tokens in the test process — what a real Cognito pool looks like to Portico.

import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

export interface JwksServer {
  /** `http://127.0.0.1:{port}/{poolId}` */
  issuer: string;
  /** JWKS requests served so far. */
  readonly jwksRequests: number;
  /** A token signed with the served key: Cognito's ID-token claims (iss, exp from `nowMs`) merged with `claims`. */
  sign(claims: JWTPayload, nowMs: number, expiresIn?: number): Promise<string>;
  /** The same claims signed by a key the JWKS does not hold (same `kid`). */
  signWithForeignKey(claims: JWTPayload, nowMs: number): Promise<string>;
  close(): Promise<void>;
}

interface KeyPair {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function newKey(kid: string): Promise<KeyPair> {
  const pair = await generateKeyPair('RS256', { extractable: true });
  return { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

export async function startJwksServer(userPoolId = 'us-east-1_RemotePool1'): Promise<JwksServer> {
  const kid = randomUUID();
  const served = await newKey(kid);
  const foreign = await newKey(kid);
  let jwksRequests = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === `/${userPoolId}/.well-known/jwks.json`) {
      jwksRequests++;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ keys: [served.publicJwk] }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${userPoolId}`;
  const signWith = (key: KeyPair, claims: JWTPayload, nowMs: number, expiresIn = 3600): Promise<string> => {
    const now = Math.floor(nowMs / 1000);
    const payload = { sub: randomUUID(), iss: issuer, aud: 'remoteclient', token_use: 'id', auth_time: now, iat: now, exp: now + expiresIn, ...claims };
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid }).sign(key.privateKey);
  };
  return {
    issuer,
    get jwksRequests() {
      return jwksRequests;
    },
    sign: (claims, nowMs, expiresIn) => signWith(served, claims, nowMs, expiresIn),
    signWithForeignKey: (claims, nowMs) => signWith(foreign, claims, nowMs),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
