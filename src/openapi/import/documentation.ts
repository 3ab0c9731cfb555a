// `x-amazon-apigateway-documentation` at the document's root: `{version, createdDate,
// documentationParts: [{location, properties}]}`, properties written as an object in the file.
// Read at import time into the plan; the control plane checks each location as CreateDocumentationPart
// does. AWS developer guide "Import API documentation" / "OpenAPI extensions for API Gateway".

import type { PlannedDocumentationPart } from './import-plan.js';
import { isObject, type JsonObject } from './json-values.js';

/** The extension's parts, in document order; a part that is not an object is skipped with a warning (wording UNCONFIRMED). */
export function convertDocumentationParts(root: JsonObject, warnings: string[]): PlannedDocumentationPart[] {
  const extension = root['x-amazon-apigateway-documentation'];
  if (extension === undefined) return [];
  const parts = isObject(extension) ? extension.documentationParts : undefined;
  if (!Array.isArray(parts)) {
    warnings.push('Invalid x-amazon-apigateway-documentation: documentationParts must be a list. Ignoring.');
    return [];
  }
  const planned: PlannedDocumentationPart[] = [];
  parts.forEach((part: unknown, index) => {
    if (!isObject(part) || !isObject(part.location)) {
      warnings.push(`Invalid documentation part at index ${index}: a part needs a location object. Ignoring.`);
      return;
    }
    // The file holds `properties` as a JSON value; the API stores it as text (CreateDocumentationPart's `properties`).
    planned.push({ location: part.location, properties: JSON.stringify(part.properties ?? {}) });
  });
  return planned;
}
