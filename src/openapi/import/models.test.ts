// Unit tests of OpenAPI schemas → API Gateway models: names, `$ref` rewriting and AWS's import warnings.

import { describe, expect, it } from 'vitest';
import { convertDocumentModels, documentSchemas, importableSchemaNames, modelNameForSchema } from './models.js';
import type { ConvertContext } from './convert-context.js';
import type { JsonObject } from './json-values.js';

/** A ConvertContext over a literal document. */
function createTestContext(root: JsonObject, version: 2 | 3 = 3): ConvertContext {
  const warnings: string[] = [];
  return {
    root,
    version,
    options: { apiId: 'api1234567', region: 'eu-west-1', accountId: '123456789012', basePath: 'ignore' },
    warnings,
    errors: [],
    models: new Map(),
    schemaNames: importableSchemaNames(documentSchemas(root, version), warnings),
  };
}

const URL = 'https://apigateway.amazonaws.com/restapis/api1234567/models';

describe('models', () => {
  it('rewrites $refs to canonical model URLs and drops OpenAPI-only keywords, but not properties of those names', () => {
    const root = {
      components: {
        schemas: {
          Pet: { type: 'object', description: 'A pet', example: { id: 1 }, nullable: true, 'x-extra': 1, properties: { example: { type: 'string', readOnly: true }, owner: { $ref: '#/components/schemas/Owner' } } },
          Owner: { type: 'object', discriminator: { propertyName: 'kind' } },
        },
      },
    };
    const ctx = createTestContext(root);
    convertDocumentModels(ctx, documentSchemas(root, 3));
    const pet = ctx.models.get('Pet')!;
    expect(pet.description).toBe('A pet');
    expect(JSON.parse(pet.schema)).toEqual({ type: 'object', description: 'A pet', properties: { example: { type: 'string' }, owner: { $ref: `${URL}/Owner` } } });
    expect(JSON.parse(ctx.models.get('Owner')!.schema)).toEqual({ type: 'object' });
    expect(ctx.warnings).toEqual([]);
  });

  it('ignores non-alphanumeric model names and references to missing models with warnings', () => {
    const root = { definitions: { inline_response_200: { type: 'object' }, Ok: { type: 'object', properties: { a: { $ref: '#/definitions/Missing' } } } } };
    const ctx = createTestContext(root, 2);
    convertDocumentModels(ctx, documentSchemas(root, 2));
    expect([...ctx.models.keys()]).toEqual(['Ok']);
    expect(JSON.parse(ctx.models.get('Ok')!.schema)).toEqual({ type: 'object', properties: { a: {} } });
    expect(ctx.warnings).toEqual(['Model name must be alphanumeric: inline_response_200', "Reference to model 'Missing' not found. Ignoring."]);
  });

  it('names a model for inline object schemas (stable), none for primitive ones', () => {
    const ctx = createTestContext({ components: { schemas: { Pet: { type: 'object' } } } });
    expect(modelNameForSchema(ctx, { $ref: '#/components/schemas/Pet' })).toBe('Pet');
    const inline = { type: 'object', properties: { id: { type: 'string' } } };
    const name = modelNameForSchema(ctx, inline);
    expect(name).toMatch(/^MODEL[0-9a-f]{6}$/);
    expect(modelNameForSchema(ctx, structuredClone(inline))).toBe(name);
    expect(modelNameForSchema(ctx, { type: 'string' })).toBeUndefined();
    expect(modelNameForSchema(ctx, { $ref: '#/components/schemas/Nope' })).toBeUndefined();
    expect(ctx.warnings).toEqual(["Reference to model 'Nope' not found. Ignoring."]);
  });
});
