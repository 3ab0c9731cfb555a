// Unit tests for VTL operators and printing: Velocity 1.7 MathUtils arithmetic, comparison and
// equality rules, #if truthiness, and Java's String.valueOf / Double.toString output.

import { describe, expect, it } from 'vitest';
import { JavaDouble, javaDoubleToString, javaList } from './java-values.js';
import { add, arithmetic, isTruthy, javaEquals, relational, velocityEquals } from './operators.js';
import { toJavaString } from './print.js';

describe('arithmetic', () => {
  it('keeps integers exact, widening past 2^53 to bigint', () => {
    expect(arithmetic(7, 2, '/')).toBe(3);
    expect(arithmetic(-7, 2, '/')).toBe(-3);
    expect(arithmetic(2 ** 52, 4, '*')).toBe(2n ** 54n);
    expect(arithmetic(9007199254740993n, 2, '-')).toBe(9007199254740991);
  });

  it('makes doubles contagious and yields null for zero divisors and non-numbers', () => {
    expect(arithmetic(1, new JavaDouble(2), '+')).toBeInstanceOf(JavaDouble);
    expect(arithmetic(1, 0, '/')).toBeNull();
    expect(arithmetic(1.5, 0, '%')).toBeNull();
    expect(arithmetic('1', 1, '-')).toBeNull();
  });

  it('concatenates when either side is a string, printing null operands as their source', () => {
    expect(add('a', 1, '"a"', '1')).toBe('a1');
    expect(add(null, 'b', '$x', '"b"')).toBe('$xb');
    expect(add(1, 2, '', '')).toBe(3);
  });
});

describe('comparisons', () => {
  it('only compares numbers with < and friends', () => {
    expect(relational(1, new JavaDouble(1), '<=')).toBe(true);
    expect(relational('a', 'b', '<')).toBe(false);
    expect(relational(null, 1, '>')).toBe(false);
  });

  it('implements Velocity 1.7 == with the API Gateway null rule', () => {
    expect(velocityEquals(1, new JavaDouble(1))).toBe(true);
    expect(velocityEquals('1', 1)).toBe(true);
    expect(velocityEquals(null, undefined)).toBe(true);
    expect(velocityEquals(null, '')).toBe(true);
    expect(velocityEquals(null, 0)).toBe(false);
    expect(velocityEquals(javaList([1]), [1])).toBe(true);
  });

  it('implements Object.equals for .equals()', () => {
    expect(javaEquals(1, new JavaDouble(1))).toBe(false);
    expect(javaEquals(new Map([['a', 1]]), { a: 1 })).toBe(true);
  });

  it('treats only null and false as false', () => {
    expect([null, undefined, false, true, '', 0].map(isTruthy)).toEqual([false, false, false, true, true, true]);
  });
});

describe('printing', () => {
  it('prints doubles as Double.toString', () => {
    expect([1, 1.5, 1e7, 1.2345e-5, 0.001, -0, Number.NaN, -Infinity].map(javaDoubleToString)).toEqual([
      '1.0', '1.5', '1.0E7', '1.2345E-5', '0.001', '-0.0', 'NaN', '-Infinity',
    ]);
  });

  it('prints template lists Java-style and JSON lists as JSON', () => {
    expect(toJavaString(javaList(['a', null, 1]))).toBe('[a, null, 1]');
    expect(toJavaString(['a/b', null, 1])).toBe('["a\\/b",null,1]');
    expect(toJavaString(new Map<unknown, unknown>([['k', javaList([1])], ['j', [2]]]))).toBe('{k=[1], j=[2]}');
  });

  it('prints null as undefined and -0 as 0', () => {
    expect(toJavaString(null)).toBeUndefined();
    expect(toJavaString(-0)).toBe('0');
  });
});
