// `x-amazon-apigateway-documentation` for GetExport with `extensions=documentation`: the API's
// documentation parts, each `properties` text written back as the JSON object it holds, so the file
// imports again (ImportRestApi, PutRestApi, ImportDocumentationParts). DG "Export API documentation".

import type { DocumentationPart } from '../../model/rest-api.js';

/**
 * `{documentationParts: [{location, properties}]}`. AWS also writes the stage's documentation `version`
 * and its `createdDate`; Portico has no documentation versions, so both are absent (test: documentation-parts.test.ts).
 */
export function renderDocumentation(parts: readonly DocumentationPart[]): Record<string, unknown> {
  return {
    documentationParts: parts.map((part) => ({ location: { ...part.location }, properties: JSON.parse(part.properties) as unknown })),
  };
}
