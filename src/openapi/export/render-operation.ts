// Export: one method as an OpenAPI operation — method request parameters, request models,
// method responses (`"{code} response"`, header parameters, response models), security, request
// validator and integration. AWS doc: "Export a REST API from API Gateway" (reference §11.3).

import type { DeploymentDefinition } from '../../model/deployment.js';
import type { Method, MethodResponse } from '../../model/rest-api.js';
import type { ExportOptions, Flavour } from './export-options.js';
import { notEmpty, renderIntegration } from './render-integration.js';
import { schemaRef } from './render-schemas.js';
import { renderOperationSecurity, renderPostmanMeta } from './render-security.js';

const IN: Record<string, string> = { path: 'path', querystring: 'query', header: 'header' };

export function renderOperation(method: Method, definition: DeploymentDefinition, options: ExportOptions, flavour: Flavour): Record<string, unknown> {
  const swagger = flavour.type === 'swagger';
  const operation: Record<string, unknown> = {};
  if (method.operationName !== undefined) operation.operationId = method.operationName;
  if (swagger) {
    const consumes = unique([...Object.keys(method.requestModels ?? {}), ...Object.keys(method.methodIntegration?.requestTemplates ?? {})]);
    if (consumes.length > 0) operation.consumes = consumes;
    const produces = unique([
      ...Object.values(method.methodResponses ?? {}).flatMap((response) => Object.keys(response.responseModels ?? {})),
      ...Object.values(method.methodIntegration?.integrationResponses ?? {}).flatMap((response) => Object.keys(response.responseTemplates ?? {})),
    ]);
    if (produces.length > 0) operation.produces = produces;
  }
  const parameters = renderParameters(method, swagger);
  if (swagger) {
    const body = bodyModel(method.requestModels);
    if (body) parameters.push({ in: 'body', name: body, required: true, schema: schemaRef(body, flavour) });
  }
  if (parameters.length > 0) operation.parameters = parameters;
  if (!swagger && notEmpty(method.requestModels)) {
    const content: Record<string, unknown> = {};
    for (const [contentType, model] of Object.entries(method.requestModels)) content[contentType] = { schema: schemaRef(model, flavour) };
    operation.requestBody = { content, required: true };
  }
  const responses: Record<string, unknown> = {};
  for (const response of Object.values(method.methodResponses ?? {})) responses[response.statusCode] = renderResponse(response, flavour);
  operation.responses = responses;
  const security = renderOperationSecurity(method, definition.authorizers ?? []);
  if (security) operation.security = security;
  if (options.extensions.apigateway) {
    const validator = definition.requestValidators.find((candidate) => candidate.id === method.requestValidatorId);
    if (validator) operation['x-amazon-apigateway-request-validator'] = validator.name ?? validator.id;
    if (method.methodIntegration) operation['x-amazon-apigateway-integration'] = renderIntegration(method.methodIntegration);
  }
  const postman = options.extensions.postman ? renderPostmanMeta(method, options.region) : undefined;
  if (postman) operation['x-postman-meta'] = postman;
  return operation;
}

/** `method.request.{path|querystring|header}.{name}` → OpenAPI parameters, in the method's order. */
function renderParameters(method: Method, swagger: boolean): Array<Record<string, unknown>> {
  const parameters: Array<Record<string, unknown>> = [];
  for (const [expression, required] of Object.entries(method.requestParameters ?? {})) {
    const match = /^method\.request\.([a-z]+)\.(.+)$/.exec(expression);
    const location = match?.[1] === undefined ? undefined : IN[match[1]];
    if (location === undefined || match?.[2] === undefined) continue;
    const isRequired = location === 'path' || required;
    parameters.push(
      swagger
        ? { name: match[2], in: location, required: isRequired, type: 'string' }
        : { name: match[2], in: location, ...(isRequired && { required: true }), schema: { type: 'string' } },
    );
  }
  return parameters;
}

function renderResponse(response: MethodResponse, flavour: Flavour): Record<string, unknown> {
  const headerNames = Object.keys(response.responseParameters ?? {})
    .filter((name) => name.startsWith('method.response.header.'))
    .map((name) => name.slice('method.response.header.'.length));
  const rendered: Record<string, unknown> = { description: `${response.statusCode} response` };
  if (flavour.type === 'swagger') {
    const model = bodyModel(response.responseModels);
    if (model) rendered.schema = schemaRef(model, flavour);
    if (headerNames.length > 0) rendered.headers = Object.fromEntries(headerNames.map((name) => [name, { type: 'string' }]));
    return rendered;
  }
  if (headerNames.length > 0) rendered.headers = Object.fromEntries(headerNames.map((name) => [name, { schema: { type: 'string' } }]));
  const content: Record<string, unknown> = {};
  for (const [contentType, model] of Object.entries(response.responseModels ?? {})) content[contentType] = { schema: schemaRef(model, flavour) };
  // AWS: OpenAPI 3 responses always carry `content`, `{}` without models (reference §11.3; test: openapi-export.test.ts).
  rendered.content = content;
  return rendered;
}

/** Swagger 2.0 has one body schema: the `application/json` model, else the first. */
function bodyModel(models: Record<string, string> | undefined): string | undefined {
  if (!models) return undefined;
  return models['application/json'] ?? Object.values(models)[0];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
