// Cognito user pool authorizers end to end (reference §5.2): authorizers and methods created with
// the real API Gateway SDK, real RS256 JWTs from Portico's local issuer (POST /_portico/user-pools/
// {id}/tokens, what `portico token` calls) and from a separate JWKS server with its own jose keys;
// tampered, expired (injected clock), wrong-audience, `alg: none` and HS256 tokens are refused.

import {
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  GetMethodCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  TestInvokeAuthorizerCommand,
  UpdateMethodCommand,
  type CreateAuthorizerCommandInput,
} from '@aws-sdk/client-api-gateway';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startBackend } from '../support/backend.js';
import { startJwksServer, type JwksServer } from '../support/jwks-server.js';
import { call, createFixtureFunction, functionUri, lambdaClient } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const POOL = 'us-east-1_LocalPool1';
const OTHER_POOL = 'us-east-1_OtherPool2';
const REMOTE_POOL = 'us-east-1_RemotePool1';
const arnOf = (poolId: string) => `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`;
const UNAUTHORIZED = '{"message":"Unauthorized"}';
const CLAIMS_TEMPLATE = `{"sub":"$context.authorizer.claims.sub","role":"$context.authorizer.claims['custom:role']","exp":"$context.authorizer.claims.exp","use":"$context.authorizer.claims.token_use"}`;

let portico: TestPortico;
let jwks: JwksServer;
const clock = new ManualClock(Date.UTC(2026, 0, 1, 12));

beforeAll(async () => {
  portico = await startTestPortico({ clock });
  jwks = await startJwksServer(REMOTE_POOL);
  await createFixtureFunction(lambdaClient(portico), 'cognito-echo', 'proxy-echo.js');
});
afterAll(async () => {
  await portico.close();
  await jwks.close();
});

interface MintOptions {
  claims?: Record<string, unknown>;
  tokenUse?: 'id' | 'access';
  clientId?: string;
  scopes?: string[];
  expiresIn?: number;
}

async function portico_(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${portico.url}${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function mint(poolId: string, options: MintOptions = {}): Promise<string> {
  const { status, json } = await portico_('POST', `/_portico/user-pools/${poolId}/tokens`, options);
  expect(status).toBe(200);
  return json.token as string;
}

interface CognitoApi {
  url(path: string): string;
}

/** `GET /id` (no scopes) and `GET /scoped` (scopes) answer MOCK templates of the claims; `ANY /event` echoes the AWS_PROXY event. */
async function deployCognitoApi(authorizer: Partial<CreateAuthorizerCommandInput> = {}, variables?: Record<string, string>): Promise<CognitoApi> {
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'cognito' }));
  const apiId = api.id!;
  const created = await client.send(
    new CreateAuthorizerCommand({ restApiId: apiId, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [arnOf(POOL), arnOf(REMOTE_POOL)], identitySource: 'method.request.header.Authorization', ...authorizer }),
  );
  const cognito = { authorizationType: 'COGNITO_USER_POOLS', authorizerId: created.id! };
  for (const [part, scopes] of [['id', undefined], ['scoped', ['pets/read', 'pets/write']]] as const) {
    const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId!, pathPart: part }));
    const method = { restApiId: apiId, resourceId: resource.id!, httpMethod: 'GET' };
    await client.send(new PutMethodCommand({ ...method, ...cognito, ...(scopes && { authorizationScopes: [...scopes] }) }));
    await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': CLAIMS_TEMPLATE } }));
  }
  const event = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId!, pathPart: 'event' }));
  await client.send(new PutMethodCommand({ restApiId: apiId, resourceId: event.id!, httpMethod: 'ANY', ...cognito }));
  await client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: event.id!, httpMethod: 'ANY', type: 'AWS_PROXY', integrationHttpMethod: 'POST', uri: functionUri('cognito-echo') }));
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'test', ...(variables && { variables }) }));
  return { url: (path) => `${portico.url}/_aws/execute-api/${apiId}/test${path}` };
}

async function expectUnauthorized(url: string, headers: Record<string, string>): Promise<void> {
  const response = await call(url, { headers });
  expect({ status: response.status, body: response.text, errorType: response.headers['x-amzn-errortype'] }).toEqual({ status: 401, body: UNAUTHORIZED, errorType: 'UnauthorizedException' });
}

let api: CognitoApi;
beforeAll(async () => {
  api = await deployCognitoApi();
});

