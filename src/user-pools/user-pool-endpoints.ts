// Portico's own (non-AWS) user pool endpoints on its port, ahead of the management API: the local
// issuer's `/{poolId}/.well-known/jwks.json` and `openid-configuration` (where Cognito serves them
// under its issuer URL), and `/_portico/user-pools/{poolId}` (GET, PUT `{"issuer"}` to map the pool
// to a real issuer, `{}` or DELETE to keep it local) plus `POST .../tokens` to mint a signed token.
// Unsigned; errors are `{"message"}` with `x-amzn-ErrorType: BadRequestException` (or NotFound...).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ManagementRequestHandler } from '../control-plane/wire/handle-management-request.js';
import type { Clock } from '../shared/clock.js';
import { DEFAULT_CLIENT_ID, DEFAULT_EXPIRES_IN, mintUserPoolToken, type MintRequest } from './mint-token.js';
import { USER_POOL_ID } from './user-pool-record.js';
import type { UserPools } from './user-pools.js';

type Route = { kind: 'jwks' | 'openid' | 'pool' | 'tokens'; userPoolId: string };

const PORTICO_PREFIX = '/_portico/user-pools/';
const ERROR_TYPES: Readonly<Record<number, string>> = { 404: 'NotFoundException', 405: 'MethodNotAllowedException' };
const WELL_KNOWN = '/.well-known/';

/** A mistake in the caller's request: 400 (or `status`) with `{"message"}`. */
class EndpointError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Wraps the management handler: user pool endpoints are answered here, everything else passes on. */
export function withUserPoolEndpoints(pools: UserPools, clock: Clock, management: ManagementRequestHandler): ManagementRequestHandler {
  return (req, res, body) => {
    const route = routeOf(req.url ?? '/');
    if (route === undefined) return management(req, res, body);
    return answer(res, () => runRoute(pools, clock, route, req, body));
  };
}

function routeOf(url: string): Route | undefined {
  const path = url.split('?', 1)[0]!;
  if (path.startsWith(PORTICO_PREFIX)) {
    const [userPoolId, tail, extra] = path.slice(PORTICO_PREFIX.length).split('/');
    if (userPoolId === undefined || !USER_POOL_ID.test(userPoolId) || extra !== undefined) return undefined;
    if (tail === undefined) return { kind: 'pool', userPoolId };
    return tail === 'tokens' ? { kind: 'tokens', userPoolId } : undefined;
  }
  const wellKnown = path.indexOf(WELL_KNOWN);
  if (wellKnown <= 1 || path.indexOf('/', 1) !== wellKnown) return undefined;
  const userPoolId = path.slice(1, wellKnown);
  if (!USER_POOL_ID.test(userPoolId)) return undefined;
  const document = path.slice(wellKnown + WELL_KNOWN.length);
  if (document === 'jwks.json') return { kind: 'jwks', userPoolId };
  return document === 'openid-configuration' ? { kind: 'openid', userPoolId } : undefined;
}

async function runRoute(pools: UserPools, clock: Clock, route: Route, req: IncomingMessage, body: Buffer): Promise<{ status: number; body: unknown }> {
  const { userPoolId } = route;
  const method = req.method ?? 'GET';
  const description = pools.describe(userPoolId);
  const allow = (...methods: string[]): void => {
    if (!methods.includes(method)) throw new EndpointError(405, `${method} is not supported here`);
  };
  const requireLocal = (): void => {
    if (!description.local) throw new EndpointError(404, `user pool ${userPoolId} is mapped to ${description.issuer}; Portico does not issue its tokens`);
  };
  switch (route.kind) {
    case 'jwks':
      allow('GET');
      requireLocal();
      return { status: 200, body: { keys: await pools.publicKeysOf(userPoolId) } };
    case 'openid':
      allow('GET');
      requireLocal();
      return { status: 200, body: openIdConfiguration(description.issuer, description.jwksUri) };
    case 'tokens': {
      allow('POST');
      requireLocal();
      const minted = await mintUserPoolToken(pools, userPoolId, parseMintRequest(parseJson(body)), clock.now());
      return { status: 200, body: minted };
    }
    case 'pool':
      allow('GET', 'PUT', 'DELETE');
      if (method === 'PUT') {
        const remote = parseRemoteIssuer(parseJson(body));
        await (remote === undefined ? pools.unmapIssuer(userPoolId) : pools.mapIssuer(userPoolId, remote));
      }
      if (method === 'DELETE') await pools.unmapIssuer(userPoolId);
      return { status: 200, body: pools.describe(userPoolId) };
  }
}

/** The discovery document Cognito serves, reduced to what a verifier reads. */
function openIdConfiguration(issuer: string, jwksUri: string): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: jwksUri,
    response_types_supported: ['code', 'token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new EndpointError(400, 'the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EndpointError(400, 'the body is not a JSON object');
  return value as Record<string, unknown>;
}

export function parseMintRequest(body: Record<string, unknown>): MintRequest {
  const { claims = {}, tokenUse = 'id', clientId = DEFAULT_CLIENT_ID, scopes = [], expiresIn = DEFAULT_EXPIRES_IN } = body;
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw new EndpointError(400, 'claims must be a JSON object');
  if (tokenUse !== 'id' && tokenUse !== 'access') throw new EndpointError(400, 'tokenUse must be "id" or "access"');
  if (typeof clientId !== 'string' || clientId === '') throw new EndpointError(400, 'clientId must be a non-empty string');
  if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === 'string' && scope !== '' && !scope.includes(' '))) {
    throw new EndpointError(400, 'scopes must be a list of scope names without spaces');
  }
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn)) throw new EndpointError(400, 'expiresIn must be a whole number of seconds');
  return { claims: claims as Record<string, unknown>, tokenUse, clientId, scopes: scopes as string[], expiresIn };
}

/** `{}` (no issuer) keeps the pool local, as `portico serve DIR` registers pools without one. */
function parseRemoteIssuer(body: Record<string, unknown>): { issuer: string; jwksUri: string } | undefined {
  const { issuer, jwksUri } = body;
  if (issuer === undefined && jwksUri === undefined) return undefined;
  if (typeof issuer !== 'string' || !isHttpUrl(issuer)) throw new EndpointError(400, 'issuer must be an http(s) URL');
  if (jwksUri !== undefined && (typeof jwksUri !== 'string' || !isHttpUrl(jwksUri))) throw new EndpointError(400, 'jwksUri must be an http(s) URL');
  // `iss` must equal the issuer exactly; by default the JWKS sits under it, as Cognito lays it out.
  return { issuer, jwksUri: typeof jwksUri === 'string' ? jwksUri : `${issuer.replace(/\/+$/, '')}/.well-known/jwks.json` };
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

async function answer(res: ServerResponse, run: () => Promise<{ status: number; body: unknown }>): Promise<void> {
  let status: number;
  let payload: unknown;
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json' };
  try {
    ({ status, body: payload } = await run());
  } catch (error) {
    if (!(error instanceof EndpointError)) throw error;
    status = error.status;
    payload = { message: error.message };
    headers['x-amzn-ErrorType'] = ERROR_TYPES[status] ?? 'BadRequestException';
  }
  const text = JSON.stringify(payload);
  res.writeHead(status, { ...headers, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
