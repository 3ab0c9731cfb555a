// Resource operations through the real AWS SDK: the tree (paths, greedy and variable parts,
// siblings), listing with `embed=methods` and paging, moving/renaming a subtree, deleting a subtree,
// AWS's exact messages, and that a rejected update changes nothing.

import {
  CreateResourceCommand,
  CreateRestApiCommand,
  DeleteResourceCommand,
  GetResourceCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateResourceCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';

let portico: TestPortico;
beforeAll(async () => {
  portico = await startTestPortico();
});
afterAll(() => portico.close());

async function expectError(promise: Promise<unknown>, name: string, message: string, status: number): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ name, message, $metadata: { httpStatusCode: status } });
}

async function newApi(): Promise<{ apiId: string; rootId: string }> {
  const api = await portico.client.send(new CreateRestApiCommand({ name: 'tree' }));
  return { apiId: api.id!, rootId: api.rootResourceId! };
}

async function create(apiId: string, parentId: string, pathPart: string): Promise<string> {
  const resource = await portico.client.send(new CreateResourceCommand({ restApiId: apiId, parentId, pathPart }));
  return resource.id!;
}

const INVALID_PART =
  "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.";

describe('CreateResource', () => {
  it('answers 201 with a 6-character id, parentId, pathPart and the full path', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await portico.client.send(new CreateResourceCommand({ restApiId: apiId, parentId: rootId, pathPart: 'pets' }));
    expect(pets.$metadata.httpStatusCode).toBe(201);
    expect(pets.id).toMatch(/^[a-z0-9]{6}$/);
    expect(pets).toMatchObject({ parentId: rootId, pathPart: 'pets', path: '/pets' });
    const petId = await portico.client.send(new CreateResourceCommand({ restApiId: apiId, parentId: pets.id, pathPart: '{petId}' }));
    expect(petId).toMatchObject({ parentId: pets.id, pathPart: '{petId}', path: '/pets/{petId}' });
  });

  it('accepts greedy, variable, colon and dash parts (AWS)', async () => {
    const { apiId, rootId } = await newApi();
    for (const part of ['{proxy+}', 'us:er_0-9', 'v1.2']) await create(apiId, rootId, part);
    const parent = await create(apiId, rootId, 'parent');
    await expect(create(apiId, parent, '{pro:xy+}')).resolves.toMatch(/^[a-z0-9]{6}$/);
  });

  it.each(['{a}{b}', 'us+er', 'us{er', 'a/b', '{proxy+}x', '{}', ''])('refuses the path part %j', async (part) => {
    const { apiId, rootId } = await newApi();
    await expectError(create(apiId, rootId, part), 'BadRequestException', INVALID_PART, 400);
  });

  it('allows only one variable child per parent, naming the sibling (AWS)', async () => {
    const { apiId, rootId } = await newApi();
    await create(apiId, rootId, '{proxy+}');
    await expectError(
      create(apiId, rootId, '{id}'),
      'BadRequestException',
      'A sibling ({proxy+}) of this resource already has a variable path part -- only one is allowed',
      400,
    );
    await expect(create(apiId, rootId, 'literal')).resolves.toBeDefined();
  });

  it('refuses any child of a greedy resource (AWS)', async () => {
    const { apiId, rootId } = await newApi();
    const proxy = await create(apiId, rootId, '{proxy+}');
    for (const part of ['static', '{dynamic}']) {
      await expectError(create(apiId, proxy, part), 'BadRequestException', 'Cannot create a child of a resource with a greedy path variable: {proxy+}', 400);
    }
  });

  it('answers 409 for a duplicate sibling name', async () => {
    const { apiId, rootId } = await newApi();
    await create(apiId, rootId, 'pets');
    await expectError(create(apiId, rootId, 'pets'), 'ConflictException', 'Another resource with the same parent already has this name: pets', 409);
  });

  it('answers 404 for an unknown parent and for an unknown API', async () => {
    const { apiId } = await newApi();
    await expectError(create(apiId, 'nope00', 'pets'), 'NotFoundException', 'Invalid Resource identifier specified', 404);
    await expectError(create('missingapi', 'nope00', 'pets'), 'NotFoundException', 'Invalid API identifier specified 000000000000:missingapi', 404);
  });
});