describe('the local issuer', () => {
  it('serves the JWKS and OpenID configuration under the issuer URL, as Cognito does', async () => {
    const token = await mint(POOL);
    const issuer = `${portico.url}/${POOL}`;
    expect(decodeJwt(token).iss).toBe(issuer);
    const configuration = await portico_('GET', `/${POOL}/.well-known/openid-configuration`);
    expect(configuration.json).toMatchObject({ issuer, jwks_uri: `${issuer}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] });
    const keys = (await portico_('GET', `/${POOL}/.well-known/jwks.json`)).json.keys as JWK[];
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: decodeProtectedHeader(token).kid });
    expect(keys[0]).not.toHaveProperty('d');
    const { payload } = await jwtVerify(token, createLocalJWKSet({ keys: keys }), { issuer, currentDate: new Date(clock.now()) });
    expect(payload).toMatchObject({ token_use: 'id', aud: 'porticolocalclient00000000', exp: clock.now() / 1000 + 3600 });
    expect(Object.keys(payload)).toEqual(expect.arrayContaining(['sub', 'cognito:username', 'event_id', 'auth_time', 'iat', 'jti', 'origin_jti']));
  });

  it('mints access tokens with client_id and scope, and refuses bad requests', async () => {
    const access = decodeJwt(await mint(POOL, { tokenUse: 'access', clientId: 'app1', scopes: ['pets/read', 'openid'] }));
    expect(access).toMatchObject({ token_use: 'access', client_id: 'app1', scope: 'pets/read openid' });
    expect(access).not.toHaveProperty('aud');
    expect((await portico_('POST', `/_portico/user-pools/${POOL}/tokens`, { tokenUse: 'refresh' })).status).toBe(400);
    expect((await portico_('POST', `/_portico/user-pools/${POOL}/tokens`, { claims: [] })).status).toBe(400);
    expect((await portico_('POST', `/_portico/user-pools/${POOL}/tokens`, { expiresIn: 'soon' })).status).toBe(400);
  });

  it('keeps the pool key across a restart (persisted in the store)', async () => {
    const restartable = await startTestPortico({ clock });
    try {
      const token = await fetch(`${restartable.url}/_portico/user-pools/${POOL}/tokens`, { method: 'POST', body: '{}' }).then(async (r) => ((await r.json()) as { token: string }).token);
      const restarted = await restartable.restart();
      const keys = ((await fetch(`${restarted.url}/${POOL}/.well-known/jwks.json`).then((r) => r.json())) as { keys: JWK[] }).keys;
      await expect(jwtVerify(token, createLocalJWKSet({ keys }), { currentDate: new Date(clock.now()) })).resolves.toBeDefined();
      await restarted.close();
    } catch (error) {
      await restartable.close().catch(() => undefined);
      throw error;
    }
  });
});

describe('ID tokens on a method without scopes (reference §5.2)', () => {
  it('allows a valid ID token and hands its claims to the MOCK template, raw or after Bearer', async () => {
    const token = await mint(POOL, { claims: { sub: 'user-7', 'custom:role': 'admin' } });
    const expected = { sub: 'user-7', role: 'admin', exp: 'Thu Jan 01 13:00:00 UTC 2026', use: 'id' };
    const raw = await call(api.url('/id'), { headers: { Authorization: token } });
    expect({ status: raw.status, body: JSON.parse(raw.text) as unknown }).toEqual({ status: 200, body: expected });
    // Bearer prefix: accepted (UNCONFIRMED for REST; Cognito's guide sends bearer tokens).
    const bearer = await call(api.url('/id'), { headers: { Authorization: `Bearer ${token}` } });
    expect(JSON.parse(bearer.text)).toEqual(expected);
  });

  it('answers 401 for a missing, empty or unreadable token', async () => {
    await expectUnauthorized(api.url('/id'), {});
    await expectUnauthorized(api.url('/id'), { Authorization: '' });
    await expectUnauthorized(api.url('/id'), { Authorization: 'Bearer ' });
    await expectUnauthorized(api.url('/id'), { Authorization: 'not-a-jwt' });
  });

  it('answers 401 for a tampered signature or payload', async () => {
    const [header, payload, signature] = (await mint(POOL)).split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expectUnauthorized(api.url('/id'), { Authorization: `${header}.${payload}.${flipped}` });
    const forged = Buffer.from(JSON.stringify({ ...decodeJwt(`${header}.${payload}.${signature}`), sub: 'someone-else' })).toString('base64url');
    await expectUnauthorized(api.url('/id'), { Authorization: `${header}.${forged}.${signature}` });
  });

  it('answers 401 for alg none and for an HS256 token', async () => {
    const claims = decodeJwt(await mint(POOL));
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await expectUnauthorized(api.url('/id'), { Authorization: unsigned });
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('a-shared-secret-of-enough-length!!'));
    await expectUnauthorized(api.url('/id'), { Authorization: hs256 });
  });

  it('answers 401 once the token expired, even after a cached success (injected clock)', async () => {
    const token = await mint(POOL, { expiresIn: 60 });
    expect((await call(api.url('/id'), { headers: { Authorization: token } })).status).toBe(200);
    clock.advance(60_000);
    await expectUnauthorized(api.url('/id'), { Authorization: token });
    await expectUnauthorized(api.url('/id'), { Authorization: await mint(POOL, { expiresIn: 0 }) });
  });

  it('answers 401 for a token of a pool the authorizer does not name, and for an access token', async () => {
    await expectUnauthorized(api.url('/id'), { Authorization: await mint(OTHER_POOL) });
    // AWS: without scopes the method wants an ID token (knowledge center "401 Unauthorized" for Cognito).
    await expectUnauthorized(api.url('/id'), { Authorization: await mint(POOL, { tokenUse: 'access' }) });
  });
});

describe('access tokens on a method with authorizationScopes (reference §5.2)', () => {
  it('allows an access token carrying one of the scopes', async () => {
    const token = await mint(POOL, { tokenUse: 'access', scopes: ['openid', 'pets/write'], claims: { sub: 'svc' } });
    const response = await call(api.url('/scoped'), { headers: { Authorization: token } });
    expect({ status: response.status, body: JSON.parse(response.text) as unknown }).toMatchObject({ status: 200, body: { sub: 'svc', use: 'access' } });
  });

  it('answers 401 for an access token without a matching scope, and for an ID token', async () => {
    await expectUnauthorized(api.url('/scoped'), { Authorization: await mint(POOL, { tokenUse: 'access', scopes: ['pets/delete'] }) });
    await expectUnauthorized(api.url('/scoped'), { Authorization: await mint(POOL, { tokenUse: 'access', scopes: ['pets/read/extra'] }) });
    await expectUnauthorized(api.url('/scoped'), { Authorization: await mint(POOL, { claims: { scope: 'pets/read' } }) });
  });
});

describe('identityValidationExpression on a Cognito authorizer', () => {
  it('matches the whole aud claim; a mismatch, or an access token (no aud), is 401', async () => {
    const validated = await deployCognitoApi({ identityValidationExpression: 'good-[a-z]+' });
    expect((await call(validated.url('/id'), { headers: { Authorization: await mint(POOL, { clientId: 'good-client' }) } })).status).toBe(200);
    await expectUnauthorized(validated.url('/id'), { Authorization: await mint(POOL, { clientId: 'evil-client' }) });
    await expectUnauthorized(validated.url('/id'), { Authorization: await mint(POOL, { clientId: 'good-client-2' }) });
    await expectUnauthorized(validated.url('/scoped'), { Authorization: await mint(POOL, { tokenUse: 'access', clientId: 'good-client', scopes: ['pets/read'] }) });
  });
});

describe('the AWS_PROXY event', () => {
  it('carries requestContext.authorizer.claims, every value a string as AWS renders them', async () => {
    const token = await mint(POOL, { claims: { sub: 'u-1', email_verified: true, 'cognito:groups': ['admin', 'users'], 'custom:tier': 3 } });
    const response = await call(api.url('/event'), { method: 'POST', headers: { Authorization: token } });
    expect(response.status).toBe(200);
    const authorizer = (JSON.parse(response.text) as { requestContext: { authorizer: { claims: Record<string, unknown> } } }).requestContext.authorizer;
    const now = clock.now() / 1000;
    expect(Object.keys(authorizer)).toEqual(['claims']);
    expect(authorizer.claims).toMatchObject({
      sub: 'u-1',
      token_use: 'id',
      email_verified: 'true',
      'cognito:groups': 'admin,users',
      'custom:tier': '3',
      auth_time: String(now),
      iss: `${portico.url}/${POOL}`,
    });
    expect(authorizer.claims.exp).toMatch(/^[A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    expect(Object.values(authorizer.claims).every((value) => typeof value === 'string')).toBe(true);
  });
});

describe('parameter mappings', () => {
  it('map context.authorizer.claims.sub into an integration request header', async () => {
    const backend = await startBackend();
    try {
      const client = portico.client;
      const created = await client.send(new CreateRestApiCommand({ name: 'cognito-mapping' }));
      const restApiId = created.id!;
      const authorizer = await client.send(
        new CreateAuthorizerCommand({ restApiId, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [arnOf(POOL)], identitySource: 'method.request.header.Authorization' }),
      );
      const method = { restApiId, resourceId: created.rootResourceId!, httpMethod: 'GET' };
      await client.send(new PutMethodCommand({ ...method, authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id! }));
      await client.send(
        new PutIntegrationCommand({ ...method, type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backend.url}/who`, requestParameters: { 'integration.request.header.x-user': 'context.authorizer.claims.sub' } }),
      );
      await client.send(new CreateDeploymentCommand({ restApiId, stageName: 'test' }));
      const response = await call(`${portico.url}/_aws/execute-api/${restApiId}/test/`, { headers: { Authorization: await mint(POOL, { claims: { sub: 'mapped-user' } }) } });
      expect(response.status).toBe(200);
      expect(backend.requests.map((request) => request.headers['x-user'])).toEqual(['mapped-user']);
    } finally {
      await backend.close();
    }
  });
});

