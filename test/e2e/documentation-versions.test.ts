// Documentation versions through the real AWS SDK (API reference "CreateDocumentationVersion",
// "GetDocumentationVersion(s)", "UpdateDocumentationVersion", "DeleteDocumentationVersion",
// "DocumentationVersion"; DG "Publish API documentation using the API Gateway REST API"): CRUD and
// paging, AWS's errors, the stage association, the frozen snapshot as GetExport shows it, and restart.

import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  CreateDocumentationPartCommand,
  CreateDocumentationVersionCommand,
  type CreateDocumentationVersionCommandInput,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteDocumentationVersionCommand,
  DeleteRestApiCommand,
  GetDocumentationVersionCommand,
  GetDocumentationVersionsCommand,
  GetExportCommand,
  GetStageCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateDocumentationPartCommand,
  UpdateDocumentationVersionCommand,
  UpdateStageCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/shared/clock.js';
import { startTestPortico, type TestPortico } from '../support/portico.js';

const START = Date.UTC(2026, 3, 1, 10, 30, 15);
const clock = new ManualClock(START);
let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico({ clock });
});
afterAll(() => portico.close());

async function failure(promise: Promise<unknown>): Promise<{ name: string; message: string; status: number | undefined }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { name: string; message: string; $metadata: { httpStatusCode?: number } },
  );
  expect(error).toBeDefined();
  return { name: error!.name, message: error!.message, status: error!.$metadata.httpStatusCode };
}

async function newApi(client: APIGatewayClient = portico.client): Promise<string> {
  return (await client.send(new CreateRestApiCommand({ name: 'versioned' }))).id!;
}