describe('GetResources and GetResource', () => {
  it('lists every resource ordered by path and pages with limit/position', async () => {
    const { apiId, rootId } = await newApi();
    const b = await create(apiId, rootId, 'b');
    await create(apiId, b, 'child');
    await create(apiId, rootId, 'a');
    const all = await portico.client.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(all.items?.map((r) => r.path)).toEqual(['/', '/a', '/b', '/b/child']);
    expect(all.items?.[0]).toEqual({ id: rootId, path: '/' });
    const first = await portico.client.send(new GetResourcesCommand({ restApiId: apiId, limit: 3 }));
    expect(first.items).toHaveLength(3);
    const second = await portico.client.send(new GetResourcesCommand({ restApiId: apiId, limit: 3, position: first.position }));
    expect(second.items?.map((r) => r.path)).toEqual(['/b/child']);
    expect(second.position).toBeUndefined();
  });

  it('lists methods as stubs, or in full with embed=methods', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await create(apiId, rootId, 'pets');
    await portico.client.send(new PutMethodCommand({ restApiId: apiId, resourceId: pets, httpMethod: 'GET', authorizationType: 'NONE' }));
    await portico.client.send(new PutIntegrationCommand({ restApiId: apiId, resourceId: pets, httpMethod: 'GET', type: 'MOCK' }));
    const plain = await portico.client.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(plain.items?.find((r) => r.id === pets)?.resourceMethods).toEqual({ GET: {} });
    expect(plain.items?.find((r) => r.id === rootId)?.resourceMethods).toBeUndefined();
    const embedded = await portico.client.send(new GetResourcesCommand({ restApiId: apiId, embed: ['methods'] }));
    expect(embedded.items?.find((r) => r.id === pets)?.resourceMethods?.GET).toMatchObject({
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
      methodIntegration: { type: 'MOCK', cacheNamespace: pets },
    });
    const one = await portico.client.send(new GetResourceCommand({ restApiId: apiId, resourceId: pets, embed: ['methods'] }));
    expect(one.resourceMethods?.GET?.methodIntegration?.type).toBe('MOCK');
    expect((await portico.client.send(new GetResourceCommand({ restApiId: apiId, resourceId: pets }))).resourceMethods).toEqual({ GET: {} });
  });

  it('answers 404 for unknown API and resource', async () => {
    const { apiId } = await newApi();
    await expectError(portico.client.send(new GetResourcesCommand({ restApiId: 'nope' })), 'NotFoundException', 'Invalid API identifier specified 000000000000:nope', 404);
    await expectError(portico.client.send(new GetResourceCommand({ restApiId: apiId, resourceId: 'nope00' })), 'NotFoundException', 'Invalid Resource identifier specified', 404);
  });
});

