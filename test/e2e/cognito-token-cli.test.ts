// `portico token` end to end: the built CLI (node bin/portico.js token ...) asks a running Portico
// for a token, and that token opens a Cognito-protected method (ID token on a method without scopes,
// access token with `--access --scope` on one with); user mistakes are one line on stderr, exit 1.
// Needs `npm run build` first.

import {
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../support/lambda.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { assertCliBuilt, freePort, runPortico } from '../support/spawn-portico.js';

const POOL = 'eu-central-1_CliPool42';
let portico: TestPortico;
let url: (path: string) => string;

beforeAll(async () => {
  assertCliBuilt();
  portico = await startTestPortico();
  const client = portico.client;
  const api = await client.send(new CreateRestApiCommand({ name: 'cli-cognito' }));
  const apiId = api.id!;
  const authorizer = await client.send(
    new CreateAuthorizerCommand({ restApiId: apiId, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [`arn:aws:cognito-idp:eu-central-1:000000000000:userpool/${POOL}`], identitySource: 'method.request.header.Authorization' }),
  );
  for (const [part, scopes] of [['me', undefined], ['admin', ['api/admin']]] as const) {
    const resource = await client.send(new CreateResourceCommand({ restApiId: apiId, parentId: api.rootResourceId!, pathPart: part }));
    const method = { restApiId: apiId, resourceId: resource.id!, httpMethod: 'GET' };
    await client.send(new PutMethodCommand({ ...method, authorizationType: 'COGNITO_USER_POOLS', authorizerId: authorizer.id!, ...(scopes && { authorizationScopes: [...scopes] }) }));
    await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }));
    await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': '{"sub":"$context.authorizer.claims.sub"}' } }));
  }
  await client.send(new CreateDeploymentCommand({ restApiId: apiId, stageName: 'dev' }));
  url = (path) => `${portico.url}/_aws/execute-api/${apiId}/dev${path}`;
});
afterAll(() => portico?.close());

async function token(...args: string[]): Promise<string> {
  const run = await runPortico(['token', '--user-pool', POOL, '--endpoint', portico.url, ...args]);
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  return run.stdout.trim();
}

describe('portico token', () => {
  it('prints an ID token with the given claims that a Cognito method accepts', async () => {
    const id = await token('--claims', '{"sub":"cli-user","email":"a@example.com"}', '--client-id', 'myapp');
    expect(decodeJwt(id)).toMatchObject({ sub: 'cli-user', email: 'a@example.com', aud: 'myapp', token_use: 'id', iss: `${portico.url}/${POOL}` });
    const response = await call(url('/me'), { headers: { Authorization: id } });
    expect({ status: response.status, body: response.text }).toEqual({ status: 200, body: '{"sub":"cli-user"}' });
    expect((await call(url('/admin'), { headers: { Authorization: id } })).status).toBe(401);
  });

  it('prints an access token with repeated --scope for a method with authorizationScopes', async () => {
    const access = await token('--access', '--scope', 'openid', '--scope=api/admin', '--claims', '{"sub":"svc"}', '--expires-in', '120');
    const claims = decodeJwt(access);
    expect(claims).toMatchObject({ token_use: 'access', scope: 'openid api/admin' });
    expect(claims.exp! - claims.iat!).toBe(120);
    expect((await call(url('/admin'), { headers: { Authorization: `Bearer ${access}` } })).status).toBe(200);
  });

  it('reports mistakes as one line on stderr with exit code 1', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['token'], /^portico: portico token needs --user-pool ID/],
      [['token', '--user-pool', 'nopool'], /^portico: invalid --user-pool: nopool/],
      [['token', '--user-pool', POOL, '--claims', '{oops', '--endpoint', portico.url], /^portico: --claims is not JSON/],
      [['token', '--user-pool', POOL, '--scope', 'x', '--endpoint', portico.url], /^portico: --scope needs --access/],
      [['token', '--user-pool', POOL, '--endpoint', `http://127.0.0.1:${await freePort()}`], /^portico: cannot reach Portico at/],
    ];
    for (const [args, message] of cases) {
      const run = await runPortico(args);
      expect({ code: run.code, stdout: run.stdout, lines: run.stderr.trim().split('\n').length }).toEqual({ code: 1, stdout: '', lines: 1 });
      expect(run.stderr).toMatch(message);
    }
  });

  it('documents itself in --help', async () => {
    const run = await runPortico(['token', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: portico token --user-pool ID');
    expect((await runPortico(['--help'])).stdout).toMatch(/^ {2}token +Print a Cognito user pool token/m);
  });
});
