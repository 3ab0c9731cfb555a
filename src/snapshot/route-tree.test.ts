// The REST router: AWS's precedence table (reference §1.2), trailing slashes, greedy values,
// percent-decoding, backtracking to `{proxy+}` ancestors, and O(depth) lookups on huge APIs.

import { describe, expect, it } from 'vitest';
import { RouteTree } from './route-tree.js';

function tree(routes: Array<[string, string]>): RouteTree<string> {
  const t = new RouteTree<string>();
  for (const [path, verb] of routes) t.add(path, verb, `${verb} ${path}`);
  return t;
}

const match = (t: RouteTree<string>, verb: string, path: string) => {
  const m = t.lookup(verb, path);
  return m === undefined ? undefined : { to: m.value, params: m.pathParameters };
};

describe('RouteTree precedence', () => {
  const t = tree([
    ['/', 'GET'],
    ['/pets', 'GET'],
    ['/pets', 'ANY'],
    ['/pets/{petId}', 'GET'],
    ['/pets/mine', 'GET'],
    ['/pets/{petId}/toys/{toy+}', 'ANY'],
    ['/{proxy+}', 'ANY'],
    ['/files/{path+}', 'GET'],
  ]);

  it.each([
    ['GET', '/', 'GET /', undefined],
    ['GET', '/pets', 'GET /pets', undefined],
    ['POST', '/pets', 'ANY /pets', undefined],
    ['GET', '/pets/mine', 'GET /pets/mine', undefined],
    ['GET', '/pets/7', 'GET /pets/{petId}', { petId: '7' }],
    ['DELETE', '/pets/7/toys/a/b', 'ANY /pets/{petId}/toys/{toy+}', { petId: '7', toy: 'a/b' }],
    ['GET', '/files/a/b/c.txt', 'GET /files/{path+}', { path: 'a/b/c.txt' }],
    ['GET', '/other/thing', 'ANY /{proxy+}', { proxy: 'other/thing' }],
  ])('%s %s → %s', (verb, path, to, params) => {
    expect(match(t, verb, path)).toEqual({ to, params });
  });

  it('literal child beats {param} (AWS §1.2)', () => {
    expect(match(t, 'GET', '/pets/mine')?.to).toBe('GET /pets/mine');
  });

  it('specific verb beats ANY on the same resource', () => {
    expect(match(t, 'GET', '/pets')?.to).toBe('GET /pets');
    expect(match(t, 'PATCH', '/pets')?.to).toBe('ANY /pets');
  });

  it('ANY covers DELETE GET HEAD OPTIONS PATCH POST PUT only', () => {
    const only = tree([['/x', 'ANY']]);
    for (const verb of ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']) expect(match(only, verb, '/x')?.to).toBe('ANY /x');
    for (const verb of ['TRACE', 'CONNECT', 'PROPFIND', 'get']) expect(match(only, verb, '/x')).toBeUndefined();
  });

  it('HEAD is not served by GET (AWS §1.2)', () => {
    const getOnly = tree([['/x', 'GET']]);
    expect(match(getOnly, 'HEAD', '/x')).toBeUndefined();
  });

  it('is case-sensitive', () => {
    const t2 = tree([['/Pets', 'GET']]);
    expect(match(t2, 'GET', '/pets')).toBeUndefined();
    expect(match(t2, 'GET', '/Pets')?.to).toBe('GET /Pets');
  });

  it('root / is not matched by /{proxy+} (a greedy value needs at least one character)', () => {
    const t2 = tree([['/{proxy+}', 'ANY']]);
    expect(match(t2, 'GET', '/')).toBeUndefined();
    expect(match(t2, 'GET', '/a')).toEqual({ to: 'ANY /{proxy+}', params: { proxy: 'a' } });
  });
});

describe('RouteTree paths', () => {
  const t = tree([
    ['/pets', 'GET'],
    ['/pets/{petId}', 'GET'],
    ['/{proxy+}', 'ANY'],
  ]);

  it('ignores a trailing slash for matching (AWS §1.2)', () => {
    expect(match(t, 'GET', '/pets/')?.to).toBe('GET /pets');
    expect(match(t, 'GET', '/pets/5/')).toEqual({ to: 'GET /pets/{petId}', params: { petId: '5' } });
  });

  it('greedy value drops the trailing slash and keeps inner double slashes (AWS §1.2)', () => {
    expect(match(t, 'GET', '/proxy-value/')?.params).toEqual({ proxy: 'proxy-value' });
    expect(match(t, 'GET', '/proxy-value//double-slash')?.params).toEqual({ proxy: 'proxy-value//double-slash' });
  });

  it('an empty segment never matches {param}', () => {
    expect(match(t, 'GET', '/pets//')?.to).toBe('ANY /{proxy+}');
  });

  it('percent-decodes path parameter values, keeping malformed escapes as sent', () => {
    expect(match(t, 'GET', '/pets/a%20b')?.params).toEqual({ petId: 'a b' });
    expect(match(t, 'GET', '/pets/%E0%A4%A')?.params).toEqual({ petId: '%E0%A4%A' });
    expect(match(t, 'GET', '/x/%2Fy')?.params).toEqual({ proxy: 'x//y' });
  });

  it('matches an encoded literal segment', () => {
    const t2 = tree([['/a:b', 'GET']]);
    expect(match(t2, 'GET', '/a%3Ab')?.to).toBe('GET /a:b');
  });
});

describe('RouteTree backtracking (UNCONFIRMED, documented in route-tree.ts)', () => {
  const t = tree([
    ['/{proxy+}', 'ANY'],
    ['/a', 'GET'],
    ['/a/{id}', 'GET'],
    ['/b/{rest+}', 'GET'],
    ['/b/c', 'GET'],
  ]);

  it('falls back to the deepest {proxy+} ancestor when a deeper branch has no child', () => {
    expect(match(t, 'GET', '/a/1/extra')).toEqual({ to: 'ANY /{proxy+}', params: { proxy: 'a/1/extra' } });
    expect(match(t, 'GET', '/b/c/d')).toEqual({ to: 'GET /b/{rest+}', params: { rest: 'c/d' } });
  });

  it('falls back when the matched resource does not define the verb', () => {
    expect(match(t, 'POST', '/a')).toEqual({ to: 'ANY /{proxy+}', params: { proxy: 'a' } });
    expect(match(t, 'POST', '/b/c')).toEqual({ to: 'ANY /{proxy+}', params: { proxy: 'b/c' } });
  });

  it('keeps path parameters collected above the greedy ancestor', () => {
    const t2 = tree([
      ['/u/{user}/{rest+}', 'GET'],
      ['/u/{user}/x/y', 'GET'],
    ]);
    expect(match(t2, 'GET', '/u/bob/x/z')).toEqual({ to: 'GET /u/{user}/{rest+}', params: { user: 'bob', rest: 'x/z' } });
  });

  it('does not retry a {param} sibling after a literal branch failed (O(depth))', () => {
    const t2 = tree([
      ['/users/me', 'GET'],
      ['/users/{id}/posts', 'GET'],
    ]);
    expect(match(t2, 'GET', '/users/me/posts')).toBeUndefined();
    expect(match(t2, 'GET', '/users/42/posts')?.params).toEqual({ id: '42' });
  });

  it('ignores a greedy ancestor that does not serve the verb', () => {
    const t2 = tree([
      ['/{proxy+}', 'GET'],
      ['/a/b', 'POST'],
    ]);
    expect(match(t2, 'DELETE', '/a/b')).toBeUndefined();
    expect(match(t2, 'GET', '/a/b')?.to).toBe('GET /{proxy+}');
  });
});

describe('RouteTree scale', () => {
  it('routes a 10,000-resource API as fast as a 10-resource one', () => {
    const small = tree(Array.from({ length: 10 }, (_, i): [string, string] => [`/r${i}/{id}/items`, 'GET']));
    const big = tree(Array.from({ length: 10_000 }, (_, i): [string, string] => [`/r${i}/{id}/items`, 'GET']));
    const time = (t: RouteTree<string>, path: string): number => {
      for (let i = 0; i < 20_000; i++) t.lookup('GET', path);
      const start = process.hrtime.bigint();
      for (let i = 0; i < 200_000; i++) t.lookup('GET', path);
      return Number(process.hrtime.bigint() - start);
    };
    expect(big.lookup('GET', '/r9999/5/items')?.pathParameters).toEqual({ id: '5' });
    const smallNs = Math.min(time(small, '/r5/7/items'), time(small, '/r5/7/items'));
    const bigNs = Math.min(time(big, '/r9876/7/items'), time(big, '/r9876/7/items'));
    expect(bigNs / smallNs).toBeLessThan(2);
  });
});