describe('UpdateResource', () => {
  const update = (apiId: string, resourceId: string, patchOperations: Array<{ op: 'replace' | 'add' | 'remove'; path: string; value?: string }>) =>
    portico.client.send(new UpdateResourceCommand({ restApiId: apiId, resourceId, patchOperations }));

  it('renames a resource and rewrites the paths of its whole subtree', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await create(apiId, rootId, 'pets');
    const petId = await create(apiId, pets, '{petId}');
    const toys = await create(apiId, petId, 'toys');
    const renamed = await update(apiId, pets, [{ op: 'replace', path: '/pathPart', value: 'dogs' }]);
    expect(renamed).toMatchObject({ id: pets, parentId: rootId, pathPart: 'dogs', path: '/dogs' });
    expect((await portico.client.send(new GetResourceCommand({ restApiId: apiId, resourceId: toys }))).path).toBe('/dogs/{petId}/toys');
  });

  it('moves a subtree under a new parent', async () => {
    const { apiId, rootId } = await newApi();
    const v1 = await create(apiId, rootId, 'v1');
    const pets = await create(apiId, rootId, 'pets');
    const petId = await create(apiId, pets, '{petId}');
    const moved = await update(apiId, pets, [{ op: 'replace', path: '/parentId', value: v1 }]);
    expect(moved).toMatchObject({ parentId: v1, path: '/v1/pets' });
    expect((await portico.client.send(new GetResourceCommand({ restApiId: apiId, resourceId: petId }))).path).toBe('/v1/pets/{petId}');
    const listed = await portico.client.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(listed.items?.map((r) => r.path)).toEqual(['/', '/v1', '/v1/pets', '/v1/pets/{petId}']);
  });

  it('uses AWS messages for unsupported paths and ops (two spaces after "path")', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await create(apiId, rootId, 'pets');
    await expectError(
      update(apiId, pets, [{ op: 'replace', path: '/invalid', value: 'x' }]),
      'BadRequestException',
      "Invalid patch path  '/invalid' specified for op 'replace'. Must be one of: [/parentId, /pathPart]",
      400,
    );
    await expectError(
      update(apiId, pets, [{ op: 'add', path: '/pathPart', value: 'x' }]),
      'BadRequestException',
      "Invalid patch path  '/pathPart' specified for op 'add'. Please choose supported operations",
      400,
    );
  });

  it('refuses cycles, root moves, unknown parents and duplicate names', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await create(apiId, rootId, 'pets');
    const sub = await create(apiId, pets, 'sub');
    await create(apiId, rootId, 'cats');
    await expectError(update(apiId, pets, [{ op: 'replace', path: '/parentId', value: sub }]), 'BadRequestException', 'Resources cannot be cyclical.', 400);
    await expectError(update(apiId, pets, [{ op: 'replace', path: '/parentId', value: pets }]), 'BadRequestException', 'Resources cannot be cyclical.', 400);
    await expectError(update(apiId, rootId, [{ op: 'replace', path: '/parentId', value: pets }]), 'BadRequestException', 'Root resource cannot update its parentId.', 400);
    await expectError(update(apiId, pets, [{ op: 'replace', path: '/parentId', value: 'nope00' }]), 'NotFoundException', 'Invalid Resource identifier specified', 404);
    await expectError(
      update(apiId, pets, [{ op: 'replace', path: '/pathPart', value: 'cats' }]),
      'ConflictException',
      'Another resource with the same parent already has this name: cats',
      409,
    );
    await expectError(update(apiId, pets, [{ op: 'replace', path: '/pathPart', value: '{a}{b}' }]), 'BadRequestException', INVALID_PART, 400);
  });

  it('changes nothing when one operation of the patch is rejected', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await create(apiId, rootId, 'pets');
    const sub = await create(apiId, pets, 'sub');
    await expectError(
      update(apiId, pets, [
        { op: 'replace', path: '/pathPart', value: 'renamed' },
        { op: 'replace', path: '/parentId', value: sub },
      ]),
      'BadRequestException',
      'Resources cannot be cyclical.',
      400,
    );
    const after = await portico.client.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(after.items?.map((r) => r.path)).toEqual(['/', '/pets', '/pets/sub']);
  });
});

describe('DeleteResource', () => {
  it('answers 202 and deletes the whole subtree', async () => {
    const { apiId, rootId } = await newApi();
    const pets = await create(apiId, rootId, 'pets');
    const petId = await create(apiId, pets, '{petId}');
    await create(apiId, petId, 'toys');
    await create(apiId, rootId, 'cats');
    const deleted = await portico.client.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: pets }));
    expect(deleted.$metadata.httpStatusCode).toBe(202);
    const after = await portico.client.send(new GetResourcesCommand({ restApiId: apiId }));
    expect(after.items?.map((r) => r.path)).toEqual(['/', '/cats']);
    await expectError(portico.client.send(new GetResourceCommand({ restApiId: apiId, resourceId: petId })), 'NotFoundException', 'Invalid Resource identifier specified', 404);
    await expectError(
      portico.client.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: pets })),
      'NotFoundException',
      'Invalid Resource identifier specified',
      404,
    );
  });

  it('refuses to delete the root resource', async () => {
    const { apiId, rootId } = await newApi();
    await expectError(portico.client.send(new DeleteResourceCommand({ restApiId: apiId, resourceId: rootId })), 'BadRequestException', 'Cannot delete root resource', 400);
  });
});
