// The tagging API through the real AWS SDK (GET/PUT/DELETE /tags/{resource_arn}, 200/204/204) on
// REST API and stage ARNs; CreateStage `tags`; AWS: GetTags on a stage returns its own tags only.

import {
  type APIGatewayClient,
  CreateRestApiCommand,
  CreateStageCommand,
  CreateDeploymentCommand,
  GetRestApiCommand,
  GetStageCommand,
  GetTagsCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
let client: APIGatewayClient;
beforeAll(async () => {
  portico = await startTestPortico();
  client = portico.client;
});
afterAll(() => portico.close());

const apiArn = (apiId: string, region = 'us-east-1') => `arn:aws:apigateway:${region}::/restapis/${apiId}`;
const stageArn = (apiId: string, stageName: string) => `${apiArn(apiId)}/stages/${stageName}`;

/** An API tagged `{owner: api}` with a stage `dev` tagged `{team: a}`. */
async function createTaggedStage(): Promise<string> {
  const api = await client.send(new CreateRestApiCommand({ name: 'tagged', tags: { owner: 'api' } }));
  const target = { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET' };
  await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
  await client.send(new PutIntegrationCommand({ ...target, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
  const deployment = await client.send(new CreateDeploymentCommand({ restApiId: api.id }));
  await client.send(new CreateStageCommand({ restApiId: api.id, stageName: 'dev', deploymentId: deployment.id, tags: { team: 'a' } }));
  return api.id!;
}

describe('tags on stages', () => {
  it('GetTags returns the stage tags only, not those of its API', async () => {
    const apiId = await createTaggedStage();
    const tags = await client.send(new GetTagsCommand({ resourceArn: stageArn(apiId, 'dev') }));
    expect(tags.$metadata.httpStatusCode).toBe(200);
    expect(tags.tags).toEqual({ team: 'a' });
  });

  it('TagResource merges (204), UntagResource removes the listed keys (204)', async () => {
    const apiId = await createTaggedStage();
    const tagged = await client.send(new TagResourceCommand({ resourceArn: stageArn(apiId, 'dev'), tags: { team: 'b', cost: 'c1', env: 'dev' } }));
    expect(tagged.$metadata.httpStatusCode).toBe(204);
    expect((await client.send(new GetStageCommand({ restApiId: apiId, stageName: 'dev' }))).tags).toEqual({ team: 'b', cost: 'c1', env: 'dev' });
    const untagged = await client.send(new UntagResourceCommand({ resourceArn: stageArn(apiId, 'dev'), tagKeys: ['cost', 'env'] }));
    expect(untagged.$metadata.httpStatusCode).toBe(204);
    expect((await client.send(new GetTagsCommand({ resourceArn: stageArn(apiId, 'dev') }))).tags).toEqual({ team: 'b' });
  });

  it('answers 404 for an unknown stage or API', async () => {
    const apiId = await createTaggedStage();
    await expect(client.send(new GetTagsCommand({ resourceArn: stageArn(apiId, 'ghost') }))).rejects.toMatchObject({ name: 'NotFoundException' });
    await expect(client.send(new GetTagsCommand({ resourceArn: apiArn('nope123456') }))).rejects.toMatchObject({
      name: 'NotFoundException',
      message: 'Invalid API identifier specified 000000000000:nope123456',
    });
  });

  it('refuses a resource ARN it does not know how to tag', async () => {
    await expect(client.send(new GetTagsCommand({ resourceArn: 'arn:aws:s3:::bucket' }))).rejects.toMatchObject({ name: 'BadRequestException' });
  });

  it('refuses more than 50 tags', async () => {
    const apiId = await createTaggedStage();
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expect(client.send(new TagResourceCommand({ resourceArn: stageArn(apiId, 'dev'), tags }))).rejects.toMatchObject({ name: 'BadRequestException' });
    expect((await client.send(new GetTagsCommand({ resourceArn: stageArn(apiId, 'dev') }))).tags).toEqual({ team: 'a' });
  });
});

describe('tags on REST APIs', () => {
  it('reads, adds and removes the tags GetRestApi shows', async () => {
    const api = await client.send(new CreateRestApiCommand({ name: 'api-tags', tags: { a: '1' } }));
    expect((await client.send(new GetTagsCommand({ resourceArn: apiArn(api.id!) }))).tags).toEqual({ a: '1' });
    await client.send(new TagResourceCommand({ resourceArn: apiArn(api.id!), tags: { b: '2' } }));
    expect((await client.send(new GetRestApiCommand({ restApiId: api.id }))).tags).toEqual({ a: '1', b: '2' });
    await client.send(new UntagResourceCommand({ resourceArn: apiArn(api.id!), tagKeys: ['a', 'b'] }));
    expect((await client.send(new GetTagsCommand({ resourceArn: apiArn(api.id!) }))).tags).toEqual({});
  });

  it('finds the API in the region the ARN names', async () => {
    const eu = portico.clientFor('eu-west-1');
    const api = await eu.send(new CreateRestApiCommand({ name: 'eu' }));
    await client.send(new TagResourceCommand({ resourceArn: apiArn(api.id!, 'eu-west-1'), tags: { region: 'eu' } }));
    expect((await eu.send(new GetRestApiCommand({ restApiId: api.id }))).tags).toEqual({ region: 'eu' });
  });
});
