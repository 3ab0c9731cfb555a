// GetExport (reference §8.1, §11.3): the deployment a stage serves, as an OpenAPI 3.0.1 (`oas30`)
// or Swagger 2.0 (`swagger`) file in JSON or YAML (`Accept`), with the API Gateway extensions the
// `extensions` query parameter names. AWS doc: "Export a REST API from API Gateway".

import { EXPORT_TYPES, parseExportExtensions, wantsDocumentation, type ExportOptions, type ExportType } from '../../openapi/export/export-options.js';
import { exportVersion, renderExport } from '../../openapi/export/render-export.js';
import { parseExportMediaType, renderExportFile } from '../../openapi/export/render-export-file.js';
import { findExportRefusal } from '../../openapi/export/render-schemas.js';
import { collections } from '../../store/collections.js';
import { badRequest } from '../management-error.js';
import type { OperationDefinition } from '../wire/operation.js';
import { requireRestApi } from './lookups.js';
import { requireDeployment, requireStage } from './stage-records.js';

function parseExportType(value: string): ExportType {
  const exportType = EXPORT_TYPES.find((candidate) => candidate === value);
  // Status and message UNCONFIRMED (AWS documents only the two valid types); test: openapi-export.test.ts.
  if (exportType === undefined) throw badRequest(`Invalid export type specified: ${value}`);
  return exportType;
}

const getExport: OperationDefinition = {
  name: 'GetExport',
  method: 'GET',
  path: '/restapis/{restapi_id}/stages/{stage_name}/exports/{export_type}',
  async run(input, { tx }) {
    const api = await requireRestApi(tx, input);
    const stage = await requireStage(tx, input, api.id, input.params.stage_name ?? '');
    const exportType = parseExportType(input.params.export_type ?? '');
    // AWS exports what is deployed on the stage, not the API as it is being edited.
    const deployment = await requireDeployment(tx, input, api.id, stage.deploymentId);
    const { definition } = deployment;
    const refusal = findExportRefusal(definition.models);
    if (refusal !== undefined) throw badRequest(refusal);
    // AWS exports the documentation version the stage is associated with (DG "Publish API documentation
    // using the API Gateway REST API"); without one (or with one since deleted, UNCONFIRMED), the API's
    // current parts (tests: documentation-versions.test.ts, documentation-parts.test.ts).
    const version = stage.documentationVersion === undefined ? undefined : await tx.get(collections.documentationVersion, input.region, api.id, stage.documentationVersion);
    const options: ExportOptions = {
      exportType,
      extensions: parseExportExtensions(input.query.get('extensions')),
      stageName: stage.stageName,
      region: input.region,
      deployedAt: deployment.createdDate,
      ...(wantsDocumentation(input.query.get('extensions')) && {
        documentationParts: version?.parts ?? (await tx.list(collections.documentationPart, input.region, api.id)),
        ...(version && { documentationVersion: version }),
      }),
    };
    const accept = input.headers.accept;
    const file = renderExportFile(renderExport(definition, options), exportType, exportVersion(definition, deployment.createdDate), parseExportMediaType(accept));
    // AWS: the file comes as an octet-stream attachment (AWS-validated LocalStack snapshot `test_export_swagger_openapi`; test: openapi-export.test.ts).
    return {
      status: 200,
      payload: file.body,
      headers: { 'Content-Type': 'application/octet-stream', 'Content-Disposition': file.contentDisposition },
    };
  },
};

export const exportOperations: OperationDefinition[] = [getExport];