describe('a pool mapped to another issuer (a separate JWKS server)', () => {
  it('verifies its tokens with the fetched JWKS, cached, and refuses foreign keys and wrong issuers', async () => {
    const mapped = await portico_('PUT', `/_portico/user-pools/${REMOTE_POOL}`, { issuer: jwks.issuer });
    expect(mapped).toEqual({ status: 200, json: { userPoolId: REMOTE_POOL, issuer: jwks.issuer, jwksUri: `${jwks.issuer}/.well-known/jwks.json`, local: false } });
    const remoteApi = await deployCognitoApi();
    const before = jwks.jwksRequests;
    for (const sub of ['r-1', 'r-2']) {
      const response = await call(remoteApi.url('/id'), { headers: { Authorization: await jwks.sign({ sub }, clock.now()) } });
      expect({ status: response.status, sub: (JSON.parse(response.text) as { sub: string }).sub }).toEqual({ status: 200, sub });
    }
    expect(jwks.jwksRequests - before).toBe(1);
    await expectUnauthorized(remoteApi.url('/id'), { Authorization: await jwks.signWithForeignKey({}, clock.now()) });
    await expectUnauthorized(remoteApi.url('/id'), { Authorization: await jwks.sign({ iss: `${jwks.issuer}x` }, clock.now()) });
    await expectUnauthorized(remoteApi.url('/id'), { Authorization: await jwks.sign({ aud: 'remoteclient' }, clock.now(), -1) });
    // The local issuer no longer serves or mints for a mapped pool.
    expect((await portico_('POST', `/_portico/user-pools/${REMOTE_POOL}/tokens`, {})).status).toBe(404);
  });

  it('answers 500 AuthorizerConfigurationException when the JWKS cannot be fetched (misconfigured)', async () => {
    const unreachable = 'us-east-1_Unreachable9';
    await portico_('PUT', `/_portico/user-pools/${unreachable}`, { issuer: 'http://127.0.0.1:9/nowhere' });
    const broken = await deployCognitoApi({ providerARNs: [arnOf(unreachable)] });
    const payload = { iss: 'http://127.0.0.1:9/nowhere', token_use: 'id', exp: clock.now() / 1000 + 60 };
    const header = `${Buffer.from('{"alg":"RS256","kid":"k"}').toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
    const response = await call(broken.url('/id'), { headers: { Authorization: header } });
    expect({ status: response.status, body: response.text, errorType: response.headers['x-amzn-errortype'] }).toEqual({ status: 500, body: '{"message": null}', errorType: 'AuthorizerConfigurationException' });
    await portico_('DELETE', `/_portico/user-pools/${unreachable}`);
  });
});

describe('authorizationScopes on PutMethod / UpdateMethod', () => {
  it('refuses scopes on a method that is not COGNITO_USER_POOLS, and leaves it unchanged (AWS, via CloudFormation: aws-cdk#30035)', async () => {
    const client = portico.client;
    const created = await client.send(new CreateRestApiCommand({ name: 'scopes' }));
    const method = { restApiId: created.id!, resourceId: created.rootResourceId!, httpMethod: 'GET' };
    const message = 'Invalid Method authorization type specified. Authorization Scopes are only valid for COGNITO_USER_POOLS authorization type';
    await expect(client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE', authorizationScopes: ['read'] }))).rejects.toMatchObject({ name: 'BadRequestException', message });
    await client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }));
    await expect(client.send(new UpdateMethodCommand({ ...method, patchOperations: [{ op: 'add', path: '/authorizationScopes', value: 'read' }] }))).rejects.toMatchObject({
      name: 'BadRequestException',
      message,
    });
    expect((await client.send(new GetMethodCommand(method))).authorizationScopes).toBeUndefined();
  });
});

describe('mapping a pool through /_portico/user-pools', () => {
  it('keeps a pool local for {} and refuses an issuer that is not an http(s) URL', async () => {
    const pool = 'us-east-1_KeptLocal1';
    const local = await portico_('PUT', `/_portico/user-pools/${pool}`, {});
    expect(local).toEqual({ status: 200, json: { userPoolId: pool, issuer: `${portico.url}/${pool}`, jwksUri: `${portico.url}/${pool}/.well-known/jwks.json`, local: true } });
    const refused = await fetch(`${portico.url}/_portico/user-pools/${pool}`, { method: 'PUT', body: JSON.stringify({ issuer: 'ftp://issuer.example' }) });
    expect({ status: refused.status, errorType: refused.headers.get('x-amzn-errortype'), body: await refused.json() }).toEqual({
      status: 400,
      errorType: 'BadRequestException',
      body: { message: 'issuer must be an http(s) URL' },
    });
    expect((await portico_('GET', `/_portico/user-pools/${pool}`)).json).toMatchObject({ local: true });
  });
});

describe('TestInvokeAuthorizer on a COGNITO_USER_POOLS authorizer', () => {
  it('answers 200 with the claims for an ID token, 401 for a bad or access token, 500 without keys', async () => {
    const client = portico.client;
    const created = await client.send(new CreateRestApiCommand({ name: 'cognito-test-invoke' }));
    const restApiId = created.id!;
    const { id } = await client.send(
      new CreateAuthorizerCommand({ restApiId, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [arnOf(POOL)], identitySource: 'method.request.header.Authorization' }),
    );
    const test = (headers: Record<string, string>) => client.send(new TestInvokeAuthorizerCommand({ restApiId, authorizerId: id!, headers }));
    const allowed = await test({ Authorization: await mint(POOL, { claims: { sub: 'tested', 'custom:role': 'admin' } }) });
    expect(allowed).toMatchObject({ clientStatus: 200, claims: { sub: 'tested', 'custom:role': 'admin', token_use: 'id' } });
    expect(allowed.log).toContain('Successfully completed authorizer execution');
    const refusedHeaders: Array<Record<string, string>> = [{}, { Authorization: 'a.b.c' }, { Authorization: await mint(POOL, { tokenUse: 'access' }) }, { Authorization: await mint(OTHER_POOL) }];
    for (const headers of refusedHeaders) {
      const refused = await test(headers);
      expect({ status: refused.clientStatus, claims: refused.claims }).toEqual({ status: 401, claims: undefined });
    }
    const unreachable = 'us-east-1_NoKeys4';
    await portico_('PUT', `/_portico/user-pools/${unreachable}`, { issuer: 'http://127.0.0.1:9/none' });
    const broken = await client.send(
      new CreateAuthorizerCommand({ restApiId, name: 'broken', type: 'COGNITO_USER_POOLS', providerARNs: [arnOf(unreachable)], identitySource: 'method.request.header.Authorization' }),
    );
    const payload = Buffer.from(JSON.stringify({ iss: 'http://127.0.0.1:9/none', token_use: 'id', exp: clock.now() / 1000 + 60 })).toString('base64url');
    const failed = await client.send(new TestInvokeAuthorizerCommand({ restApiId, authorizerId: broken.id!, headers: { Authorization: `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln` } }));
    expect(failed.clientStatus).toBe(500);
  });
});

describe('providerARNs with a stage variable', () => {
  it('renders ${stageVariables.pool} per request (AWS developer guide example)', async () => {
    const staged = await deployCognitoApi({ providerARNs: ['arn:aws:cognito-idp:us-east-1:000000000000:userpool/${stageVariables.pool}'] }, { pool: OTHER_POOL });
    expect((await call(staged.url('/id'), { headers: { Authorization: await mint(OTHER_POOL) } })).status).toBe(200);
    await expectUnauthorized(staged.url('/id'), { Authorization: await mint(POOL) });
  });
});
