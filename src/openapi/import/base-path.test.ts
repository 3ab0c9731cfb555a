// Unit tests of the OpenAPI base path rules (`basePath`, OAS 3 servers) and `basepath=ignore|prepend|split`.

import { describe, expect, it } from 'vitest';
import { basePathPrefix, documentBasePath } from './base-path.js';

describe('documentBasePath', () => {
  it('reads Swagger `basePath`, normalised', () => {
    expect(documentBasePath({ basePath: '/v1/' }, 2)).toBe('/v1');
    expect(documentBasePath({ basePath: '/' }, 2)).toBe('');
    expect(documentBasePath({}, 2)).toBe('');
  });

  it('reads the first server: its `basePath` variable, else its URL path (DG "Set the OpenAPI basePath")', () => {
    expect(documentBasePath({ servers: [{ url: 'https://{host}/{basePath}', variables: { basePath: { default: '/base-var' }, host: { default: 'x.com' } } }] }, 3)).toBe('/base-var');
    expect(documentBasePath({ servers: [{ url: 'https://api.example.com/base-url/part/' }, { url: 'https://other/x' }] }, 3)).toBe('/base-url/part');
    expect(documentBasePath({ servers: [{ url: '/relative' }] }, 3)).toBe('/relative');
    expect(documentBasePath({ servers: [{ url: 'https://{region}.example.com', variables: { region: { default: 'eu' } } }] }, 3)).toBe('');
    expect(documentBasePath({}, 3)).toBe('');
  });
});

describe('basePathPrefix', () => {
  it('ignore → none, prepend → all, split → without the first segment (AWS: /base-url/part → /part)', () => {
    expect(basePathPrefix('/base-url/part', 'ignore')).toBe('');
    expect(basePathPrefix('/base-url/part', 'prepend')).toBe('/base-url/part');
    expect(basePathPrefix('/base-url/part', 'split')).toBe('/part');
    expect(basePathPrefix('/base-var', 'split')).toBe('');
    expect(basePathPrefix('', 'prepend')).toBe('');
  });
});
