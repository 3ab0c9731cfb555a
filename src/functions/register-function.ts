// Turns a function's stored records into the RegisteredFunction the FunctionRegistry serves:
// one immutable FunctionDefinition per version, with the code directory resolved and the
// function-level reserved concurrency applied. Runs after commit and at start-up.

import type { CodeStore } from './code/code-store.js';
import { functionArn } from './function-arn.js';
import type { FunctionDefinition } from './function-definition.js';
import type { AliasRecord, FunctionRecord, FunctionVersionRecord } from './function-record.js';
import type { RegisteredAlias, RegisteredFunction } from './function-registry.js';

export function toRegisteredFunction(
  region: string,
  accountId: string,
  record: FunctionRecord,
  versions: readonly FunctionVersionRecord[],
  aliases: readonly AliasRecord[],
  codeStore: CodeStore,
): RegisteredFunction {
  const define = (version: FunctionVersionRecord): FunctionDefinition => toDefinition(region, accountId, version, record.reservedConcurrency, codeStore);
  return {
    functionName: record.functionName,
    latest: define(record.latest),
    versions: new Map(versions.map((version) => [version.version, define(version)])),
    aliases: new Map(
      aliases.map((alias): [string, RegisteredAlias] => [
        alias.name,
        { functionVersion: alias.functionVersion, additionalVersionWeights: Object.entries(alias.additionalVersionWeights ?? {}) },
      ]),
    ),
  };
}

function toDefinition(region: string, accountId: string, version: FunctionVersionRecord, reservedConcurrency: number | undefined, codeStore: CodeStore): FunctionDefinition {
  return Object.freeze({
    region,
    functionName: version.functionName,
    functionArn: functionArn(region, accountId, version.functionName),
    version: version.version,
    runtime: version.runtime,
    handler: version.handler ?? '',
    codeDirectory: codeStore.directoryOf(version.code),
    mounted: version.code.kind === 'mounted',
    timeout: version.timeout,
    memorySize: version.memorySize,
    environment: Object.freeze({ ...version.environment }),
    reservedConcurrency,
    revisionId: version.codeRevision,
  });
}
