// A statement's Condition block, compiled with its policy (operators resolved; IP ranges, numbers, dates
// and base64 parsed) and evaluated per request. IAM semantics: every operator and key must hold, any listed
// value may match; an absent key fails positive operators, satisfies negated ones, `…IfExists`, `Null: true`
// and `ForAllValues:`. IAM User Guide "IAM JSON policy elements: Condition operators", "Single-valued vs. multivalued context keys".

import { ipInRange, parseIpAddress, parseIpRange, type IpRange } from './ip-range.js';
import { parseBase64, parseInstant, parseNumber } from './condition-values.js';
import { matchesWildcard } from './wildcard.js';

/** Request context keys by lower-cased name (`aws:sourceip`); `undefined` when the request has none. */
export type ConditionContext = (lowerKey: string) => string | undefined;

export interface CompiledCondition {
  /** e.g. `StringEquals`, for diagnostics. */
  readonly operator: string;
  readonly key: string;
  test(context: ConditionContext): boolean;
}

/** Thrown for a Condition block IAM would refuse (or an operator Portico does not evaluate). */
export class ConditionError extends Error {}

type ValueTest = (requestValue: string, policyValues: readonly string[]) => boolean;

interface OperatorDefinition {
  /** Whether the operator is a negation (true when the key is absent). */
  readonly negated: boolean;
  readonly compare: (policyValues: readonly string[]) => (requestValue: string) => boolean;
}

const matchAny =
  (test: ValueTest) =>
  (values: readonly string[]) =>
  (requestValue: string): boolean =>
    test(requestValue, values);

const equals: ValueTest = (value, values) => values.includes(value);
const equalsIgnoreCase: ValueTest = (value, values) => values.some((item) => item.toLowerCase() === value.toLowerCase());
const like: ValueTest = (value, values) => values.some((item) => matchesWildcard(item, value));
const bool: ValueTest = (value, values) => values.some((item) => item.toLowerCase() === value.toLowerCase());

function ipRanges(values: readonly string[]): (requestValue: string) => boolean {
  const ranges: IpRange[] = values.map((value) => {
    const range = parseIpRange(value);
    if (range === undefined) throw new ConditionError(`invalid IP address or CIDR range: ${value}`);
    return range;
  });
  return (requestValue) => {
    const address = parseIpAddress(requestValue);
    return address !== undefined && ranges.some((range) => ipInRange(address, range));
  };
}

/** Parses every policy value now (IAM refuses one it cannot read); a request value that does not parse matches none (so a negated operator holds). */
function compareParsed<T>(kind: string, parse: (text: string) => T | undefined, holds: (request: T, policy: T) => boolean) {
  return (values: readonly string[]): ((requestValue: string) => boolean) => {
    const parsed = values.map((value) => {
      const result = parse(value);
      if (result === undefined) throw new ConditionError(`invalid ${kind} condition value: ${value}`);
      return result;
    });
    return (requestValue) => {
      const request = parse(requestValue);
      return request !== undefined && parsed.some((policy) => holds(request, policy));
    };
  };
}

const numeric = (holds: (request: number, policy: number) => boolean) => compareParsed('numeric', parseNumber, holds);
const date = (holds: (request: number, policy: number) => boolean) => compareParsed('date', parseInstant, holds);

