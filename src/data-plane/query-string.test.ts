// Query string parsing as REST APIs decode it.

import { describe, expect, it } from 'vitest';
import { parseQuery } from './query-string.js';

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
});
