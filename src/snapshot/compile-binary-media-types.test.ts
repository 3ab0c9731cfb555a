// binaryMediaTypes matching: exact types, `type/*` and `*/*`, parameters ignored (reference §2.5).

import { describe, expect, it } from 'vitest';
import { compileBinaryMediaTypes } from './compile-binary-media-types.js';

describe('compileBinaryMediaTypes', () => {
  it('none declared: nothing is binary', () => {
    const types = compileBinaryMediaTypes(undefined);
    expect(types.none).toBe(true);
    expect(types.matches('image/png')).toBe(false);
    expect(compileBinaryMediaTypes([]).none).toBe(true);
  });

  it('matches exact types case-insensitively, ignoring parameters', () => {
    const types = compileBinaryMediaTypes(['application/octet-stream', 'Image/PNG']);
    expect(types.none).toBe(false);
    expect(types.matches('application/octet-stream; charset=binary')).toBe(true);
    expect(types.matches('image/png')).toBe(true);
    expect(types.matches('image/jpeg')).toBe(false);
    expect(types.matches(undefined)).toBe(false);
    expect(types.matches('')).toBe(false);
  });

  it('matches wildcards', () => {
    expect(compileBinaryMediaTypes(['image/*']).matches('image/jpeg')).toBe(true);
    expect(compileBinaryMediaTypes(['image/*']).matches('text/plain')).toBe(false);
    expect(compileBinaryMediaTypes(['*/*']).matches('text/plain')).toBe(true);
  });
});
