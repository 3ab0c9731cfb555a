// The OpenAPI importer's entry point: a parsed Swagger 2.0 / OpenAPI 3 document and the import
// options in, an ImportPlan out. Pure: no store, no ids beyond the API id it is given; the control
// plane validates and writes the plan (ImportRestApi / PutRestApi, reference §11).

import type { OpenApiDocument } from '../parse-document.js';
import { basePathPrefix, documentBasePath } from './base-path.js';
import type { ConvertContext } from './convert-context.js';
import { convertDocumentationParts } from './documentation.js';
import type { ImportOptions, ImportPlan } from './import-plan.js';
import { convertDocumentModels, documentSchemas, importableSchemaNames } from './models.js';
import { convertPaths } from './paths.js';
import { convertApi, convertGatewayResponses, convertValidators } from './root-extensions.js';
import { convertAuthorizers } from './security.js';

export function convertOpenApiDocument(document: OpenApiDocument, options: ImportOptions): ImportPlan {
  const warnings: string[] = [];
  const schemas = documentSchemas(document.root, document.version);
  const ctx: ConvertContext = {
    root: document.root,
    version: document.version,
    options,
    warnings,
    errors: [],
    models: new Map(),
    schemaNames: importableSchemaNames(schemas, warnings),
  };
  const api = convertApi(ctx);
  convertDocumentModels(ctx, schemas);
  const validators = convertValidators(ctx);
  const authorizers = convertAuthorizers(ctx);
  const gatewayResponses = convertGatewayResponses(ctx);
  const resources = convertPaths(ctx, {
    prefix: basePathPrefix(documentBasePath(document.root, document.version), options.basePath),
    authorizerNames: new Set(authorizers.map((authorizer) => authorizer.name)),
    validatorNames: new Set(validators.map((validator) => validator.name)),
  });
  const documentationParts = convertDocumentationParts(ctx.root, warnings);
  return { api, models: [...ctx.models.values()], validators, authorizers, gatewayResponses, resources, documentationParts, warnings, errors: ctx.errors };
}
