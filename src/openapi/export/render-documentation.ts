// `x-amazon-apigateway-documentation` for GetExport with `extensions=documentation`: the API's
// documentation parts, each `properties` text written back as the JSON object it holds, so the file
// imports again (ImportRestApi, PutRestApi, ImportDocumentationParts). DG "Export API documentation".

import type { DocumentationPart, DocumentationVersion } from '../../model/rest-api.js';
import { renderExportDate } from './export-options.js';

/**
 * `{version, createdDate, documentationParts: [{location, properties}]}`: `version` and `createdDate`
 * name the documentation version the stage is associated with, and are absent without one
 * (DG "Publish API documentation using the API Gateway REST API"; test: documentation-versions.test.ts).
 */
export function renderDocumentation(parts: readonly DocumentationPart[], version?: DocumentationVersion): Record<string, unknown> {
  return {
    ...(version && { version: version.version, createdDate: renderExportDate(version.createdDate) }),
    documentationParts: parts.map((part) => ({ location: { ...part.location }, properties: JSON.parse(part.properties) as unknown })),
  };
}
