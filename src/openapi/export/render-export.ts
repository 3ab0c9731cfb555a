// Export, the entry point: a deployment's frozen API definition (what the stage serves) as an
// OpenAPI 3.0.1 or Swagger 2.0 document object, in the member order AWS's exports use. Pure: the
// GetExport operation serialises it. AWS doc: "Export a REST API from API Gateway" (reference §11.3).

import type { DeploymentDefinition } from '../../model/deployment.js';
import type { Resource } from '../../model/rest-api.js';
import { flavourOf, renderExportDate, type ExportOptions, type Flavour } from './export-options.js';
import { renderApiExtensions } from './render-api-extensions.js';
import { renderDocumentation } from './render-documentation.js';
import { renderOperation } from './render-operation.js';
import { renderSchemas } from './render-schemas.js';
import { renderSecuritySchemes } from './render-security.js';

/** OpenAPI's path item order (swagger-models' field order, as in AWS's exports); ANY comes last as its extension. */
const METHOD_ORDER = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'ANY'];

/** `info.version`: the API's own `version`, else the deployment date (AWS-validated LocalStack snapshot `test_export_swagger_openapi`). */
export function exportVersion(definition: DeploymentDefinition, deployedAt: number): string {
  return definition.restApi.version ?? renderExportDate(deployedAt);
}

export function renderExport(definition: DeploymentDefinition, options: ExportOptions): Record<string, unknown> {
  const flavour = flavourOf(options.exportType);
  const { restApi } = definition;
  const version = exportVersion(definition, options.deployedAt);
  const host = `${restApi.id}.execute-api.${options.region}.amazonaws.com`;
  const document: Record<string, unknown> = {};
  const schemas = renderSchemas(definition.models, restApi.id, flavour);
  const securitySchemes = renderSecuritySchemes(definition, options.extensions);
  if (flavour.type === 'swagger') {
    document.swagger = '2.0';
    document.info = { ...(restApi.description !== undefined && { description: restApi.description }), version, title: restApi.name };
    document.host = host;
    document.basePath = `/${options.stageName}`;
    document.schemes = ['https'];
    document.paths = renderPaths(definition, options, flavour);
    if (securitySchemes) document.securityDefinitions = securitySchemes;
    if (Object.keys(schemas).length > 0) document.definitions = schemas;
  } else {
    document.openapi = '3.0.1';
    document.info = { title: restApi.name, ...(restApi.description !== undefined && { description: restApi.description }), version };
    // AWS: the basePath variable is the bare stage name (AWS-validated LocalStack snapshot `test_export_oas30_openapi`: "local"; test: openapi-export.test.ts).
    document.servers = [{ url: `https://${host}/{basePath}`, variables: { basePath: { default: options.stageName } } }];
    document.paths = renderPaths(definition, options, flavour);
    document.components = {
      ...(Object.keys(schemas).length > 0 && { schemas }),
      ...(securitySchemes && { securitySchemes }),
    };
  }
  if (options.extensions.apigateway) Object.assign(document, renderApiExtensions(definition));
  if (options.documentationParts) document['x-amazon-apigateway-documentation'] = renderDocumentation(options.documentationParts, options.documentationVersion);
  return document;
}

/** Resources with methods, by path; each method under its lower-case name (`x-amazon-apigateway-any-method` for ANY). */
function renderPaths(definition: DeploymentDefinition, options: ExportOptions, flavour: Flavour): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const resources = [...definition.resources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const resource of resources) {
    const methods = sortedMethods(resource);
    if (methods.length === 0) continue;
    const item: Record<string, unknown> = {};
    for (const method of methods) {
      const key = method.httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : method.httpMethod.toLowerCase();
      item[key] = renderOperation(method, definition, options, flavour);
    }
    paths[resource.path] = item;
  }
  return paths;
}

function sortedMethods(resource: Resource) {
  return Object.values(resource.resourceMethods ?? {}).sort((a, b) => METHOD_ORDER.indexOf(a.httpMethod) - METHOD_ORDER.indexOf(b.httpMethod));
}
