// The IAM principals Portico knows: each access key with its secret, the principal ARN it stands for
// and an optional identity policy (none: allowed everything). Parsed at startup from the
// `--iam-principals` file; without one, AWS tooling's usual local key `test`/`test` is the account
// root. IAM User Guide "IAM identifiers"; STS GetCallerIdentity (UserId).

import { createHash } from 'node:crypto';
import { compilePolicy, PolicyDocumentError, type CompiledPolicy } from './policy-document.js';

export interface IamPrincipal {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** e.g. `arn:aws:iam::123456789012:user/alice` or `arn:aws:sts::123456789012:assumed-role/R/session` */
  readonly arn: string;
  readonly accountId: string;
  /** GetCallerIdentity's UserId (`$context.identity.caller` and `.user`): `AIDA…`, `AROA…:session`, or the account id for root. */
  readonly userId: string;
  /** The identity policy; `undefined` allows every action. */
  readonly policy: CompiledPolicy | undefined;
}

/** A principals file IAM would not accept; the message names the entry. */
export class PrincipalConfigError extends Error {}

const PRINCIPAL_ARN = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(root|user\/.+|role\/.+|assumed-role\/[^/]+\/[^/]+)$/;
const ACCESS_KEY_ID = /^[A-Za-z0-9]{1,128}$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** AWS tooling's local default credentials (`test`/`test`) standing for the account root, with no identity policy. */
export function defaultIamPrincipals(accountId: string): IamPrincipal[] {
  return [principalOf('test', 'test', `arn:aws:iam::${accountId}:root`, undefined, undefined)];
}

/** Parses the principals file's JSON: a list of `{accessKeyId, secretAccessKey, arn, policy?, userId?}`. */
export function parseIamPrincipals(value: unknown): IamPrincipal[] {
  if (!Array.isArray(value)) throw new PrincipalConfigError('the IAM principals must be a JSON list');
  const seen = new Set<string>();
  return value.map((entry: unknown, index) => {
    const where = `IAM principal ${index + 1}`;
    if (!isRecord(entry)) throw new PrincipalConfigError(`${where} is not an object`);
    const { accessKeyId, secretAccessKey, arn, policy, userId } = entry;
    if (typeof accessKeyId !== 'string' || !ACCESS_KEY_ID.test(accessKeyId)) throw new PrincipalConfigError(`${where}: accessKeyId must be letters and digits`);
    if (seen.has(accessKeyId)) throw new PrincipalConfigError(`${where}: accessKeyId ${accessKeyId} is listed twice`);
    seen.add(accessKeyId);
    if (typeof secretAccessKey !== 'string' || secretAccessKey === '') throw new PrincipalConfigError(`${where}: secretAccessKey must be a non-empty string`);
    if (typeof arn !== 'string' || !PRINCIPAL_ARN.test(arn)) throw new PrincipalConfigError(`${where}: arn must be an IAM user, role, assumed-role or root ARN`);
    if (userId !== undefined && typeof userId !== 'string') throw new PrincipalConfigError(`${where}: userId must be a string`);
    let compiled: CompiledPolicy | undefined;
    if (policy !== undefined && policy !== null) {
      try {
        compiled = compilePolicy(policy, 'identity');
      } catch (error) {
        if (error instanceof PolicyDocumentError) throw new PrincipalConfigError(`${where}: invalid policy: ${error.message}`);
        throw error;
      }
    }
    return principalOf(accessKeyId, secretAccessKey, arn, compiled, userId);
  });
}

function principalOf(accessKeyId: string, secretAccessKey: string, arn: string, policy: CompiledPolicy | undefined, userId: string | undefined): IamPrincipal {
  const match = PRINCIPAL_ARN.exec(arn)!;
  const accountId = match[2]!;
  return Object.freeze({ accessKeyId, secretAccessKey, arn, accountId, userId: userId ?? defaultUserId(arn, accountId, match[3]!), policy });
}

/** AWS: root's UserId is the account id; users get `AIDA…`, roles `AROA…`, sessions `AROA…:session`. */
function defaultUserId(arn: string, accountId: string, resource: string): string {
  if (resource === 'root') return accountId;
  if (resource.startsWith('user/')) return `AIDA${uniqueSuffix(arn)}`;
  if (resource.startsWith('role/')) return `AROA${uniqueSuffix(arn)}`;
  const [, role, session] = resource.split('/');
  return `AROA${uniqueSuffix(`arn:aws:iam::${accountId}:role/${role}`)}:${session}`;
}

/** 17 stable base32 characters, like the unique ids IAM issues. */
function uniqueSuffix(arn: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const digest = createHash('sha256').update(arn).digest();
  let out = '';
  for (let i = 0; i < 17; i++) out += alphabet[digest[i]! % 32];
  return out;
}
