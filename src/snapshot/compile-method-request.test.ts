// compileMethodRequest: what the method-request stage gets for a method — nothing without a
// validator or without anything to check, required parameters in message order, body models by
// lower-cased content type — and the deploy refusal for a model that cannot compile.

import { describe, expect, it } from 'vitest';
import { definitionOf, httpProxy } from '../../test/support/data-plane-harness.js';
import type { Method, Model, RequestValidator } from '../model/rest-api.js';
import { compileDeployment, INVALID_MODEL_SCHEMA } from './compile-deployment.js';
import { compileMethodRequest, compileRequiredParameters } from './compile-method-request.js';
import { createModelCompiler } from './compile-models.js';

const models: Model[] = [
  { id: 'm1', name: 'Pet', schema: '{"type":"object"}', contentType: 'application/json' },
  { id: 'm2', name: 'Text', schema: '{"type":"string"}', contentType: 'text/plain' },
];
const compiler = () => createModelCompiler('api1', models);
const validators = (validator: Partial<RequestValidator>) => new Map([['v1', { id: 'v1', validateRequestBody: false, validateRequestParameters: false, ...validator }]]);
const method = (fields: Partial<Method>): Method => ({ httpMethod: 'POST', authorizationType: 'NONE', apiKeyRequired: false, requestValidatorId: 'v1', ...fields });

describe('compileRequiredParameters', () => {
  it('keeps the required ones, sorted by key: header, path, querystring', () => {
    const required = compileRequiredParameters({
      'method.request.querystring.b': true,
      'method.request.querystring.a': true,
      'method.request.path.id': true,
      'method.request.header.X-Token': true,
      'method.request.multivalueheader.x-multi': true,
      'method.request.header.optional': false,
    });
    expect(required.map((parameter) => `${parameter.location}:${parameter.name}`)).toEqual(['header:X-Token', 'header:x-multi', 'path:id', 'querystring:a', 'querystring:b']);
    expect(required[0]?.lowerName).toBe('x-token');
  });
});

describe('compileMethodRequest', () => {
  const parameters = { 'method.request.header.x-a': true };

  it('is undefined without a validator, with an unknown one, or with nothing to check', () => {
    expect(compileMethodRequest(method({ requestValidatorId: undefined, requestParameters: parameters }), validators({ validateRequestParameters: true }), compiler)).toBeUndefined();
    expect(compileMethodRequest(method({ requestValidatorId: 'gone', requestParameters: parameters }), validators({ validateRequestParameters: true }), compiler)).toBeUndefined();
    expect(compileMethodRequest(method({ requestParameters: parameters }), validators({ validateRequestBody: true }), compiler)).toBeUndefined();
    expect(compileMethodRequest(method({ requestModels: { 'application/json': 'Pet' } }), validators({ validateRequestParameters: true }), compiler)).toBeUndefined();
  });

  it('maps body models by lower-cased content type, `$default` apart', () => {
    const compiled = compileMethodRequest(method({ requestModels: { 'Application/JSON': 'Pet', $default: 'Text' } }), validators({ validateRequestBody: true }), compiler)!;
    expect([...compiled.bodyModels!.keys()]).toEqual(['application/json']);
    expect(compiled.defaultBodyModel?.name).toBe('Text');
    expect(compiled.requiredParameters).toEqual([]);
  });

  it('refuses to deploy a body model that cannot be compiled', () => {
    const definition = definitionOf('api1', { '/a': { POST: httpProxy('http://example.com') } });
    Object.assign(definition.resources[1]!.resourceMethods!.POST!, { requestValidatorId: 'v1', requestModels: { 'application/json': 'Broken' } });
    definition.requestValidators = [{ id: 'v1', validateRequestBody: true, validateRequestParameters: false }];
    definition.models = [{ id: 'm3', name: 'Broken', schema: '{"$ref":"https://apigateway.amazonaws.com/restapis/api1/models/Gone"}', contentType: 'application/json' }];
    expect(() => compileDeployment(definition, 'd1')).toThrow(INVALID_MODEL_SCHEMA);
    definition.requestValidators = [{ id: 'v1', validateRequestBody: false, validateRequestParameters: true }];
    expect(() => compileDeployment(definition, 'd1')).not.toThrow();
  });
});
