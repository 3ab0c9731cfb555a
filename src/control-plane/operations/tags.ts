// GetTags, TagResource, UntagResource (reference §8.1: GET/PUT/DELETE `/tags/{resource_arn}`,
// 200/204/204) for REST APIs `arn:aws:apigateway:{region}::/restapis/{id}` and their stages
// `.../restapis/{id}/stages/{name}`. AWS: GetTags returns a resource's own tags only, never the
// ones a stage inherits from its API (developer guide, "Tag inheritance").

import { collections } from '../../store/collections.js';
import type { StoreWriter } from '../../store/store.js';
import { badRequest } from '../management-error.js';
import { readStringMap } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { checkTags, requireStage } from './stage-records.js';

const ARN = /^arn:[a-z-]+:apigateway:([a-z0-9-]+)::\/restapis\/([^/]+)(?:\/stages\/([^/]+))?$/;

/** A taggable resource: read its tags, write them back. */
interface Taggable {
  tags: Record<string, string>;
  save(tags: Record<string, string>): Promise<void>;
}

/** Finds the resource an ARN names; the ARN's region is where it lives. */
async function findTaggable(tx: StoreWriter, input: OperationInput): Promise<Taggable> {
  const arn = input.params.resource_arn ?? '';
  const match = ARN.exec(arn);
  // Message UNCONFIRMED.
  if (!match) throw badRequest(`Invalid resource ARN specified: ${arn}`);
  const [, region = '', apiId = '', stageName] = match;
  const scoped: OperationInput = { ...input, region };
  const api = await requireRestApi(tx, scoped, apiId);
  if (stageName === undefined) {
    return {
      tags: { ...api.tags },
      save: async (tags) => {
        const { tags: _old, ...rest } = api;
        await tx.put(collections.restApi, { region, parent: '', id: api.id }, Object.keys(tags).length > 0 ? { ...rest, tags } : rest);
      },
    };
  }
  const stage = await requireStage(tx, scoped, api.id, stageName);
  return {
    tags: { ...stage.tags },
    save: async (tags) => {
      const { tags: _old, ...rest } = stage;
      await tx.put(collections.stage, { region, parent: api.id, id: stage.stageName }, Object.keys(tags).length > 0 ? { ...rest, tags } : rest);
    },
  };
}

const getTags: OperationDefinition = {
  name: 'GetTags',
  method: 'GET',
  path: '/tags/{resource_arn}',
  async run(input, { tx }) {
    const resource = await findTaggable(tx, input);
    return { status: 200, body: { tags: resource.tags } };
  },
};

const tagResource: OperationDefinition = {
  name: 'TagResource',
  method: 'PUT',
  path: '/tags/{resource_arn}',
  async run(input, { tx }) {
    const resource = await findTaggable(tx, input);
    const tags = { ...resource.tags, ...readStringMap(input.body, 'tags') };
    checkTags(tags);
    await resource.save(tags);
    return { status: 204 };
  },
};

const untagResource: OperationDefinition = {
  name: 'UntagResource',
  method: 'DELETE',
  path: '/tags/{resource_arn}',
  async run(input, { tx }) {
    const resource = await findTaggable(tx, input);
    const tags = { ...resource.tags };
    for (const key of input.query.getAll('tagKeys').flatMap((value) => value.split(','))) delete tags[key];
    await resource.save(tags);
    return { status: 204 };
  },
};

export const tagOperations: OperationDefinition[] = [getTags, tagResource, untagResource];
