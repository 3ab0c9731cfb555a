// What one GetExport asks for: the OpenAPI flavour, which API Gateway extensions to include, and
// where the exported stage lives. Parsed by the GetExport operation, read by every renderer here.
// AWS doc: "Export a REST API from API Gateway" (reference §11.3).

import type { DocumentationPart, DocumentationVersion } from '../../model/rest-api.js';

/** `oas30` is OpenAPI 3.0.1, `swagger` is Swagger/OpenAPI 2.0. */
export type ExportType = 'oas30' | 'swagger';

export const EXPORT_TYPES: readonly ExportType[] = ['oas30', 'swagger'];

export interface ExportExtensions {
  /** `extensions=integrations` or `apigateway`: `x-amazon-apigateway-integration` and the API-level extensions. */
  apigateway: boolean;
  /** `extensions=authorizers`: `x-amazon-apigateway-authorizer` on the authorizers' security schemes. */
  authorizers: boolean;
  /** `extensions=postman`: Postman's `x-postman-meta` SigV4 helper on AWS_IAM methods. */
  postman: boolean;
}

export interface ExportOptions {
  exportType: ExportType;
  extensions: ExportExtensions;
  stageName: string;
  region: string;
  /** The stage's deployment creation time, epoch seconds: `info.version` when the API has no `version`. */
  deployedAt: number;
  /** With `extensions=documentation`: the documentation parts, rendered as `x-amazon-apigateway-documentation`. */
  documentationParts?: readonly DocumentationPart[];
  /** The documentation version those parts were frozen in, when the stage is associated with one. */
  documentationVersion?: DocumentationVersion;
}

/** The `extensions` query value: a comma-separated list; unknown names are ignored (UNCONFIRMED). */
export function parseExportExtensions(value: string | null): ExportExtensions {
  const names = new Set((value ?? '').split(',').map((name) => name.trim().toLowerCase()));
  return {
    apigateway: names.has('integrations') || names.has('apigateway'),
    authorizers: names.has('authorizers'),
    postman: names.has('postman'),
  };
}

/** `extensions=documentation` asks for the API's documentation parts (DG "Export API documentation"). */
export function wantsDocumentation(value: string | null): boolean {
  return (value ?? '').split(',').some((name) => name.trim().toLowerCase() === 'documentation');
}

/** `2019-07-24T18:09:15Z`: how AWS writes a deployment date into `info.version` (second precision). */
export function renderExportDate(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** One OpenAPI flavour's spelling of the things that differ between 2.0 and 3.0. */
export interface Flavour {
  type: ExportType;
  /** `#/definitions/` or `#/components/schemas/`. */
  schemaRefPrefix: string;
}

export function flavourOf(exportType: ExportType): Flavour {
  return { type: exportType, schemaRefPrefix: exportType === 'swagger' ? '#/definitions/' : '#/components/schemas/' };
}