/** An API with a MOCK `GET /`, deployed to stage `prod` (AWS refuses to deploy an API without methods). */
async function newApiWithStage(client: APIGatewayClient = portico.client): Promise<string> {
  const api = await client.send(new CreateRestApiCommand({ name: 'versioned' }));
  const target = { restApiId: api.id, resourceId: api.rootResourceId, httpMethod: 'GET' };
  await client.send(new PutMethodCommand({ ...target, authorizationType: 'NONE' }));
  await client.send(new PutIntegrationCommand({ ...target, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
  await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
  return api.id!;
}

const createVersion = (input: CreateDocumentationVersionCommandInput, client: APIGatewayClient = portico.client) =>
  client.send(new CreateDocumentationVersionCommand(input));
const getVersion = (restApiId: string, documentationVersion: string, client: APIGatewayClient = portico.client) =>
  client.send(new GetDocumentationVersionCommand({ restApiId, documentationVersion }));
const createPart = (restApiId: string, properties: string, client: APIGatewayClient = portico.client) =>
  client.send(new CreateDocumentationPartCommand({ restApiId, location: { type: 'API' }, properties }));

/** GetExport of stage `prod` with `extensions=documentation`: the `x-amazon-apigateway-documentation` object. */
async function exportedDocumentation(restApiId: string, client: APIGatewayClient = portico.client): Promise<unknown> {
  const output = await client.send(new GetExportCommand({ restApiId, stageName: 'prod', exportType: 'swagger', parameters: { extensions: 'documentation' } }));
  return (JSON.parse(Buffer.from(output.body!).toString('utf8')) as Record<string, unknown>)['x-amazon-apigateway-documentation'];
}

const NOT_FOUND = { name: 'NotFoundException', message: 'Invalid Documentation version specified', status: 404 };

describe('CreateDocumentationVersion / Get / Update / Delete', () => {
  it('CreateDocumentationVersion answers 201 with {version, createdDate, description}; GetDocumentationVersion reads it back (API reference "CreateDocumentationVersion")', async () => {
    const restApiId = await newApi();
    const created = await createVersion({ restApiId, documentationVersion: '1.0.0', description: 'My API Documentation v1.0.0' });
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created).toMatchObject({ version: '1.0.0', description: 'My API Documentation v1.0.0' });
    // AWS: createdDate is a timestamp (epoch seconds on the wire, a Date in the SDK).
    expect(created.createdDate).toEqual(new Date(Math.floor(START / 1000) * 1000));
    const got = await getVersion(restApiId, '1.0.0');
    expect(got.$metadata.httpStatusCode).toBe(200);
    expect({ version: got.version, createdDate: got.createdDate, description: got.description }).toEqual({
      version: '1.0.0',
      createdDate: created.createdDate,
      description: 'My API Documentation v1.0.0',
    });
    // The description is optional (API reference "CreateDocumentationVersion"); absent, it stays absent.
    expect((await createVersion({ restApiId, documentationVersion: 'bare' })).description).toBeUndefined();
  });

  it('UpdateDocumentationVersion replaces /description only; any other path or op is a 400 and changes nothing (DG "Publish API documentation")', async () => {
    const restApiId = await newApi();
    await createVersion({ restApiId, documentationVersion: 'v1', description: 'first' });
    const target = { restApiId, documentationVersion: 'v1' };
    const updated = await portico.client.send(new UpdateDocumentationVersionCommand({ ...target, patchOperations: [{ op: 'replace', path: '/description', value: 'My API for testing purposes.' }] }));
    expect(updated.$metadata.httpStatusCode).toBe(200);
    expect(updated).toMatchObject({ version: 'v1', description: 'My API for testing purposes.' });
    // Wording UNCONFIRMED: the patch helpers' message, as UpdateDocumentationPart answers it.
    expect(await failure(portico.client.send(new UpdateDocumentationVersionCommand({ ...target, patchOperations: [{ op: 'replace', path: '/version', value: 'v2' }] })))).toEqual({
      name: 'BadRequestException',
      message: "Invalid patch path  '/version' specified for op 'replace'. Must be one of: [/description]",
      status: 400,
    });
    expect(await failure(portico.client.send(new UpdateDocumentationVersionCommand({ ...target, patchOperations: [{ op: 'add', path: '/description', value: 'x' }] })))).toEqual({
      name: 'BadRequestException',
      message: "Invalid patch path  '/description' specified for op 'add'. Please choose supported operations",
      status: 400,
    });
    expect((await getVersion(restApiId, 'v1')).description).toBe('My API for testing purposes.');
    expect(await failure(getVersion(restApiId, 'v2'))).toEqual(NOT_FOUND);
  });

  it('DeleteDocumentationVersion answers 202 with an empty body, then the version is 404 (API reference "DeleteDocumentationVersion")', async () => {
    const restApiId = await newApi();
    await createVersion({ restApiId, documentationVersion: 'gone' });
    const deleted = await portico.client.send(new DeleteDocumentationVersionCommand({ restApiId, documentationVersion: 'gone' }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    expect(await failure(getVersion(restApiId, 'gone'))).toEqual(NOT_FOUND);
    expect(await failure(portico.client.send(new DeleteDocumentationVersionCommand({ restApiId, documentationVersion: 'gone' })))).toEqual(NOT_FOUND);
    // The identifier is free again.
    expect((await createVersion({ restApiId, documentationVersion: 'gone' })).$metadata.httpStatusCode).toBe(201);
  });
});

describe('errors', () => {
  it('a version that already exists is a 409 ConflictException (API reference "CreateDocumentationVersion" lists ConflictException)', async () => {
    const restApiId = await newApi();
    await createVersion({ restApiId, documentationVersion: '1.0', description: 'kept' });
    // Message UNCONFIRMED.
    expect(await failure(createVersion({ restApiId, documentationVersion: '1.0', description: 'again' }))).toEqual({
      name: 'ConflictException',
      message: 'Documentation version already exists',
      status: 409,
    });
    expect((await getVersion(restApiId, '1.0')).description).toBe('kept');
  });

  it('a missing or empty documentationVersion is a 400 BadRequestException (it is required: API reference "CreateDocumentationVersion")', async () => {
    const restApiId = await newApi();
    // Type and message UNCONFIRMED (AWS may answer a missing required member with a ValidationException).
    const missing = { name: 'BadRequestException', message: 'Documentation version must be specified', status: 400 };
    expect(await failure(createVersion({ restApiId, documentationVersion: undefined as never }))).toEqual(missing);
    expect(await failure(createVersion({ restApiId, documentationVersion: '' }))).toEqual(missing);
    expect((await portico.client.send(new GetDocumentationVersionsCommand({ restApiId }))).items ?? []).toEqual([]);
  });

  it('an unknown API is AWS\'s 404 `Invalid API identifier specified {account}:{id}` on every operation (reference §8.2)', async () => {
    const restApiId = 'nope123456';
    const unknownApi = { name: 'NotFoundException', message: `Invalid API identifier specified 000000000000:${restApiId}`, status: 404 };
    const target = { restApiId, documentationVersion: '1.0' };
    expect(await failure(createVersion(target))).toEqual(unknownApi);
    expect(await failure(getVersion(restApiId, '1.0'))).toEqual(unknownApi);
    expect(await failure(portico.client.send(new GetDocumentationVersionsCommand({ restApiId })))).toEqual(unknownApi);
    expect(await failure(portico.client.send(new UpdateDocumentationVersionCommand({ ...target, patchOperations: [] })))).toEqual(unknownApi);
    expect(await failure(portico.client.send(new DeleteDocumentationVersionCommand(target)))).toEqual(unknownApi);
  });

  it('an unknown version is a 404 NotFoundException (message UNCONFIRMED: what the serverless-aws-documentation plugin matches on real AWS)', async () => {
    const restApiId = await newApi();
    expect(await failure(getVersion(restApiId, '9.9'))).toEqual(NOT_FOUND);
    expect(await failure(portico.client.send(new UpdateDocumentationVersionCommand({ restApiId, documentationVersion: '9.9', patchOperations: [] })))).toEqual(NOT_FOUND);
    expect(await failure(portico.client.send(new DeleteDocumentationVersionCommand({ restApiId, documentationVersion: '9.9' })))).toEqual(NOT_FOUND);
  });

  it('an unknown stageName is the 404 every stage lookup answers, and creates nothing (DG: the stage must already exist)', async () => {
    const restApiId = await newApi();
    // Message casing UNCONFIRMED (the stage lookup's, stage-records.ts).
    expect(await failure(createVersion({ restApiId, documentationVersion: '1.0', stageName: 'nostage' }))).toEqual({
      name: 'NotFoundException',
      message: 'Invalid stage identifier specified',
      status: 404,
    });
    expect(await failure(getVersion(restApiId, '1.0'))).toEqual(NOT_FOUND);
  });
});

describe('GetDocumentationVersions', () => {
  it('lists in creation order and pages with limit and position like every Get* list (API reference "GetDocumentationVersions")', async () => {
    const restApiId = await newApi();
    for (const version of ['1.0', '1.1', '2.0']) await createVersion({ restApiId, documentationVersion: version });
    const all = await portico.client.send(new GetDocumentationVersionsCommand({ restApiId }));
    expect(all.$metadata.httpStatusCode).toBe(200);
    expect(all.items?.map((item) => item.version)).toEqual(['1.0', '1.1', '2.0']);
    expect(all.position).toBeUndefined();
    const first = await portico.client.send(new GetDocumentationVersionsCommand({ restApiId, limit: 2 }));
    expect(first.items?.map((item) => item.version)).toEqual(['1.0', '1.1']);
    expect(first.position).toBeDefined();
    const second = await portico.client.send(new GetDocumentationVersionsCommand({ restApiId, limit: 2, position: first.position }));
    expect(second.items?.map((item) => item.version)).toEqual(['2.0']);
    expect(second.position).toBeUndefined();
    // AWS: limit is 1..500 (API reference "GetDocumentationVersions"); message as every paged list answers it.
    expect(await failure(portico.client.send(new GetDocumentationVersionsCommand({ restApiId, limit: 501 })))).toEqual({
      name: 'BadRequestException',
      message: 'Invalid limit value. Must be between 1 and 500.',
      status: 400,
    });
  });

  it('are deleted with their API', async () => {
    const restApiId = await newApi();
    await createVersion({ restApiId, documentationVersion: '1.0' });
    await portico.client.send(new DeleteRestApiCommand({ restApiId }));
    expect(await failure(getVersion(restApiId, '1.0'))).toMatchObject({ name: 'NotFoundException', status: 404 });
  });
});

describe("the stage's documentationVersion", () => {
  it('CreateDocumentationVersion with stageName associates the stage (DG "Create a documentation snapshot and associate it with an API stage")', async () => {
    const restApiId = await newApiWithStage();
    await createVersion({ restApiId, documentationVersion: '1.0.0', stageName: 'prod' });
    expect((await portico.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).documentationVersion).toBe('1.0.0');
  });

  it('round-trips through CreateStage and UpdateStage `replace /documentationVersion` (DG "Associate a documentation snapshot with an API stage")', async () => {
    const restApiId = await newApiWithStage();
    await createVersion({ restApiId, documentationVersion: 'a' });
    await createVersion({ restApiId, documentationVersion: 'b' });
    const { deploymentId } = await portico.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }));
    const created = await portico.client.send(new CreateStageCommand({ restApiId, stageName: 'beta', deploymentId, documentationVersion: 'a' }));
    expect(created.documentationVersion).toBe('a');
    const updated = await portico.client.send(new UpdateStageCommand({ restApiId, stageName: 'beta', patchOperations: [{ op: 'replace', path: '/documentationVersion', value: 'b' }] }));
    expect(updated.documentationVersion).toBe('b');
    expect((await portico.client.send(new GetStageCommand({ restApiId, stageName: 'beta' }))).documentationVersion).toBe('b');
    // UNCONFIRMED: `remove` dissociates, as for the stage's other optional strings.
    const removed = await portico.client.send(new UpdateStageCommand({ restApiId, stageName: 'beta', patchOperations: [{ op: 'remove', path: '/documentationVersion' }] }));
    expect(removed.documentationVersion).toBeUndefined();
  });
});

describe('the snapshot', () => {
  it('GetExport of a stage associated with a version writes that version\'s parts as they were when it was created, with its version and createdDate (DG "Download a documentation snapshot associated with a stage")', async () => {
    const restApiId = await newApiWithStage();
    const part = await createPart(restApiId, '{"description":"before"}');
    await createVersion({ restApiId, documentationVersion: '1.0', stageName: 'prod' });
    // Changes after the version was created: the part's properties, and a new part.
    await portico.client.send(new UpdateDocumentationPartCommand({ restApiId, documentationPartId: part.id, patchOperations: [{ op: 'replace', path: '/properties', value: '{"description":"after"}' }] }));
    await portico.client.send(new CreateDocumentationPartCommand({ restApiId, location: { type: 'RESOURCE', path: '/' }, properties: '{"description":"new"}' }));
    // AWS: `version` and `createdDate` (second-precision ISO text) sit beside the parts (DG example "1.0.0", "2016-11-22T22:41:40Z").
    expect(await exportedDocumentation(restApiId)).toEqual({
      version: '1.0',
      createdDate: new Date(Math.floor(START / 1000) * 1000).toISOString().replace('.000Z', 'Z'),
      documentationParts: [{ location: { type: 'API' }, properties: { description: 'before' } }],
    });
    // A version created now freezes the current parts; associating it changes what the stage exports.
    await createVersion({ restApiId, documentationVersion: '2.0' });
    await portico.client.send(new UpdateStageCommand({ restApiId, stageName: 'prod', patchOperations: [{ op: 'replace', path: '/documentationVersion', value: '2.0' }] }));
    expect(await exportedDocumentation(restApiId)).toMatchObject({
      version: '2.0',
      documentationParts: [
        { location: { type: 'API' }, properties: { description: 'after' } },
        { location: { type: 'RESOURCE', path: '/' }, properties: { description: 'new' } },
      ],
    });
  });

  it('a stage without a version, or whose version was deleted, exports the current parts without version or createdDate (UNCONFIRMED)', async () => {
    const restApiId = await newApiWithStage();
    await createPart(restApiId, '{"description":"current"}');
    const current = { documentationParts: [{ location: { type: 'API' }, properties: { description: 'current' } }] };
    expect(await exportedDocumentation(restApiId)).toEqual(current);
    await createVersion({ restApiId, documentationVersion: 'old', stageName: 'prod' });
    await portico.client.send(new DeleteDocumentationVersionCommand({ restApiId, documentationVersion: 'old' }));
    // UNCONFIRMED: deleting a version a stage is associated with is allowed, and the stage keeps the name.
    expect((await portico.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).documentationVersion).toBe('old');
    expect(await exportedDocumentation(restApiId)).toEqual(current);
  });
});

describe('restart', () => {
  it('keeps versions, their snapshots and the stage association across a restart, like every management record', async () => {
    let restartable = await startTestPortico({ clock });
    try {
      const restApiId = await newApiWithStage(restartable.client);
      const part = await createPart(restApiId, '{"description":"frozen"}', restartable.client);
      const created = await createVersion({ restApiId, documentationVersion: '1.0', description: 'kept', stageName: 'prod' }, restartable.client);
      await restartable.client.send(new UpdateDocumentationPartCommand({ restApiId, documentationPartId: part.id, patchOperations: [{ op: 'replace', path: '/properties', value: '{"description":"edited"}' }] }));

      restartable = await restartable.restart();
      const got = await getVersion(restApiId, '1.0', restartable.client);
      expect({ version: got.version, createdDate: got.createdDate, description: got.description }).toEqual({ version: '1.0', createdDate: created.createdDate, description: 'kept' });
      expect((await restartable.client.send(new GetStageCommand({ restApiId, stageName: 'prod' }))).documentationVersion).toBe('1.0');
      expect(await exportedDocumentation(restApiId, restartable.client)).toMatchObject({ version: '1.0', documentationParts: [{ location: { type: 'API' }, properties: { description: 'frozen' } }] });
    } finally {
      await restartable.close();
    }
  });
});
