// Export: the document as the file GetExport sends — pretty JSON, or YAML when the request's
// `Accept` is `application/yaml` — and its download name `{exportType}_{info.version}.{json|yaml}`.
// AWS doc: "Export a REST API from API Gateway" (reference §11.3).

import { stringify } from 'yaml';
import type { ExportType } from './export-options.js';

export type ExportMediaType = 'json' | 'yaml';

export interface ExportFile {
  body: Buffer;
  /** `attachment; filename="oas30_2019-07-24T18:09:15Z.json"`. */
  contentDisposition: string;
}

/** `application/yaml` (or a YAML alias) picks YAML; anything else, or no `Accept`, JSON. */
export function parseExportMediaType(accept: string | undefined): ExportMediaType {
  return accept !== undefined && /\b(application|text)\/(x-)?yaml\b/i.test(accept) ? 'yaml' : 'json';
}

export function renderExportFile(document: Record<string, unknown>, exportType: ExportType, version: string, mediaType: ExportMediaType): ExportFile {
  const text =
    mediaType === 'yaml'
      ? // Jackson-style YAML as AWS writes it: a document start marker, double-quoted strings, no folding.
        `---\n${stringify(document, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', indentSeq: false, lineWidth: 0, aliasDuplicateObjects: false })}`
      : JSON.stringify(document, null, 2);
  // AWS: the file name carries `info.version` (AWS-validated LocalStack snapshot: `swagger_1.0.0.json`); `.yaml` is UNCONFIRMED (test: openapi-export.test.ts).
  return { body: Buffer.from(text, 'utf8'), contentDisposition: `attachment; filename="${exportType}_${version}.${mediaType}"` };
}
