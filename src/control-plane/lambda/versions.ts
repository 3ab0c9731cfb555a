// PublishVersion and ListVersionsByFunction: a published version is an immutable copy of $LATEST
// numbered 1, 2...; publishing an unchanged $LATEST returns the last version instead of a new one.
// AWS Lambda API reference "PublishVersion", "ListVersionsByFunction"; tests: lambda-versions.test.ts.

import { randomUUID } from 'node:crypto';
import { functionParent, type FunctionRecord, type FunctionVersionRecord } from '../../functions/function-record.js';
import { collections } from '../../store/collections.js';
import type { StoreReader, StoreWriter } from '../../store/store.js';
import { readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { locateFunction, registerAfterCommit, requireFunction, type LambdaServices } from './function-lookups.js';
import { invalidParameter, revisionMismatch } from './lambda-errors.js';
import { paginateLambda } from './lambda-pagination.js';
import { renderConfiguration } from './render-function.js';

/** Published versions of a function, by ascending number. */
export async function listVersions(tx: StoreReader, region: string, functionName: string): Promise<FunctionVersionRecord[]> {
  const versions = await tx.list(collections.lambdaVersion, region, functionParent(functionName));
  return versions.sort((a, b) => Number(a.version) - Number(b.version));
}

/**
 * Publishes $LATEST (CreateFunction/UpdateFunctionCode `Publish`, PublishVersion). Writes the
 * version and the function record; returns the version published (or the last one, unchanged).
 */
export async function publishVersion(
  tx: StoreWriter,
  input: OperationInput,
  record: FunctionRecord,
  options: { description?: string | undefined; codeSha256?: string | undefined; revisionId?: string | undefined },
): Promise<FunctionVersionRecord> {
  const latest = record.latest;
  if (options.revisionId !== undefined && options.revisionId !== latest.revisionId) throw revisionMismatch();
  const currentSha = latest.code.kind === 'zip' ? latest.code.sha256 : undefined;
  if (options.codeSha256 !== undefined && currentSha !== undefined && options.codeSha256 !== currentSha) {
    throw invalidParameter(`CodeSHA256 (${options.codeSha256}) is different from current CodeSHA256 in $LATEST (${currentSha}). Please try again with the CodeSHA256 in $LATEST.`);
  }
  const previous = (await listVersions(tx, input.region, record.functionName)).at(-1);
  // AWS: nothing changed since the last publish, so that version is returned (test: lambda-versions.test.ts).
  if (previous !== undefined && previous.codeRevision === latest.codeRevision) return previous;
  const number = String(record.nextVersion);
  const version: FunctionVersionRecord = {
    ...structuredClone(latest),
    version: number,
    description: options.description ?? latest.description,
    revisionId: randomUUID(),
  };
  await tx.put(collections.lambdaVersion, { region: input.region, parent: functionParent(record.functionName), id: number }, version);
  record.nextVersion += 1;
  record.latest.revisionId = randomUUID();
  await tx.put(collections.lambdaFunction, { region: input.region, parent: '', id: record.functionName }, record);
  return version;
}

export function versionOperations(lambda: LambdaServices): OperationDefinition[] {
  const publish: OperationDefinition = {
    name: 'PublishVersion',
    method: 'POST',
    path: '/2015-03-31/functions/{FunctionName}/versions',
    async run(input, services) {
      const { functionName } = locateFunction(input);
      const record = await requireFunction(services.tx, input, functionName);
      const version = await publishVersion(services.tx, input, record, {
        description: readString(input.body, 'Description'),
        codeSha256: readString(input.body, 'CodeSha256'),
        revisionId: readString(input.body, 'RevisionId'),
      });
      await registerAfterCommit(services.tx, input, services, lambda, record);
      return { status: 201, body: renderConfiguration(input.region, input.accountId, version, { qualifier: version.version, updateStatus: false }) };
    },
  };

  const list: OperationDefinition = {
    name: 'ListVersionsByFunction',
    method: 'GET',
    path: '/2015-03-31/functions/{FunctionName}/versions',
    async run(input, { tx }) {
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const all = [record.latest, ...(await listVersions(tx, input.region, functionName))];
      const page = paginateLambda(all, input.query, (version) => (version.version === '$LATEST' ? '0' : `1${version.version.padStart(12, '0')}`));
      return {
        status: 200,
        body: {
          ...(page.nextMarker !== undefined && { NextMarker: page.nextMarker }),
          Versions: page.items.map((version) => renderConfiguration(input.region, input.accountId, version, { qualifier: version.version, updateStatus: false, list: true })),
        },
      };
    },
  };

  return [publish, list];
}
