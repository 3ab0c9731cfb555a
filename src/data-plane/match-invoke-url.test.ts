// The invoke URL matcher on hand-made requests: the three forms, edge cases, and non-matches.

import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { matchInvokeUrl } from './match-invoke-url.js';

const req = (url: string, host = 'localhost:4566') => ({ url, rawHeaders: ['Host', host, 'Accept', '*/*'] }) as unknown as IncomingMessage;

describe('matchInvokeUrl', () => {
  it.each([
    ['/prod/a/b?x=1', 'abc.execute-api.localhost.localstack.cloud:4566', { apiId: 'abc', stageName: 'prod', path: '/a/b', rawQuery: 'x=1' }],
    ['/prod', 'abc.execute-api.anything', { apiId: 'abc', stageName: 'prod', path: '/', rawQuery: '' }],
    ['/prod/', 'abc.execute-api.anything', { apiId: 'abc', stageName: 'prod', path: '/', rawQuery: '' }],
    ['/', 'abc.execute-api.anything', { apiId: 'abc', stageName: '', path: '/', rawQuery: '' }],
    ['/_aws/execute-api/abc/prod/a%20b//c/?q', 'localhost', { apiId: 'abc', stageName: 'prod', path: '/a%20b//c/', rawQuery: 'q' }],
    ['/_aws/execute-api/abc', 'localhost', { apiId: 'abc', stageName: '', path: '/', rawQuery: '' }],
    ['/restapis/abc/prod/_user_request_/x?y=1', 'localhost', { apiId: 'abc', stageName: 'prod', path: '/x', rawQuery: 'y=1' }],
    ['/restapis/abc/prod/_user_request_', 'localhost', { apiId: 'abc', stageName: 'prod', path: '/', rawQuery: '' }],
    ['http://abc.execute-api.x/prod/p', 'abc.execute-api.x', { apiId: 'abc', stageName: 'prod', path: '/p', rawQuery: '' }],
  ])('%s (Host %s)', (url, host, target) => {
    expect(matchInvokeUrl(req(url, host))).toEqual(target);
  });

  it.each(['/restapis', '/restapis/abc', '/restapis/abc/stages/prod', '/restapis/abc/prod/_user_request_x', '/_aws/other', '/', '/execute-api/abc/prod'])('%s is a management call', (url) => {
    expect(matchInvokeUrl(req(url))).toBeUndefined();
  });

  it('ignores a host that only starts with execute-api', () => {
    expect(matchInvokeUrl(req('/prod/x', 'execute-api.localhost'))).toBeUndefined();
  });
});
