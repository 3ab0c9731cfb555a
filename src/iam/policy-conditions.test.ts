// The Condition operators beyond String, Arn, IP and Bool: Numeric, Date, BinaryEquals, `…IfExists` on
// them, and the `ForAnyValue:` / `ForAllValues:` set qualifiers over Portico's single-valued keys. Each
// case names the IAM User Guide fact it pins; the page is "IAM JSON policy elements: Condition
// operators" unless the title names another.

import { describe, expect, it } from 'vitest';
import { compileConditions, ConditionError, type ConditionContext } from './policy-conditions.js';

type Block = Record<string, Record<string, unknown>>;

/** Whether every condition of the block holds for a request carrying these context keys. */
function holds(block: Block, keys: Record<string, string> = {}): boolean {
  const lower = new Map(Object.entries(keys).map(([key, value]) => [key.toLowerCase(), value]));
  const context: ConditionContext = (key) => lower.get(key);
  return compileConditions(block).every((condition) => condition.test(context));
}

const refused = (block: Block) => expect(() => compileConditions(block)).toThrow(ConditionError);

describe('Numeric condition operators', () => {
  it.each([
    ['NumericEquals', [false, true, false]],
    ['NumericNotEquals', [true, false, true]],
    ['NumericLessThan', [true, false, false]],
    ['NumericLessThanEquals', [true, true, false]],
    ['NumericGreaterThan', [false, false, true]],
    ['NumericGreaterThanEquals', [false, true, true]],
  ])('%s against 10 for a request of 9, 10, 11 ("Less than", "Less than or equals"... matching)', (operator, expected) => {
    expect(['9', '10', '11'].map((value) => holds({ [operator]: { 's3:max-keys': '10' } }, { 's3:max-keys': value }))).toEqual(expected);
  });

  it('compare an "integer or decimal value" as a number, not as text', () => {
    expect(holds({ NumericEquals: { 's3:max-keys': '10.0' } }, { 's3:max-keys': '10' })).toBe(true);
    expect(holds({ NumericLessThan: { 's3:max-keys': '9.5' } }, { 's3:max-keys': '10' })).toBe(false);
    expect(holds({ NumericGreaterThan: { 's3:max-keys': '-1' } }, { 's3:max-keys': '0.25' })).toBe(true);
    expect(holds({ NumericLessThanEquals: { 's3:max-keys': 10 } }, { 's3:max-keys': '10' })).toBe(true);
  });

  it('any listed policy value may match; the negated operator holds when none does', () => {
    expect(holds({ NumericEquals: { 's3:max-keys': ['1', '2'] } }, { 's3:max-keys': '2' })).toBe(true);
    expect(holds({ NumericNotEquals: { 's3:max-keys': ['1', '2'] } }, { 's3:max-keys': '2' })).toBe(false);
    expect(holds({ NumericNotEquals: { 's3:max-keys': ['1', '2'] } }, { 's3:max-keys': '3' })).toBe(true);
  });

  it('a request value that is not a number matches none of the positive operators', () => {
    for (const operator of ['NumericEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals']) {
      expect(holds({ [operator]: { 'aws:CurrentTime': '10' } }, { 'aws:CurrentTime': '2026-01-01T00:00:00Z' })).toBe(false);
    }
  });

  it('a key absent from the request: "the values do not match", but NumericNotEquals (negated) holds', () => {
    expect(holds({ NumericLessThan: { 's3:max-keys': '10' } })).toBe(false);
    expect(holds({ NumericNotEquals: { 's3:max-keys': '10' } })).toBe(true);
  });

  it('…IfExists: "If the key is not present, evaluate the condition element as true", else compare', () => {
    expect(holds({ NumericLessThanIfExists: { 's3:max-keys': '10' } })).toBe(true);
    expect(holds({ NumericLessThanIfExists: { 's3:max-keys': '10' } }, { 's3:max-keys': '5' })).toBe(true);
    expect(holds({ NumericLessThanIfExists: { 's3:max-keys': '10' } }, { 's3:max-keys': '11' })).toBe(false);
    expect(holds({ NumericNotEqualsIfExists: { 's3:max-keys': '10' } }, { 's3:max-keys': '10' })).toBe(false);
  });

  it.each(['ten', '', '12abc', '1,000', '--1', true])('a policy value that is not a number (%j) is a policy error', (value) => {
    refused({ NumericEquals: { 's3:max-keys': value } });
  });
});

