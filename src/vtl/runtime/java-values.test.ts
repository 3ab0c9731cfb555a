// Unit tests for Double.toString (javaDoubleToString): the hundredths fast path must print exactly
// what the general path (String(d), plus `.0` / E notation) prints.

import { describe, expect, it } from 'vitest';
import { javaDoubleToString } from './java-values.js';

/** The general path alone, as the reference. */
function viaString(d: number): string {
  const s = String(d);
  return s.includes('.') ? s : `${s}.0`;
}

describe('javaDoubleToString', () => {
  it('prints Java Double.toString forms', () => {
    const cases: [number, string][] = [
      [9.5, '9.5'], [0.05, '0.05'], [-12.34, '-12.34'], [0.07, '0.07'], [100.1, '100.1'], [3, '3.0'], [-0.5, '-0.5'],
      [9999999.99, '9999999.99'], [0.001, '0.001'], [1e7, '1.0E7'], [1.0e-4, '1.0E-4'], [0.1 + 0.2, '0.30000000000000004'], [-0, '-0.0'],
    ];
    for (const [d, text] of cases) expect(javaDoubleToString(d)).toBe(text);
  });

  it('prints hundredths, and doubles next to them, as String(d) does', () => {
    for (let k = -100_000; k <= 100_000; k += 7) {
      for (const d of [k / 100, k / 1000, (k / 100) * (1 + 2 ** -52), (k / 100) * (1 - 2 ** -53), k / 100 + 1e-9]) {
        if (Math.abs(d) >= 1e-3 && Math.abs(d) < 1e7) expect(javaDoubleToString(d)).toBe(viaString(d));
      }
    }
  });
});
