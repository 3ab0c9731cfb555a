// CreateAlias, GetAlias, ListAliases, UpdateAlias, DeleteAlias: named pointers to a version (with an
// optional weighted second version), which integration URIs and Invoke may name as the qualifier.
// AWS Lambda API reference "CreateAlias"...; tests: lambda-versions.test.ts.

import { randomUUID } from 'node:crypto';
import { functionArn, isAliasName, isVersionNumber } from '../../functions/function-arn.js';
import { functionParent, type AliasRecord, type FunctionRecord } from '../../functions/function-record.js';
import { collections } from '../../store/collections.js';
import type { StoreReader } from '../../store/store.js';
import { readNumber, readObject, readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { locateFunction, registerAfterCommit, requireFunction, type LambdaServices } from './function-lookups.js';
import { functionNotFound, invalidParameter, quoted, resourceConflict, resourceNotFound, revisionMismatch, validationError } from './lambda-errors.js';
import { paginateLambda } from './lambda-pagination.js';
import { renderAlias } from './render-function.js';

const ALIASES = '/2015-03-31/functions/{FunctionName}/aliases';
const ALIAS = '/2015-03-31/functions/{FunctionName}/aliases/{Name}';

export function aliasOperations(lambda: LambdaServices): OperationDefinition[] {
  const create: OperationDefinition = {
    name: 'CreateAlias',
    method: 'POST',
    path: ALIASES,
    async run(input, services) {
      const { tx } = services;
      const name = readString(input.body, 'Name') ?? '';
      if (!isAliasName(name)) {
        throw validationError(quoted(name), 'name', 'Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)');
      }
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const functionVersion = readString(input.body, 'FunctionVersion') ?? '';
      await requireVersion(tx, input, record, functionVersion);
      const parent = functionParent(functionName);
      if (await tx.get(collections.lambdaAlias, input.region, parent, name)) {
        throw resourceConflict(`Alias already exists: ${functionArn(input.region, input.accountId, functionName, name)}`);
      }
      const alias: AliasRecord = {
        name,
        functionVersion,
        description: readString(input.body, 'Description') ?? '',
        additionalVersionWeights: await readWeights(tx, input, record, functionVersion),
        revisionId: randomUUID(),
      };
      await tx.put(collections.lambdaAlias, { region: input.region, parent, id: name }, alias);
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 201, body: renderAlias(input.region, input.accountId, functionName, alias) };
    },
  };

  const get: OperationDefinition = {
    name: 'GetAlias',
    method: 'GET',
    path: ALIAS,
    async run(input, { tx }) {
      const { functionName } = locateFunction(input);
      await requireFunction(tx, input, functionName);
      const alias = await requireAlias(tx, input, functionName);
      return { status: 200, body: renderAlias(input.region, input.accountId, functionName, alias) };
    },
  };

  const list: OperationDefinition = {
    name: 'ListAliases',
    method: 'GET',
    path: ALIASES,
    async run(input, { tx }) {
      const { functionName } = locateFunction(input);
      await requireFunction(tx, input, functionName);
      const version = input.query.get('FunctionVersion');
      const aliases = (await tx.list(collections.lambdaAlias, input.region, functionParent(functionName)))
        .filter((alias) => version === null || alias.functionVersion === version)
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      const page = paginateLambda(aliases, input.query, (alias) => alias.name);
      return {
        status: 200,
        body: {
          ...(page.nextMarker !== undefined && { NextMarker: page.nextMarker }),
          Aliases: page.items.map((alias) => renderAlias(input.region, input.accountId, functionName, alias)),
        },
      };
    },
  };

  const update: OperationDefinition = {
    name: 'UpdateAlias',
    method: 'PUT',
    path: ALIAS,
    async run(input, services) {
      const { tx } = services;
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const alias = await requireAlias(tx, input, functionName);
      const revisionId = readString(input.body, 'RevisionId');
      if (revisionId !== undefined && revisionId !== alias.revisionId) throw revisionMismatch();
      const functionVersion = readString(input.body, 'FunctionVersion');
      if (functionVersion !== undefined) {
        await requireVersion(tx, input, record, functionVersion);
        alias.functionVersion = functionVersion;
      }
      const description = readString(input.body, 'Description');
      if (description !== undefined) alias.description = description;
      if (readObject(input.body, 'RoutingConfig') !== undefined) alias.additionalVersionWeights = await readWeights(tx, input, record, alias.functionVersion);
      alias.revisionId = randomUUID();
      await tx.put(collections.lambdaAlias, { region: input.region, parent: functionParent(functionName), id: alias.name }, alias);
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 200, body: renderAlias(input.region, input.accountId, functionName, alias) };
    },
  };

  const remove: OperationDefinition = {
    name: 'DeleteAlias',
    method: 'DELETE',
    path: ALIAS,
    async run(input, services) {
      const { tx } = services;
      const { functionName } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const alias = await requireAlias(tx, input, functionName);
      await tx.delete(collections.lambdaAlias, { region: input.region, parent: functionParent(functionName), id: alias.name });
      delete record.policies[alias.name];
      await tx.put(collections.lambdaFunction, { region: input.region, parent: '', id: functionName }, record);
      await registerAfterCommit(tx, input, services, lambda, record);
      return { status: 204 };
    },
  };

  return [create, get, list, update, remove];
}

/** AWS: `Cannot find alias arn: {aliasArn}` (DeleteAlias of an unknown alias: UNCONFIRMED, same answer). */
export async function requireAlias(tx: StoreReader, input: OperationInput, functionName: string, name = input.params.Name ?? ''): Promise<AliasRecord> {
  const alias = await tx.get(collections.lambdaAlias, input.region, functionParent(functionName), name);
  if (alias === undefined) throw resourceNotFound(`Cannot find alias arn: ${functionArn(input.region, input.accountId, functionName, name)}`);
  return alias;
}

async function requireVersion(tx: StoreReader, input: OperationInput, record: FunctionRecord, version: string): Promise<void> {
  if (version === '$LATEST') return;
  const found = isVersionNumber(version) && (await tx.get(collections.lambdaVersion, input.region, functionParent(record.functionName), version)) !== undefined;
  if (!found) throw functionNotFound(input.region, input.accountId, record.functionName, version);
}

async function readWeights(tx: StoreReader, input: OperationInput, record: FunctionRecord, functionVersion: string): Promise<Record<string, number> | undefined> {
  const routing = readObject(input.body, 'RoutingConfig');
  const weights = routing === undefined ? undefined : readObject(routing, 'AdditionalVersionWeights');
  if (weights === undefined || Object.keys(weights).length === 0) return undefined;
  const entries = Object.keys(weights);
  if (entries.length > 1) throw invalidParameter('Number of items in AdditionalVersionWeights cannot be greater than 1');
  const out: Record<string, number> = {};
  for (const key of entries) {
    const weight = readNumber(weights, key) ?? 0;
    if (weight < 0 || weight >= 1) {
      throw validationError(
        `'{${key}=${weight}}'`,
        'routingConfig.additionalVersionWeights',
        'Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]',
      );
    }
    if (key === functionVersion) throw invalidParameter(`Invalid function version ${functionVersion}. Function version ${functionVersion} is already included in routing configuration.`);
    if (functionVersion === '$LATEST') throw invalidParameter('$LATEST is not supported for an alias pointing to more than 1 version');
    await requireVersion(tx, input, record, key);
    out[key] = weight;
  }
  return out;
}
