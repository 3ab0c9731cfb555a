// The state one conversion threads through the converter files: the document, the options, the
// models found so far, and the warnings and errors collected in document order.

import type { ImportOptions, PlannedModel } from './import-plan.js';
import type { JsonObject } from './json-values.js';

export interface ConvertContext {
  root: JsonObject;
  /** 2 = Swagger 2.0, 3 = OpenAPI 3.x. */
  version: 2 | 3;
  options: ImportOptions;
  warnings: string[];
  errors: string[];
  /** Every model of the plan by name: the document's schemas, then inline schemas named on the way. */
  models: Map<string, PlannedModel>;
  /** Names of the document's importable schemas (`definitions` / `components.schemas`). */
  schemaNames: ReadonlySet<string>;
}

/** How a method is named in AWS's import messages: `resource '/pets' and method 'GET'`. */
export function describeMethod(path: string, httpMethod: string): string {
  return `resource '${path}' and method '${httpMethod}'`;
}
