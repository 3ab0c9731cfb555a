// AddPermission, RemovePermission, GetPolicy: the function's resource-based policy, stored per
// qualifier and returned as AWS prints it. Portico does not enforce it: API Gateway may always
// invoke (UNCONFIRMED alternative: AWS answers 500 when the permission is missing). AWS Lambda API
// reference "AddPermission"; tests: lambda-permissions.test.ts.

import { randomUUID } from 'node:crypto';
import { functionArn, isVersionNumber } from '../../functions/function-arn.js';
import { functionParent, type FunctionRecord, type PolicyStatement } from '../../functions/function-record.js';
import { collections } from '../../store/collections.js';
import type { StoreWriter } from '../../store/store.js';
import { readString } from '../wire/members.js';
import type { OperationDefinition, OperationInput } from '../wire/operation.js';
import { requireAlias } from './aliases.js';
import { locateFunction, requireFunction, type LambdaServices } from './function-lookups.js';
import { functionNotFound, invalidParameter, quoted, resourceConflict, resourceNotFound, revisionMismatch, validationError } from './lambda-errors.js';

const POLICY = '/2015-03-31/functions/{FunctionName}/policy';

export function permissionOperations(_lambda: LambdaServices): OperationDefinition[] {
  const add: OperationDefinition = {
    name: 'AddPermission',
    method: 'POST',
    path: POLICY,
    async run(input, { tx }) {
      const { functionName, qualifier } = locateFunction(input, { qualifier: readString(input.body, 'Qualifier') });
      if (qualifier === '$LATEST') throw invalidParameter('We currently do not support adding policies for $LATEST.');
      const record = await requireFunction(tx, input, functionName);
      const revisionId = readString(input.body, 'RevisionId');
      if (revisionId !== undefined && revisionId !== (await currentRevision(tx, input, record, qualifier))) throw revisionMismatch();
      const sid = readString(input.body, 'StatementId') ?? '';
      if (!/^[a-zA-Z0-9_-]+$/.test(sid)) throw validationError(quoted(sid), 'statementId', 'Member must satisfy regular expression pattern: ([a-zA-Z0-9-_]+)');
      const key = qualifier ?? '$LATEST';
      const statements = record.policies[key] ?? [];
      if (statements.some((statement) => statement.Sid === sid)) {
        throw resourceConflict(`The statement id (${sid}) provided already exists. Please provide a new statement id, or remove the existing statement.`);
      }
      const statement = buildStatement(input, functionArn(input.region, input.accountId, functionName, qualifier), sid);
      record.policies[key] = [...statements, statement];
      await bumpRevision(tx, input, record, qualifier);
      return { status: 201, body: { Statement: JSON.stringify(statement) } };
    },
  };

  const remove: OperationDefinition = {
    name: 'RemovePermission',
    method: 'DELETE',
    path: `${POLICY}/{StatementId}`,
    async run(input, { tx }) {
      const { functionName, qualifier } = locateFunction(input);
      const record = await tx.get(collections.lambdaFunction, input.region, '', functionName);
      if (record === undefined) throw resourceNotFound(`No policy found for: ${functionArn(input.region, input.accountId, functionName)}`);
      await currentRevision(tx, input, record, qualifier);
      const key = qualifier ?? '$LATEST';
      const statements = record.policies[key];
      if (statements === undefined || statements.length === 0) throw resourceNotFound('No policy is associated with the given resource.');
      const sid = input.params.StatementId ?? '';
      if (!statements.some((statement) => statement.Sid === sid)) throw resourceNotFound(`Statement ${sid} is not found in resource policy.`);
      const revisionId = input.query.get('RevisionId');
      if (revisionId !== null && revisionId !== (await currentRevision(tx, input, record, qualifier))) throw revisionMismatch();
      const rest = statements.filter((statement) => statement.Sid !== sid);
      if (rest.length === 0) delete record.policies[key];
      else record.policies[key] = rest;
      await bumpRevision(tx, input, record, qualifier);
      return { status: 204 };
    },
  };

  const get: OperationDefinition = {
    name: 'GetPolicy',
    method: 'GET',
    path: POLICY,
    async run(input, { tx }) {
      const { functionName, qualifier } = locateFunction(input);
      const record = await requireFunction(tx, input, functionName);
      const statements = record.policies[qualifier ?? '$LATEST'];
      if (statements === undefined || statements.length === 0) throw resourceNotFound('The resource you requested does not exist.');
      const policy = { Version: '2012-10-17', Id: 'default', Statement: statements };
      return { status: 200, body: { Policy: JSON.stringify(policy), RevisionId: await currentRevision(tx, input, record, qualifier) } };
    },
  };

  return [add, remove, get];
}