const OPERATORS: Readonly<Record<string, OperatorDefinition>> = {
  StringEquals: { negated: false, compare: matchAny(equals) },
  StringNotEquals: { negated: true, compare: matchAny(equals) },
  StringEqualsIgnoreCase: { negated: false, compare: matchAny(equalsIgnoreCase) },
  StringNotEqualsIgnoreCase: { negated: true, compare: matchAny(equalsIgnoreCase) },
  StringLike: { negated: false, compare: matchAny(like) },
  StringNotLike: { negated: true, compare: matchAny(like) },
  // AWS: ArnEquals and ArnLike both accept wildcards in every ARN segment.
  ArnEquals: { negated: false, compare: matchAny(like) },
  ArnLike: { negated: false, compare: matchAny(like) },
  ArnNotEquals: { negated: true, compare: matchAny(like) },
  ArnNotLike: { negated: true, compare: matchAny(like) },
  IpAddress: { negated: false, compare: ipRanges },
  NotIpAddress: { negated: true, compare: ipRanges },
  Bool: { negated: false, compare: matchAny(bool) },
  NumericEquals: { negated: false, compare: numeric((request, policy) => request === policy) },
  NumericNotEquals: { negated: true, compare: numeric((request, policy) => request === policy) },
  NumericLessThan: { negated: false, compare: numeric((request, policy) => request < policy) },
  NumericLessThanEquals: { negated: false, compare: numeric((request, policy) => request <= policy) },
  NumericGreaterThan: { negated: false, compare: numeric((request, policy) => request > policy) },
  NumericGreaterThanEquals: { negated: false, compare: numeric((request, policy) => request >= policy) },
  DateEquals: { negated: false, compare: date((request, policy) => request === policy) },
  DateNotEquals: { negated: true, compare: date((request, policy) => request === policy) },
  DateLessThan: { negated: false, compare: date((request, policy) => request < policy) },
  DateLessThanEquals: { negated: false, compare: date((request, policy) => request <= policy) },
  DateGreaterThan: { negated: false, compare: date((request, policy) => request > policy) },
  DateGreaterThanEquals: { negated: false, compare: date((request, policy) => request >= policy) },
  // AWS: BinaryEquals "compares the value of the specified key byte for byte against a base-64
  // encoded representation"; the request value is base64 too.
  BinaryEquals: { negated: false, compare: compareParsed('binary', parseBase64, (request, policy) => request.equals(policy)) },
};

const SET_QUALIFIERS = ['ForAnyValue', 'ForAllValues'] as const;
type SetQualifier = (typeof SET_QUALIFIERS)[number];

/** `ForAnyValue:StringLike` → [`ForAnyValue`, `StringLike`]; an operator without one → [undefined, itself]. */
function splitSetQualifier(operator: string): [SetQualifier | undefined, string] {
  const qualifier = SET_QUALIFIERS.find((name) => operator.startsWith(`${name}:`));
  return qualifier === undefined ? [undefined, operator] : [qualifier, operator.slice(qualifier.length + 1)];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function compileConditions(block: unknown): CompiledCondition[] {
  if (block === undefined) return [];
  if (!isRecord(block)) throw new ConditionError('Condition is not an object');
  const conditions: CompiledCondition[] = [];
  for (const [operator, keys] of Object.entries(block)) {
    if (!isRecord(keys)) throw new ConditionError(`the ${operator} condition is not an object`);
    for (const [key, raw] of Object.entries(keys)) conditions.push(compileCondition(operator, key, conditionValues(raw, operator)));
  }
  return conditions;
}

function conditionValues(raw: unknown, operator: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  return list.map((value) => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw new ConditionError(`a ${operator} condition value is not a string`);
  });
}

function compileCondition(operator: string, key: string, values: readonly string[]): CompiledCondition {
  const lowerKey = key.toLowerCase();
  if (operator === 'Null') {
    // AWS: `Null: true` holds when the key is absent, `false` when present.
    const wantsAbsent = values.some((value) => value.toLowerCase() === 'true');
    return { operator, key, test: (context) => (context(lowerKey) === undefined) === wantsAbsent };
  }
  const [qualifier, name] = splitSetQualifier(operator);
  const ifExists = name.endsWith('IfExists');
  const base = ifExists ? name.slice(0, -'IfExists'.length) : name;
  const definition = Object.hasOwn(OPERATORS, base) ? OPERATORS[base] : undefined;
  if (definition === undefined) throw new ConditionError(`unsupported condition operator: ${operator}`);
  const matches = definition.compare(values);
  // Request keys here hold one value or none, so a set qualifier sees a one-element set (the operator
  // itself decides) or an empty one. AWS: ForAllValues "also returns true if there are no context keys
  // in the request"; ForAnyValue then has no value that matches. `…IfExists` holds for an absent key.
  const absent = ifExists || (qualifier === undefined ? definition.negated : qualifier === 'ForAllValues');
  const negated = definition.negated;
  return {
    operator,
    key,
    test(context) {
      const value = context(lowerKey);
      if (value === undefined) return absent;
      return matches(value) !== negated;
    },
  };
}
