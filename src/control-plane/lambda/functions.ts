// GetFunction, GetFunctionConfiguration, ListFunctions and DeleteFunction, plus the download of a
// function's package that GetFunction's `Code.Location` points to (Portico's stand-in for S3's
// presigned URL). AWS Lambda API reference; tests: lambda-api.test.ts, lambda-versions.test.ts.

import { readFile } from 'node:fs/promises';
import { functionArn } from '../../functions/function-arn.js';
import { functionParent, type FunctionVersionRecord } from '../../functions/function-record.js';
import { collections } from '../../store/collections.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { locateFunction, registerAfterCommit, requireFunction, resolveVersion, type LambdaServices } from './function-lookups.js';
import { invalidParameter, quoted, resourceConflict, validationError } from './lambda-errors.js';
import { paginateLambda } from './lambda-pagination.js';
import { renderConfiguration } from './render-function.js';
import { listVersions } from './versions.js';

const CODE_PATH = '/2015-03-31/functions/{FunctionName}/code';

export function functionOperations(lambda: LambdaServices): OperationDefinition[] {
  const getFunction: OperationDefinition = {
    name: 'GetFunction',
    method: 'GET',
    path: '/2015-03-31/functions/{FunctionName}',
    async run(input, { tx }) {
      const { functionName, qualifier } = locateFunction(input, { dotInPattern: true });
      const record = await requireFunction(tx, input, functionName, qualifier);
      const { version, arnQualifier } = await resolveVersion(tx, input, record, qualifier);
      return {
        status: 200,
        body: {
          Configuration: renderConfiguration(input.region, input.accountId, version, { qualifier: arnQualifier, updateStatus: true }),
          Code: { RepositoryType: 'S3', Location: codeLocation(input, version) },
          ...(record.tags !== undefined && Object.keys(record.tags).length > 0 && { Tags: record.tags }),
          ...(record.reservedConcurrency !== undefined && { Concurrency: { ReservedConcurrentExecutions: record.reservedConcurrency } }),
        },
      };
    },
  };

  const getConfiguration: OperationDefinition = {
    name: 'GetFunctionConfiguration',
    method: 'GET',
    path: '/2015-03-31/functions/{FunctionName}/configuration',
    async run(input, { tx }) {
      const { functionName, qualifier } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName, qualifier);
      const { version, arnQualifier } = await resolveVersion(tx, input, record, qualifier);
      return { status: 200, body: renderConfiguration(input.region, input.accountId, version, { qualifier: arnQualifier, updateStatus: true }) };
    },
  };

  const listFunctions: OperationDefinition = {
    name: 'ListFunctions',
    method: 'GET',
    path: '/2015-03-31/functions',
    async run(input, { tx }) {
      const all = input.query.get('FunctionVersion');
      if (all !== null && all !== 'ALL') {
        throw validationError(quoted(all), 'functionVersion', 'Member must satisfy enum value set: [ALL]');
      }
      const records = (await tx.list(collections.lambdaFunction, input.region, '')).sort((a, b) => (a.functionName < b.functionName ? -1 : 1));
      const versions: FunctionVersionRecord[] = [];
      for (const record of records) {
        versions.push(record.latest);
        if (all === 'ALL') versions.push(...(await listVersions(tx, input.region, record.functionName)));
      }
      const page = paginateLambda(versions, input.query, (version) => `${version.functionName}:${version.version === '$LATEST' ? '0' : `1${version.version.padStart(12, '0')}`}`);
      return {
        status: 200,
        body: {
          ...(page.nextMarker !== undefined && { NextMarker: page.nextMarker }),
          Functions: page.items.map((version) =>
            renderConfiguration(input.region, input.accountId, version, { qualifier: all === 'ALL' ? version.version : undefined, updateStatus: false, list: true }),
          ),
        },
      };
    },
  };

  const deleteFunction: OperationDefinition = {
    name: 'DeleteFunction',
    method: 'DELETE',
    path: '/2015-03-31/functions/{FunctionName}',
    async run(input, services) {
      const { tx, afterCommit } = services;
      const { functionName, qualifier } = locateFunction(input);
      if (qualifier === '$LATEST') throw invalidParameter('$LATEST version cannot be deleted without deleting the function.');
      const record = await requireFunction(tx, input, functionName);
      const parent = functionParent(functionName);
      const arn = functionArn(input.region, input.accountId, functionName);
      if (qualifier !== undefined) {
        const aliases = (await tx.list(collections.lambdaAlias, input.region, parent)).filter((alias) => alias.functionVersion === qualifier);
        if (aliases.length > 0) {
          // AWS message UNCONFIRMED; Lambda refuses to delete a version an alias points to.
          throw resourceConflict(`Unable to delete version because the following aliases reference it: [${aliases.map((alias) => alias.name).join(', ')}]`);
        }
        await tx.delete(collections.lambdaVersion, { region: input.region, parent, id: qualifier });
        delete record.policies[qualifier];
        await tx.put(collections.lambdaFunction, { region: input.region, parent: '', id: functionName }, record);
        await registerAfterCommit(tx, input, services, lambda, record);
        return { status: 204 };
      }
      const versions = await listVersions(tx, input.region, functionName);
      await tx.deleteByParent(input.region, parent);
      await tx.delete(collections.lambdaFunction, { region: input.region, parent: '', id: functionName });
      afterCommit(() => {
        lambda.functions.delete(input.region, functionName);
        lambda.runtime.retire(arn);
        for (const version of [record.latest, ...versions]) {
          lambda.codeStore.removeCode(version.code).catch((error: unknown) => lambda.logger.warn({ err: error }, 'could not remove function code'));
        }
      });
      return { status: 204 };
    },
  };

  const downloadCode: OperationDefinition = {
    name: 'GetFunctionCodeArchive',
    method: 'GET',
    path: CODE_PATH,
    async run(input, { tx }) {
      const { functionName, qualifier } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName, qualifier);
      const { version } = await resolveVersion(tx, input, record, qualifier);
      const archive = lambda.codeStore.archiveOf(version.code);
      if (archive === undefined) return { status: 404, body: { message: 'A mounted directory has no archive to download.' } };
      return { status: 200, payload: await readFile(archive), headers: { 'Content-Type': 'application/zip' } };
    },
  };

  return [getFunction, getConfiguration, listFunctions, deleteFunction, downloadCode];
}

/**
 * Where the package can be downloaded: Portico's own URL, signed with a query credential so the
 * management API's SigV4 scope check accepts it (AWS gives a presigned S3 URL).
 */
function codeLocation(input: OperationInput, version: FunctionVersionRecord): string {
  const host = input.headers.host ?? 'localhost';
  const path = CODE_PATH.replace('{FunctionName}', encodeURIComponent(version.functionName));
  const query = new URLSearchParams({ 'X-Amz-Credential': `portico/19700101/${input.region}/lambda/aws4_request` });
  if (version.version !== '$LATEST') query.set('Qualifier', version.version);
  return `http://${host}${path}?${query.toString()}`;
}
