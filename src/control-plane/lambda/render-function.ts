// The wire shapes of Lambda's FunctionConfiguration and AliasConfiguration, in AWS's member order,
// and Lambda's timestamp format (`2026-01-01T00:00:00.000+0000`). AWS Lambda API reference
// "FunctionConfiguration", "AliasConfiguration"; tests: lambda-api.test.ts.

import { functionArn } from '../../functions/function-arn.js';
import type { AliasRecord, FunctionVersionRecord } from '../../functions/function-record.js';

/** LocalStack's values for a mounted directory, which has no zip to hash (UNCONFIRMED: no AWS analogue). */
const MOUNTED_SHA256 = 'hot-reloading-hash-not-available';

/** Lambda prints times as ISO-8601 with milliseconds and `+0000`. */
export function lambdaDate(epochMillis: number): string {
  return new Date(epochMillis).toISOString().replace('Z', '+0000');
}

export interface RenderOptions {
  /** `undefined`: the unqualified ARN; otherwise the qualifier the ARN ends with (a version or alias). */
  qualifier?: string;
  /** Whether LastUpdateStatus is shown (not by CreateFunction, nor for published versions). */
  updateStatus: boolean;
  /** List operations omit the state members. */
  list?: boolean;
}

export function renderConfiguration(region: string, accountId: string, version: FunctionVersionRecord, options: RenderOptions): Record<string, unknown> {
  const code = version.code;
  const out: Record<string, unknown> = {
    FunctionName: version.functionName,
    FunctionArn: functionArn(region, accountId, version.functionName, options.qualifier),
    Runtime: version.runtime,
    Role: version.role,
  };
  if (version.handler !== undefined) out.Handler = version.handler;
  out.CodeSize = code.kind === 'zip' ? code.size : 0;
  out.Description = version.description;
  out.Timeout = version.timeout;
  out.MemorySize = version.memorySize;
  out.LastModified = version.lastModified;
  out.CodeSha256 = code.kind === 'zip' ? code.sha256 : MOUNTED_SHA256;
  out.Version = version.version;
  if (version.environment !== undefined) out.Environment = { Variables: version.environment };
  out.TracingConfig = { Mode: version.tracingMode };
  out.RevisionId = version.revisionId;
  if (options.list !== true) {
    out.State = 'Active';
    if (options.updateStatus && version.version === '$LATEST') out.LastUpdateStatus = 'Successful';
  }
  out.PackageType = 'Zip';
  out.Architectures = version.architectures;
  out.EphemeralStorage = { Size: version.ephemeralStorageSize };
  out.SnapStart = { ApplyOn: 'None', OptimizationStatus: 'Off' };
  out.LoggingConfig = { LogFormat: 'Text', LogGroup: `/aws/lambda/${version.functionName}` };
  return out;
}

export function renderAlias(region: string, accountId: string, functionName: string, alias: AliasRecord): Record<string, unknown> {
  return {
    AliasArn: functionArn(region, accountId, functionName, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    ...(alias.additionalVersionWeights !== undefined && { RoutingConfig: { AdditionalVersionWeights: alias.additionalVersionWeights } }),
    RevisionId: alias.revisionId,
  };
}
