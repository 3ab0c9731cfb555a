// GetModels and GetModel (reference §4, §8.1): the reads the method-level operations rely on.
// Models are stored per API under their name; CreateRestApi adds `Empty` and `Error`.
// CreateModel, UpdateModel, DeleteModel and GetModelTemplate are a separate family still to come.

import { collections } from '../../store/collections.js';
import { notFound } from '../management-error.js';
import type { OperationDefinition } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { paginate } from './pagination.js';

const getModels: OperationDefinition = {
  name: 'GetModels',
  method: 'GET',
  path: '/restapis/{restapi_id}/models',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    return { status: 200, body: paginate(await tx.list(collections.model, input.region, api.id), input.query) };
  },
};

const getModel: OperationDefinition = {
  name: 'GetModel',
  method: 'GET',
  path: '/restapis/{restapi_id}/models/{model_name}',
  async run(input, { tx }) {
    const name = input.params.model_name ?? '';
    const model = await tx.get(collections.model, input.region, input.params.restapi_id ?? '', name);
    // AWS: an unknown API and an unknown model both answer `Invalid model name specified: X` (test: methods.test.ts).
    if (!model) throw notFound(`Invalid model name specified: ${name}`);
    return { status: 200, body: model };
  },
};

export const modelReadOperations: OperationDefinition[] = [getModels, getModel];
