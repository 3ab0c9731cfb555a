// createModelCompiler / isValidDraft4Schema: one ajv per deployment, `$ref`s between models by
// canonical URL, draft-4 semantics, and what Portico ignores (formats, unknown keywords, ids).

import { describe, expect, it } from 'vitest';
import type { Model } from '../model/rest-api.js';
import { createModelCompiler, isValidDraft4Schema, ModelCompileError } from './compile-models.js';

const model = (name: string, schema: unknown): Model => ({ id: name.toLowerCase().slice(0, 6), name, schema: JSON.stringify(schema), contentType: 'application/json' });
const ref = (name: string): string => `https://apigateway.amazonaws.com/restapis/api1/models/${name}`;

describe('createModelCompiler', () => {
  const pet = model('Pet', { type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } } });
  const owner = model('Owner', { type: 'object', properties: { pet: { $ref: ref('Pet') }, pets: { type: 'array', items: { $ref: ref('Pet') } } } });
  const either = model('Either', { oneOf: [{ $ref: ref('Pet') }, { type: 'string' }] });

  it('resolves $refs between models by their canonical URL, oneOf included', () => {
    const compiler = createModelCompiler('api1', [pet, owner, either]);
    const validate = compiler.get('Owner')!.validate;
    expect(validate({ pet: { name: 'rex' }, pets: [{ name: 'a' }] })).toBe(true);
    expect(validate({ pet: {} })).toBe(false);
    expect(validate({ pets: [{ name: 'a', age: -1 }] })).toBe(false);
    expect(compiler.get('Either')!.validate('text')).toBe(true);
    expect(compiler.get('Either')!.validate({ name: 'x' })).toBe(true);
    expect(compiler.get('Either')!.validate(3)).toBe(false);
  });

  it('compiles each model once and explains failures in AWS wording', () => {
    const compiler = createModelCompiler('api1', [pet, owner]);
    const compiled = compiler.get('Owner')!;
    expect(compiler.get('Owner')).toBe(compiled);
    expect(compiled.explain({ pet: {} })).toBe('[object has missing required properties (["name"])]');
    expect(compiler.get('Missing')).toBeUndefined();
  });

  it('reads draft 4: boolean exclusiveMinimum, `$schema` ignored', () => {
    const compiler = createModelCompiler('api1', [model('N', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'number', minimum: 1, exclusiveMinimum: true })]);
    expect(compiler.get('N')!.validate(1)).toBe(false);
    expect(compiler.get('N')!.validate(1.5)).toBe(true);
  });

  it('ignores formats, unknown keywords and `id`s (UNCONFIRMED: what AWS checks)', () => {
    const compiler = createModelCompiler('api1', [
      model('A', { id: 'http://jsonschema.net', type: 'object', example: { x: 1 }, properties: { mail: { id: 'http://jsonschema.net/mail', type: 'string', format: 'email' } } }),
      model('B', { id: 'http://jsonschema.net', type: 'object' }),
    ]);
    expect(compiler.get('A')!.validate({ mail: 'not an email' })).toBe(true);
    expect(compiler.get('B')!.validate({})).toBe(true);
  });

  it('skips models whose schema is not JSON; a dangling $ref fails to compile', () => {
    const compiler = createModelCompiler('api1', [model('Bad', 'x'), { ...pet, name: 'Text', schema: 'not json' }, model('Dangling', { $ref: ref('Nope') })]);
    expect(compiler.get('Text')).toBeUndefined();
    expect(() => compiler.get('Dangling')).toThrow(ModelCompileError);
  });
});

describe('isValidDraft4Schema', () => {
  it.each([
    [{ type: 'object' }, true],
    [{ $schema: 'http://json-schema.org/draft-04/schema#', title: 'Empty Schema', type: 'object' }, true],
    // AWS: an empty `required` is `Invalid model schema specified` (observed).
    [{ type: 'object', required: [] }, false],
    [{ type: 'String' }, false],
    [{ properties: { a: 'string' } }, false],
    [{ minLength: -1 }, false],
  ])('%j → %s', (schema, valid) => {
    expect(isValidDraft4Schema(schema)).toBe(valid);
  });
});
