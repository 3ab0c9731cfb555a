// The OpenAPI round trip through the real AWS SDK (issue 8 §1): an API using every feature Portico
// supports (openapi-api.ts) is exported with extensions, the export is imported as a new API
// (ImportRestApi), which is deployed and exported again. Both exports must be the same document,
// and the Get* answers of both APIs must describe the same API (ids aside).

import {
  type APIGatewayClient,
  CreateDeploymentCommand,
  GetAuthorizersCommand,
  GetExportCommand,
  GetGatewayResponsesCommand,
  GetModelsCommand,
  GetRequestValidatorsCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  ImportRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from '../support/portico.js';
import { buildExportedApi, STAGE } from './openapi-api.js';

const EXTENSIONS = 'integrations,authorizers';

let portico: TestPortico;
let client: APIGatewayClient;
let originalId: string;

beforeAll(async () => {
  portico = await startTestPortico();
  client = portico.client;
  originalId = (await buildExportedApi(client, 'round-trip')).apiId;
});
afterAll(async () => {
  await portico.close();
});

async function exportText(restApiId: string, exportType: string, accepts = 'application/json'): Promise<string> {
  const output = await client.send(new GetExportCommand({ restApiId, stageName: STAGE, exportType, parameters: { extensions: EXTENSIONS }, accepts }));
  return Buffer.from(output.body!).toString('utf8');
}

async function importAndDeploy(body: string): Promise<string> {
  const imported = await client.send(new ImportRestApiCommand({ body: Buffer.from(body), failOnWarnings: true }));
  await client.send(new CreateDeploymentCommand({ restApiId: imported.id, stageName: STAGE }));
  return imported.id!;
}

/**
 * An export with the API ids and resource ids (cache namespaces) of the given APIs replaced by
 * names. An import keeps the cache namespace it reads, so the copy's is the original's resource id.
 */
async function comparable(text: string, ...restApiIds: string[]): Promise<unknown> {
  let normalized = text;
  for (const restApiId of restApiIds) {
    const resources = (await client.send(new GetResourcesCommand({ restApiId, limit: 500 }))).items ?? [];
    normalized = normalized.replaceAll(restApiId, '{apiId}');
    for (const resource of resources) normalized = normalized.replaceAll(`"${resource.id!}"`, JSON.stringify(`{resource ${resource.path!}}`));
  }
  return JSON.parse(normalized);
}

/**
 * GetRestApi, GetResources (with methods), GetModels, GetRequestValidators, GetAuthorizers,
 * GetGatewayResponses, with ids replaced by names; `original` names the cache namespaces an import kept.
 */
async function describeApi(restApiId: string, original?: string): Promise<unknown> {
  const api = await client.send(new GetRestApiCommand({ restApiId }));
  const resources = (await client.send(new GetResourcesCommand({ restApiId, embed: ['methods'], limit: 500 }))).items ?? [];
  const models = (await client.send(new GetModelsCommand({ restApiId, limit: 500 }))).items ?? [];
  const validators = (await client.send(new GetRequestValidatorsCommand({ restApiId, limit: 500 }))).items ?? [];
  const authorizers = (await client.send(new GetAuthorizersCommand({ restApiId, limit: 500 }))).items ?? [];
  const gatewayResponses = (await client.send(new GetGatewayResponsesCommand({ restApiId, limit: 500 }))).items ?? [];
  const names = new Map<string, string>([[restApiId, '{apiId}']]);
  for (const resource of resources) names.set(resource.id!, `{resource ${resource.path!}}`);
  const originalResources = original === undefined ? [] : ((await client.send(new GetResourcesCommand({ restApiId: original, limit: 500 }))).items ?? []);
  for (const resource of originalResources) names.set(resource.id!, `{resource ${resource.path!}}`);
  for (const validator of validators) names.set(validator.id!, `{validator ${validator.name!}}`);
  for (const authorizer of authorizers) names.set(authorizer.id!, `{authorizer ${authorizer.name!}}`);
  const description = {
    api: { name: api.name, description: api.description, binaryMediaTypes: api.binaryMediaTypes, apiKeySource: api.apiKeySource, policy: api.policy, minimumCompressionSize: api.minimumCompressionSize },
    resources: resources.map(({ id: _id, ...resource }) => resource).sort((a, b) => a.path!.localeCompare(b.path!)),
    // A model's description is not part of its schema: exports leave it out, so imports cannot restore it.
    models: models
      .map(({ id: _id, description: _description, schema, ...model }) => ({ ...model, schema: withoutDraft(schema) }))
      .sort((a, b) => a.name!.localeCompare(b.name!)),
    validators: validators.map(({ id: _id, ...validator }) => validator).sort((a, b) => a.name!.localeCompare(b.name!)),
    authorizers: authorizers.map(({ id: _id, ...authorizer }) => authorizer).sort((a, b) => a.name!.localeCompare(b.name!)),
    gatewayResponses: [...gatewayResponses].sort((a, b) => a.responseType!.localeCompare(b.responseType!)),
  };
  let text = JSON.stringify(description);
  for (const [id, name] of names) text = text.replaceAll(`"${id}"`, JSON.stringify(name)).replaceAll(`/${id}/`, `/${name}/`);
  return JSON.parse(text);
}

/** A model schema without `$schema`, which exports leave out (AWS-validated LocalStack snapshot). */
function withoutDraft(schema: string | undefined): unknown {
  if (schema === undefined) return undefined;
  const { $schema: _draft, ...rest } = JSON.parse(schema) as Record<string, unknown>;
  return rest;
}

describe('export → import → export', () => {
  for (const exportType of ['oas30', 'swagger']) {
    it(`reproduces the same API from its ${exportType} export`, async () => {
      const first = await exportText(originalId, exportType);
      const copyId = await importAndDeploy(first);
      const second = await exportText(copyId, exportType);
      expect(await comparable(second, copyId, originalId)).toEqual(await comparable(first, originalId));
      expect(await describeApi(copyId, originalId)).toEqual(await describeApi(originalId));
    });
  }

  it('reproduces the same API from a YAML export', async () => {
    const copyId = await importAndDeploy(await exportText(originalId, 'oas30', 'application/yaml'));
    expect(await comparable(await exportText(copyId, 'oas30'), copyId, originalId)).toEqual(await comparable(await exportText(originalId, 'oas30'), originalId));
  });
});
