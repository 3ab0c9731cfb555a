// Unit tests for reading `x-amazon-apigateway-documentation` into the import plan (DG "Import API
// documentation"); the location checks themselves are pinned in test/e2e/documentation-parts.test.ts.

import { describe, expect, it } from 'vitest';
import { convertDocumentationParts } from './documentation.js';

describe('convertDocumentationParts', () => {
  it('reads each part, writing its properties object as JSON text', () => {
    const warnings: string[] = [];
    const root = {
      'x-amazon-apigateway-documentation': {
        version: '1',
        documentationParts: [{ location: { type: 'API' }, properties: { description: 'd' } }, { location: { type: 'MODEL', name: 'Pet' } }],
      },
    };
    expect(convertDocumentationParts(root, warnings)).toEqual([
      { location: { type: 'API' }, properties: '{"description":"d"}' },
      { location: { type: 'MODEL', name: 'Pet' }, properties: '{}' },
    ]);
    expect(warnings).toEqual([]);
  });

  it('has no parts without the extension, and warns (instead of ignoring silently) about malformed ones', () => {
    const warnings: string[] = [];
    expect(convertDocumentationParts({}, warnings)).toEqual([]);
    expect(convertDocumentationParts({ 'x-amazon-apigateway-documentation': { documentationParts: [1, { properties: {} }] } }, warnings)).toEqual([]);
    expect(convertDocumentationParts({ 'x-amazon-apigateway-documentation': 'x' }, warnings)).toEqual([]);
    expect(warnings).toEqual([
      'Invalid documentation part at index 0: a part needs a location object. Ignoring.',
      'Invalid documentation part at index 1: a part needs a location object. Ignoring.',
      'Invalid x-amazon-apigateway-documentation: documentationParts must be a list. Ignoring.',
    ]);
  });
});
