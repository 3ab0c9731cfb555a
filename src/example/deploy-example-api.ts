// Creates the bundled example API through Portico's own management API, the way a user would
// with the AWS CLI: a REST API with HTTP_PROXY methods, deployed to stage `dev`. Idempotent: an
// existing `portico-example` API is reused, so restarts keep the same invoke URLs.

import { request } from 'undici';

export const EXAMPLE_API_NAME = 'portico-example';
export const EXAMPLE_STAGE = 'dev';

// Any SigV4 credentials are accepted by Portico; the scope names the region.
const AUTHORIZATION = 'AWS4-HMAC-SHA256 Credential=PORTICOEXAMPLE/20260101/us-east-1/apigateway/aws4_request, SignedHeaders=host, Signature=example';

type Json = Record<string, unknown>;

async function call(portico: string, method: string, path: string, body?: Json): Promise<Json> {
  const response = await request(portico + path, {
    method: method as 'GET',
    headers: { authorization: AUTHORIZATION, 'content-type': 'application/json' },
    ...(body && { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  const parsed = (text ? JSON.parse(text) : {}) as Json;
  if (response.statusCode >= 300) throw new Error(`${method} ${path} answered ${response.statusCode}: ${text}`);
  return parsed;
}

/** Returns the example API's id, creating and deploying it if it does not exist yet. */
export async function deployExampleApi(portico: string, backend: string): Promise<string> {
  const apis = (await call(portico, 'GET', '/restapis?limit=500')).item as Json[];
  const existing = apis.find((api) => api.name === EXAMPLE_API_NAME);
  if (existing) return existing.id as string;

  const api = await call(portico, 'POST', '/restapis', { name: EXAMPLE_API_NAME, description: 'The example bundled with Portico' });
  const apiId = api.id as string;
  const root = api.rootResourceId as string;
  const resource = async (parentId: string, pathPart: string) => (await call(portico, 'POST', `/restapis/${apiId}/resources/${parentId}`, { pathPart })).id as string;
  const proxyMethod = async (resourceId: string, httpMethod: string, uri: string, pathParameters: string[]) => {
    const requestParameters = Object.fromEntries(pathParameters.map((name) => [`method.request.path.${name}`, true]));
    await call(portico, 'PUT', `/restapis/${apiId}/resources/${resourceId}/methods/${httpMethod}`, { authorizationType: 'NONE', requestParameters });
    await call(portico, 'PUT', `/restapis/${apiId}/resources/${resourceId}/methods/${httpMethod}/integration`, {
      type: 'HTTP_PROXY',
      httpMethod,
      uri,
      requestParameters: Object.fromEntries(pathParameters.map((name) => [`integration.request.path.${name}`, `method.request.path.${name}`])),
    });
  };

  const pets = await resource(root, 'pets');
  await proxyMethod(pets, 'GET', `${backend}/pets`, []);
  const pet = await resource(pets, '{petId}');
  await proxyMethod(pet, 'GET', `${backend}/pets/{petId}`, ['petId']);
  const proxy = await resource(root, '{proxy+}');
  await proxyMethod(proxy, 'ANY', `${backend}/{proxy}`, ['proxy']);
  await call(portico, 'POST', `/restapis/${apiId}/deployments`, { stageName: EXAMPLE_STAGE, description: 'example deployment' });
  return apiId;
}