/** The RevisionId of the qualified version or alias; Lambda's not-found when it does not exist. */
async function currentRevision(tx: StoreWriter, input: OperationInput, record: FunctionRecord, qualifier: string | undefined): Promise<string> {
  if (qualifier === undefined || qualifier === '$LATEST') return record.latest.revisionId;
  if (isVersionNumber(qualifier)) {
    const version = await tx.get(collections.lambdaVersion, input.region, functionParent(record.functionName), qualifier);
    if (version === undefined) throw functionNotFound(input.region, input.accountId, record.functionName, qualifier);
    return version.revisionId;
  }
  return (await requireAlias(tx, input, record.functionName, qualifier)).revisionId;
}

/** A policy change gives the version (or alias) a new RevisionId, as on AWS; the code revision stays. */
async function bumpRevision(tx: StoreWriter, input: OperationInput, record: FunctionRecord, qualifier: string | undefined): Promise<void> {
  const parent = functionParent(record.functionName);
  if (qualifier === undefined) {
    record.latest.revisionId = randomUUID();
  } else if (isVersionNumber(qualifier)) {
    const version = await tx.get(collections.lambdaVersion, input.region, parent, qualifier);
    if (version !== undefined) await tx.put(collections.lambdaVersion, { region: input.region, parent, id: qualifier }, { ...version, revisionId: randomUUID() });
  } else {
    const alias = await requireAlias(tx, input, record.functionName, qualifier);
    await tx.put(collections.lambdaAlias, { region: input.region, parent, id: qualifier }, { ...alias, revisionId: randomUUID() });
  }
  await tx.put(collections.lambdaFunction, { region: input.region, parent: '', id: record.functionName }, record);
}

/** AWS's statement shape: principal by kind, conditions in Lambda's order. */
function buildStatement(input: OperationInput, resource: string, sid: string): PolicyStatement {
  const body = input.body;
  const action = readString(body, 'Action') ?? '';
  if (!/^(lambda:[*]|lambda:[a-zA-Z]+|[*])$/.test(action)) {
    throw validationError(quoted(action), 'action', 'Member must satisfy regular expression pattern: (lambda:[*]|lambda:[a-zA-Z]+|[*])');
  }
  const principal = readString(body, 'Principal') ?? '';
  let shown: PolicyStatement['Principal'];
  if (principal.endsWith('.amazonaws.com')) shown = { Service: principal };
  else if (/^\d{12}$/.test(principal)) shown = { AWS: `arn:aws:iam::${principal}:root` };
  else if (/^arn:aws[a-zA-Z-]*:iam:/.test(principal)) shown = { AWS: principal };
  else if (principal === '*') shown = '*';
  else throw invalidParameter('The provided principal was invalid. Please check the principal and try again.');
  const condition: Record<string, Record<string, string>> = {};
  const equals = (key: string, value: string | undefined): void => {
    if (value !== undefined) condition.StringEquals = { ...condition.StringEquals, [key]: value };
  };
  equals('lambda:FunctionUrlAuthType', readString(body, 'FunctionUrlAuthType'));
  equals('aws:PrincipalOrgID', readString(body, 'PrincipalOrgID'));
  equals('AWS:SourceAccount', readString(body, 'SourceAccount'));
  equals('lambda:EventSourceToken', readString(body, 'EventSourceToken'));
  const sourceArn = readString(body, 'SourceArn');
  if (sourceArn !== undefined) condition.ArnLike = { 'AWS:SourceArn': sourceArn };
  return { Sid: sid, Effect: 'Allow', Principal: shown, Action: action, Resource: resource, ...(Object.keys(condition).length > 0 && { Condition: condition }) };
}
