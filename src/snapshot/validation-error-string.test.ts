// renderValidationErrorString: AWS's `$context.error.validationErrorString` wording (the Java
// json-schema-validator's messages, as observed in API Gateway responses) and its report shape.

import { describe, expect, it } from 'vitest';
import type { JsonValue, SchemaObject } from '../model/model-schema.js';
import { renderValidationErrorString } from './validation-error-string.js';

const render = (schema: SchemaObject, instance: JsonValue, others: Record<string, SchemaObject> = {}): string =>
  renderValidationErrorString(schema, new Map(Object.entries(others)), instance);

describe('messages observed on AWS', () => {
  it('required: missing names sorted, as a JSON array', () => {
    const schema = { type: 'object', required: ['username', 'fullName', 'email'] };
    expect(render(schema, { username: 'u' })).toBe('[object has missing required properties (["email","fullName"])]');
    expect(render({ required: ['transactionState', 'transactionId', 'timestamp'] }, {})).toBe(
      '[object has missing required properties (["timestamp","transactionId","transactionState"])]',
    );
  });

  it('additionalProperties: false lists the unwanted properties', () => {
    const schema = { type: 'object', properties: { username: { type: 'string' } }, additionalProperties: false };
    expect(render(schema, { username: 'u', foo: 'bar' })).toBe('[object instance has properties which are not allowed by the schema: ["foo"]]');
  });

  it('type: a number type allows integer; the found type is named', () => {
    expect(render({ type: 'object', properties: { a: { type: 'number' } } }, { a: '100' })).toBe(
      '[instance type (string) does not match any allowed primitive type (allowed: ["integer","number"])]',
    );
    expect(render({ properties: { id: { type: 'string' } } }, { id: true })).toBe('[instance type (boolean) does not match any allowed primitive type (allowed: ["string"])]');
    expect(render({ type: 'integer' }, 1.5)).toBe('[instance type (number) does not match any allowed primitive type (allowed: ["integer"])]');
  });

  it('minimum, enum and oneOf', () => {
    expect(render({ properties: { t: { type: 'integer', minimum: 315529200000 } } }, { t: 1 })).toBe(
      '[numeric instance is lower than the required minimum (minimum: 315529200000, found: 1)]',
    );
    expect(render({ enum: ['CREATED', 'SENT'] }, 'INVALID')).toBe('[instance value ("INVALID") not found in enum (possible values: ["CREATED","SENT"])]');
    expect(render({ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] }, null)).toBe(
      '[instance failed to match exactly one schema (matched 0 out of 3)]',
    );
  });
});

describe('the Java validator wording for the other keywords', () => {
  it.each<[string, SchemaObject, JsonValue, string]>([
    ['maximum', { maximum: 5 }, 6, 'numeric instance is greater than the required maximum (maximum: 5, found: 6)'],
    ['exclusiveMaximum', { maximum: 5, exclusiveMaximum: true }, 5, 'numeric instance is not strictly lower than the required maximum 5'],
    ['exclusiveMinimum', { minimum: 5, exclusiveMinimum: true }, 5, 'numeric instance is not strictly greater than the required minimum 5'],
    ['minLength', { minLength: 5 }, 'x', 'string "x" is too short (length: 1, required minimum: 5)'],
    ['maxLength', { maxLength: 3 }, 'abcd', 'string "abcd" is too long (length: 4, maximum allowed: 3)'],
    ['pattern', { pattern: '^[a-z]+$' }, 'A1', 'ECMA 262 regex "^[a-z]+$" does not match input string "A1"'],
    ['minItems', { minItems: 1 }, [], 'array is too short: must have at least 1 elements but instance has 0 elements'],
    ['maxItems', { maxItems: 1 }, [1, 2], 'array is too long: must have at most 1 elements but instance has 2 elements'],
    ['uniqueItems', { uniqueItems: true }, [{ a: 1 }, { a: 1 }], 'array must not contain duplicate elements'],
    ['additionalItems', { items: [{}], additionalItems: false }, [1, 2], 'schema only allows 1 elements in array but instance has 2 elements'],
    ['minProperties', { minProperties: 1 }, {}, 'object has too few properties (found 0 but schema requires at least 1)'],
    ['maxProperties', { maxProperties: 1 }, { a: 1, b: 2 }, 'object has too many properties (found 2 but schema requires at most 1)'],
    ['multipleOf', { multipleOf: 2 }, 7, 'remainder of division is not zero (7 / 2)'],
    ['allOf', { allOf: [{ type: 'object' }, { required: ['x'] }] }, {}, 'instance failed to match all required schemas (matched only 1 out of 2)'],
    ['anyOf', { anyOf: [{ type: 'string' }, { type: 'integer' }] }, true, 'instance failed to match at least one required schema among 2'],
    ['not', { not: { type: 'string' } }, 's', 'instance matched a schema which it should not have'],
    ['dependencies', { dependencies: { a: ['b', 'c'] } }, { a: 1, c: 1 }, 'property "a" of object has missing property dependencies (schema requires ["b","c"]; missing: ["b"])'],
  ])('%s', (_keyword, schema, instance, message) => {
    expect(render(schema, instance)).toBe(`[${message}]`);
  });
});

describe('report shape', () => {
  it('reports keywords of one node in alphabetical order, comma separated', () => {
    const schema = { type: 'object', required: ['a'], additionalProperties: false, properties: { b: {} } };
    expect(render(schema, { c: 1 })).toBe(
      '[object instance has properties which are not allowed by the schema: ["c"], object has missing required properties (["a"])]',
    );
  });

  it('does not descend into children once the report holds an error; fields are visited sorted', () => {
    const schema = { type: 'object', required: ['z'], properties: { a: { type: 'string' } } };
    expect(render(schema, { a: 1 })).toBe('[object has missing required properties (["z"])]');
    const nested = { properties: { b: { properties: { y: { type: 'string' } } }, a: { properties: { x: { type: 'string' } } } } };
    expect(render(nested, { b: { y: 1 }, a: { x: 1 } })).toBe('[instance type (integer) does not match any allowed primitive type (allowed: ["string"])]');
    const flat = { properties: { b: { type: 'string' }, a: { type: 'string' } } };
    expect(render(flat, { b: 1, a: 2 })).toBe(
      '[instance type (integer) does not match any allowed primitive type (allowed: ["string"]), instance type (integer) does not match any allowed primitive type (allowed: ["string"])]',
    );
  });

  it('follows $refs to other models (canonical URLs) and inside the schema', () => {
    const petUrl = 'https://apigateway.amazonaws.com/restapis/api1/models/Pet';
    const pet = { type: 'object', required: ['name'] };
    const owner = { properties: { pet: { $ref: petUrl }, tag: { $ref: '#/definitions/tag' } }, definitions: { tag: { type: 'string' } } };
    expect(render(owner, { pet: {} }, { [petUrl]: pet })).toBe('[object has missing required properties (["name"])]');
    expect(render(owner, { tag: 1 }, { [petUrl]: pet })).toBe('[instance type (integer) does not match any allowed primitive type (allowed: ["string"])]');
    expect(render({ oneOf: [{ $ref: petUrl }, { type: 'string' }] }, {}, { [petUrl]: pet })).toBe('[instance failed to match exactly one schema (matched 0 out of 2)]');
  });

  it('stops on a $ref cycle', () => {
    const url = 'https://apigateway.amazonaws.com/restapis/api1/models/Loop';
    expect(render({ $ref: url }, 1, { [url]: { $ref: url } })).toBe('[]');
  });
});
