// `$context` helpers: CLF request time, request/trace ids, lookups by path.

import { describe, expect, it } from 'vitest';
import { ContextVariables, formatRequestTime } from './context-variables.js';
import { RequestIds } from './request-ids.js';

describe('context variables', () => {
  it('formats requestTime as CLF in UTC', () => {
    expect(formatRequestTime(Date.UTC(2026, 0, 5, 3, 4, 5))).toBe('05/Jan/2026:03:04:05 +0000');
  });

  it('makes ids in AWS formats from the random pool, never repeating', () => {
    const ids = new RequestIds();
    expect(ids.traceId(Date.UTC(2026, 0, 1))).toMatch(/^Root=1-6955b900-[0-9a-f]{24}$/);
    expect(ids.requestId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const extended = new Set(Array.from({ length: 2000 }, () => ids.extendedRequestId()));
    expect(extended.size).toBe(2000);
    for (const id of extended) expect(id).toMatch(/^[A-Za-z0-9+/]{15}=$/);
  });

  it('looks variables up by path, stringified; null and objects are unset', () => {
    const vars = new ContextVariables({
      accountId: '000000000000',
      apiId: 'api',
      deploymentId: 'dep',
      domainName: 'api.execute-api.localhost',
      extendedRequestId: 'ext=',
      httpMethod: 'GET',
      sourceIp: '1.2.3.4',
      userAgent: null,
      path: '/prod/x',
      protocol: 'HTTP/1.1',
      requestId: 'rid',
      requestTimeEpoch: 1000,
      stage: 'prod',
    });
    expect(vars.lookup(['identity', 'sourceIp'])).toBe('1.2.3.4');
    expect(vars.lookup(['requestTimeEpoch'])).toBe('1000');
    expect(vars.lookup(['requestTime'])).toBe('01/Jan/1970:00:00:01 +0000');
    expect(vars.lookup(['domainPrefix'])).toBe('api');
    expect(vars.lookup(['identity', 'userAgent'])).toBeUndefined();
    expect(vars.lookup(['identity'])).toBeUndefined();
    expect(vars.lookup(['nope', 'deeper'])).toBeUndefined();
  });
});
