// IAM policy documents (a principal's identity policy, an API's resource policy) parsed and compiled
// once — when Portico starts or a deployment is compiled — into statements that evaluate-policy.ts
// runs per request: Effect, Principal/NotPrincipal, Action/NotAction, Resource/NotResource with `*`
// and `?` wildcards, Condition. IAM User Guide "IAM JSON policy element reference".

import { compileConditions, ConditionError, type CompiledCondition } from './policy-conditions.js';

/** Which kind of policy: resource policies name principals, identity policies must not. */
export type PolicyKind = 'identity' | 'resource';

/** Who a Principal element names. `anyone` also matches anonymous callers. */
export interface PrincipalMatcher {
  readonly anyone: boolean;
  /** 12-digit account ids (`123456789012` or `arn:aws:iam::123456789012:root`). */
  readonly accounts: readonly string[];
  /** Exact IAM ARNs (users, roles, assumed-role sessions). */
  readonly arns: readonly string[];
}

export interface CompiledStatement {
  readonly sid: string | undefined;
  readonly allow: boolean;
  /** Absent in identity policies (the statement applies to the policy's own principal). */
  readonly principal: PrincipalMatcher | undefined;
  readonly notPrincipal: boolean;
  /** Lower-cased action patterns. */
  readonly actions: readonly string[];
  readonly notAction: boolean;
  readonly resources: readonly string[];
  readonly notResource: boolean;
  readonly conditions: readonly CompiledCondition[];
}

export interface CompiledPolicy {
  readonly kind: PolicyKind;
  readonly statements: readonly CompiledStatement[];
}

/** A document IAM would refuse; `reason` says why (AWS's own message is generic). */
export class PolicyDocumentError extends Error {}

const VERSIONS = ['2012-10-17', '2008-10-17'];
const AWS_PRINCIPAL = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):\S+$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses a policy given as JSON text or as an already-parsed object. */
export function compilePolicy(document: unknown, kind: PolicyKind): CompiledPolicy {
  let value = document;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      throw new PolicyDocumentError('the policy is not JSON');
    }
  }
  if (!isRecord(value)) throw new PolicyDocumentError('the policy is not a JSON object');
  if (value.Version !== undefined && !VERSIONS.includes(value.Version as string)) throw new PolicyDocumentError(`unsupported Version: ${String(value.Version)}`);
  const raw = Array.isArray(value.Statement) ? (value.Statement as unknown[]) : isRecord(value.Statement) ? [value.Statement] : undefined;
  if (raw === undefined) throw new PolicyDocumentError('the policy has no Statement');
  return Object.freeze({ kind, statements: Object.freeze(raw.map((statement) => compileStatement(statement, kind))) });
}

function compileStatement(value: unknown, kind: PolicyKind): CompiledStatement {
  if (!isRecord(value)) throw new PolicyDocumentError('a Statement is not an object');
  if (value.Effect !== 'Allow' && value.Effect !== 'Deny') throw new PolicyDocumentError('a Statement has no valid Effect');
  if (value.Sid !== undefined && typeof value.Sid !== 'string') throw new PolicyDocumentError('a Sid is not a string');
  const [principalValue, notPrincipal] = pick(value, 'Principal', 'NotPrincipal', kind === 'resource');
  if (kind === 'identity' && principalValue !== undefined) throw new PolicyDocumentError('an identity policy cannot name a Principal');
  const [actions, notAction] = pick(value, 'Action', 'NotAction', true);
  const [resources, notResource] = pick(value, 'Resource', 'NotResource', true);
  let conditions: CompiledCondition[];
  try {
    conditions = compileConditions(value.Condition);
  } catch (error) {
    if (error instanceof ConditionError) throw new PolicyDocumentError(error.message);
    throw error;
  }
  return Object.freeze({
    sid: value.Sid,
    allow: value.Effect === 'Allow',
    principal: principalValue === undefined ? undefined : compilePrincipal(principalValue),
    notPrincipal,
    actions: stringList(actions, 'Action').map((action) => action.toLowerCase()),
    notAction,
    resources: stringList(resources, 'Resource'),
    notResource,
    conditions,
  });
}

/** Exactly one of `name` / `notName` (when `required`; at most one otherwise). */
function pick(statement: Record<string, unknown>, name: string, notName: string, required: boolean): [unknown, boolean] {
  const plain = statement[name];
  const negated = statement[notName];
  if (plain !== undefined && negated !== undefined) throw new PolicyDocumentError(`a Statement has both ${name} and ${notName}`);
  if (required && plain === undefined && negated === undefined) throw new PolicyDocumentError(`a Statement has no ${name}`);
  return plain !== undefined ? [plain, false] : [negated, negated !== undefined];
}

function stringList(value: unknown, member: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) return value as string[];
  throw new PolicyDocumentError(`a Statement has no valid ${member}`);
}

function compilePrincipal(value: unknown): PrincipalMatcher {
  if (value === '*') return { anyone: true, accounts: [], arns: [] };
  if (!isRecord(value) || Object.keys(value).length === 0) throw new PolicyDocumentError('a Principal is not "*" or an object');
  let anyone = false;
  const accounts: string[] = [];
  const arns: string[] = [];
  for (const [type, entries] of Object.entries(value)) {
    const list = stringList(entries, 'Principal');
    if (type !== 'AWS') continue;
    for (const entry of list) {
      if (entry === '*') anyone = true;
      else if (/^\d{12}$/.test(entry)) accounts.push(entry);
      else {
        const match = AWS_PRINCIPAL.exec(entry);
        if (match === null) throw new PolicyDocumentError(`invalid principal: ${entry}`);
        if (match[1] === 'iam' && entry.endsWith(':root')) accounts.push(match[2]!);
        else arns.push(entry);
      }
    }
  }
  return { anyone, accounts, arns };
}
