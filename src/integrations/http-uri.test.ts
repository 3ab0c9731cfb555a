// HTTP integration URIs: compile-time splitting and validation, request-time rendering.

import { describe, expect, it } from 'vitest';
import { compileHttpUri, encodePathValue, renderDynamicTarget, renderUriParts } from './http-uri.js';

describe('compileHttpUri', () => {
  it('keeps a static origin and path as plain strings (no per-request rendering)', () => {
    const uri = compileHttpUri('https://example.com:8443/a/b?x=1#frag');
    expect(uri).toMatchObject({ origin: 'https://example.com:8443', path: '/a/b', queryParts: ['x=1'] });
  });

  it('defaults an empty path to /', () => {
    expect(compileHttpUri('http://example.com').path).toBe('/');
    expect(compileHttpUri('http://example.com?q=1').path).toBe('/');
  });

  it('splits stage variables and path placeholders', () => {
    const uri = compileHttpUri('http://${stageVariables.host}/v/{id}/${stageVariables.tail}?a=${stageVariables.q}');
    expect(uri.origin).toBeUndefined();
    expect(uri.originParts).toEqual(['http://', { stageVariable: 'host' }]);
    expect(uri.pathParts).toEqual(['/v/', { pathParameter: 'id' }, '/', { stageVariable: 'tail' }]);
    expect(uri.queryParts).toEqual(['a=', { stageVariable: 'q' }]);
  });
});

describe('renderUriParts', () => {
  const parts = compileHttpUri('http://h/${stageVariables.v}/{id}/{other}').pathParts;

  it('inserts stage variables as written and encodes path values keeping slashes', () => {
    expect(renderUriParts(parts, { v: 'ver%20sion' }, { id: 'a b/c?', other: 'é' })).toBe('/ver%20sion/a%20b/c%3F/%C3%A9');
  });

  it('renders an unset stage variable as empty and an unmapped placeholder literally', () => {
    expect(renderUriParts(parts, {}, { id: '1' })).toBe('//1/%7Bother%7D');
  });
});

describe('renderDynamicTarget', () => {
  // AWS: a stage variable may hold the full URI without protocol ("Use stage variables for an HTTP integration").
  it('moves a path carried by a stage variable holding host and path in front of the URI path', () => {
    const bare = compileHttpUri('http://${stageVariables.url}');
    expect(renderDynamicTarget(bare, { url: 'example.com:8080/api/v1' }, undefined)).toEqual({ origin: 'http://example.com:8080', path: '/api/v1' });
    expect(renderDynamicTarget(bare, { url: 'example.com' }, undefined)).toEqual({ origin: 'http://example.com', path: '/' });
    const withPath = compileHttpUri('https://${stageVariables.url}/pets/{id}');
    expect(renderDynamicTarget(withPath, { url: 'example.com/api/' }, { id: '7' })).toEqual({ origin: 'https://example.com', path: '/api/pets/7' });
    expect(renderDynamicTarget(withPath, { url: 'example.com' }, { id: '7' })).toEqual({ origin: 'https://example.com', path: '/pets/7' });
  });
});

describe('encodePathValue', () => {
  it.each([
    ['plain-value_1.~', 'plain-value_1.~'],
    ['a/b', 'a/b'],
    ['100%', '100%25'],
    ['a b', 'a%20b'],
    ['x#y', 'x%23y'],
  ])('%s → %s', (value, encoded) => expect(encodePathValue(value)).toBe(encoded));
});