describe('Date condition operators', () => {
  const NEW_YEAR = '2026-01-01T00:00:00Z';
  const NEW_YEAR_EPOCH = '1767225600';

  it.each([
    ['DateEquals', [false, true, false]],
    ['DateNotEquals', [true, false, true]],
    ['DateLessThan', [true, false, false]],
    ['DateLessThanEquals', [true, true, false]],
    ['DateGreaterThan', [false, false, true]],
    ['DateGreaterThanEquals', [false, true, true]],
  ])('%s against 2026-01-01T00:00:00Z, a second before, at and after ("Matching before/at or before/after...")', (operator, expected) => {
    const requests = ['2025-12-31T23:59:59Z', NEW_YEAR, '2026-01-01T00:00:01Z'];
    expect(requests.map((value) => holds({ [operator]: { 'aws:CurrentTime': NEW_YEAR } }, { 'aws:CurrentTime': value }))).toEqual(expected);
  });

  it('"W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time" name the same instant', () => {
    for (const policy of [NEW_YEAR, '2026-01-01', '2026-01-01T00:00Z', '2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00+01:00', '2025-12-31T19:00:00-05:00', NEW_YEAR_EPOCH]) {
      expect(holds({ DateEquals: { 'aws:CurrentTime': policy } }, { 'aws:CurrentTime': NEW_YEAR })).toBe(true);
      expect(holds({ DateEquals: { 'aws:EpochTime': policy } }, { 'aws:EpochTime': NEW_YEAR_EPOCH })).toBe(true);
    }
    expect(holds({ DateLessThan: { 'aws:EpochTime': 1767225601 } }, { 'aws:EpochTime': NEW_YEAR_EPOCH })).toBe(true);
    expect(holds({ DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00.5Z' } }, { 'aws:CurrentTime': NEW_YEAR })).toBe(false);
  });

  it('a window on aws:CurrentTime with DateGreaterThan and DateLessThan (page "AWS: Allows access based on date and time")', () => {
    const window = { DateGreaterThan: { 'aws:CurrentTime': '2020-04-01T00:00:00Z' }, DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' } };
    expect(holds(window, { 'aws:CurrentTime': '2020-05-15T12:00:00Z' })).toBe(true);
    expect(holds(window, { 'aws:CurrentTime': '2020-07-01T00:00:00Z' })).toBe(false);
    expect(holds(window, { 'aws:CurrentTime': '2020-03-31T23:59:59Z' })).toBe(false);
  });

  it('a key absent from the request fails the positive operators, DateNotEquals and …IfExists hold', () => {
    expect(holds({ DateGreaterThan: { 'aws:TokenIssueTime': NEW_YEAR } })).toBe(false);
    expect(holds({ DateNotEquals: { 'aws:TokenIssueTime': NEW_YEAR } })).toBe(true);
    expect(holds({ DateGreaterThanIfExists: { 'aws:TokenIssueTime': NEW_YEAR } })).toBe(true);
    expect(holds({ DateGreaterThanIfExists: { 'aws:TokenIssueTime': NEW_YEAR } }, { 'aws:TokenIssueTime': '2025-06-01T00:00:00Z' })).toBe(false);
  });

  it('a request value that is not a date matches none of the positive operators', () => {
    expect(holds({ DateLessThan: { 'aws:UserAgent': NEW_YEAR } }, { 'aws:UserAgent': 'curl/8.0' })).toBe(false);
  });

  it.each(['yesterday', '2026-02-30', '2026-13-01', '2026-01-01T24:00:00Z', '2026-01-01 00:00:00Z', '01/01/2026', '2026-01-01T00:00:00Zulu', ''])(
    'a policy value that is neither ISO 8601 nor epoch time (%j) is a policy error',
    (value) => refused({ DateLessThan: { 'aws:CurrentTime': value } }),
  );
});

describe('BinaryEquals', () => {
  const VALUE = 'QmluYXJ5VmFsdWVJbkJhc2U2NA==';

  it('"compares the value of the specified key byte for byte against a base-64 encoded representation" (the page\'s own table)', () => {
    expect(holds({ BinaryEquals: { key: VALUE } }, { key: VALUE })).toBe(true);
    expect(holds({ BinaryEquals: { key: VALUE } }, { key: 'ASIAIOSFODNN7EXAMPLE' })).toBe(false);
    expect(holds({ BinaryEquals: { key: VALUE } })).toBe(false);
  });

  it('…IfExists holds for an absent key; a request value that is not base64 does not match', () => {
    expect(holds({ BinaryEqualsIfExists: { key: VALUE } })).toBe(true);
    expect(holds({ BinaryEqualsIfExists: { key: VALUE } }, { key: 'not base64!' })).toBe(false);
  });

  it('a policy value that is not base64 is a policy error; there is no BinaryNotEquals', () => {
    refused({ BinaryEquals: { key: 'not base64!' } });
    refused({ BinaryEquals: { key: 'QQ=' } });
    refused({ BinaryNotEquals: { key: VALUE } });
  });
});

describe('set qualifiers ForAnyValue: and ForAllValues: (page "Single-valued vs. multivalued context keys")', () => {
  it('a present single-valued key is a one-element set: the qualified operator decides', () => {
    expect(holds({ 'ForAnyValue:StringLike': { 'aws:UserAgent': 'curl/*' } }, { 'aws:UserAgent': 'curl/8.0' })).toBe(true);
    expect(holds({ 'ForAnyValue:StringLike': { 'aws:UserAgent': 'curl/*' } }, { 'aws:UserAgent': 'wget' })).toBe(false);
    expect(holds({ 'ForAllValues:StringLike': { 'aws:UserAgent': 'curl/*' } }, { 'aws:UserAgent': 'curl/8.0' })).toBe(true);
    expect(holds({ 'ForAllValues:StringLike': { 'aws:UserAgent': 'curl/*' } }, { 'aws:UserAgent': 'wget' })).toBe(false);
    expect(holds({ 'ForAllValues:StringNotLike': { 'aws:UserAgent': 'curl/*' } }, { 'aws:UserAgent': 'wget' })).toBe(true);
  });

  it('ForAnyValue over an absent key: "if the key does not exist, the condition returns false", even negated', () => {
    expect(holds({ 'ForAnyValue:StringLike': { 'aws:UserAgent': '*' } })).toBe(false);
    expect(holds({ 'ForAnyValue:StringNotEquals': { 'aws:UserAgent': 'curl/8.0' } })).toBe(false);
  });

  it('ForAllValues over an absent key: "It also returns true if there are no context keys in the request"', () => {
    expect(holds({ 'ForAllValues:StringEquals': { 'aws:UserAgent': 'curl/8.0' } })).toBe(true);
    expect(holds({ 'ForAllValues:NumericLessThan': { 's3:max-keys': '10' } })).toBe(true);
  });

  it('qualify any operator, …IfExists included ("If the key is not present, evaluate the condition element as true")', () => {
    expect(holds({ 'ForAnyValue:NumericLessThan': { 's3:max-keys': '10' } }, { 's3:max-keys': '9' })).toBe(true);
    expect(holds({ 'ForAllValues:DateGreaterThan': { 'aws:CurrentTime': '2026-01-01' } }, { 'aws:CurrentTime': '2025-01-01T00:00:00Z' })).toBe(false);
    expect(holds({ 'ForAnyValue:IpAddress': { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.1.2.3' })).toBe(true);
    expect(holds({ 'ForAllValues:Bool': { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' })).toBe(false);
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:UserAgent': 'curl/8.0' } })).toBe(true);
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:UserAgent': 'curl/8.0' } }, { 'aws:UserAgent': 'wget' })).toBe(false);
  });

  it('policy values are still checked under a qualifier', () => {
    refused({ 'ForAnyValue:NumericEquals': { 's3:max-keys': 'ten' } });
    refused({ 'ForAllValues:DateEquals': { 'aws:CurrentTime': 'tomorrow' } });
  });
});

describe('operators IAM does not define stay refused', () => {
  it.each(['StringSoundsLike', 'ForSomeValues:StringLike', 'ForAnyValue:', 'ForAnyValue:StringSoundsLike', 'ForAnyValue:ForAllValues:StringLike', 'ForAnyValue:Null', 'NullIfExists', 'numericequals'])(
    '%s (IfExists may follow "any condition operator name except the Null condition")',
    (operator) => refused({ [operator]: { 'aws:UserAgent': 'x' } }),
  );
});
