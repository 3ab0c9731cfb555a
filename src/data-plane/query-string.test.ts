// Query string parsing as REST APIs decode it.

import { describe, expect, it } from 'vitest';
import { lastQueryValues, parseQuery } from './query-string.js';

describe('parseQuery', () => {
  it('groups repeated names in order and decodes + and percent escapes', () => {
    const query = parseQuery('a=1&b=x+y&a=2&c=%2B%20&d&e=');
    expect(Object.fromEntries(query)).toEqual({ a: ['1', '2'], b: ['x y'], c: ['+ '], d: [''], e: [''] });
  });

  it('keeps malformed escapes and skips empty pairs', () => {
    expect(Object.fromEntries(parseQuery('&x=%E0%A4%A&&y=%zz'))).toEqual({ x: ['%E0%A4%A'], y: ['%zz'] });
  });

  it('is case-sensitive', () => {
    expect(parseQuery('Name=1').get('name')).toBeUndefined();
  });

  it('gives the last values in the order parseQuery lists the names', () => {
    for (const raw of ['', 'a=1&b=x+y&a=2&c=%2B%20&d&e=', '&x=%E0%A4%A&&y=%zz', '2=a&1=b&z=c&2=d', '__proto__=x&a=b', 'a=b=c&=v&k', 'name=bench']) {
      const expected: Record<string, string> = {};
      for (const [name, values] of parseQuery(raw)) expected[name] = values[values.length - 1]!;
      const actual = lastQueryValues(raw);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      expect(actual).toStrictEqual(expected);
    }
  });
});
