// `$context` helpers: CLF request time, request/trace ids, lookups by path, the template copy.

import { describe, expect, it } from 'vitest';
import { ContextVariables, formatRequestTime } from './context-variables.js';
import { RequestIds } from './request-ids.js';

/** A request's variables, with `overrides` on the usual test values. */
function variables(overrides: Partial<ConstructorParameters<typeof ContextVariables>[0]> = {}): ContextVariables {
  return new ContextVariables({
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
    ...overrides,
  });
}

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

  it('makes request ids as version 4 UUIDs of the pool bytes', () => {
    const ids = new RequestIds();
    const pool = (ids as unknown as { pool: Buffer }).pool;
    const seen = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      const start = (ids as unknown as { offset: number }).offset % 8192;
      const id = ids.requestId();
      const used = start + 16 > 8192 ? 0 : start;
      const bytes = Buffer.from(pool.subarray(used, used + 16));
      bytes[6] = (bytes[6]! & 0x0f) | 0x40;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      expect(id).toBe(`${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`);
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(3000);
  });

  it('encodes x-amz-apigw-id as Buffer base64 does', () => {
    const ids = new RequestIds();
    const pool = (ids as unknown as { pool: Buffer }).pool;
    for (let n = 0; n < 3000; n++) {
      const start = (ids as unknown as { offset: number }).offset % 8192;
      const id = ids.extendedRequestId();
      const used = start + 11 > 8192 ? 0 : start;
      expect(id).toBe(pool.toString('base64', used, used + 11));
    }
  });

  it('looks variables up by path, stringified; null and objects are unset', () => {
    const vars = variables();
    expect(vars.lookup(['identity', 'sourceIp'])).toBe('1.2.3.4');
    expect(vars.lookup(['requestTimeEpoch'])).toBe('1000');
    expect(vars.lookup(['requestTime'])).toBe('01/Jan/1970:00:00:01 +0000');
    expect(vars.lookup(['domainPrefix'])).toBe('api');
    expect(vars.lookup(['identity', 'userAgent'])).toBeUndefined();
    expect(vars.lookup(['identity'])).toBeUndefined();
    expect(vars.lookup(['nope', 'deeper'])).toBeUndefined();
  });

  it('copies $context for templates as Object.assign would, plus the computed fields, in the same order', () => {
    const vars = variables({ userAgent: 'curl', isCanaryRequest: true });
    vars.resourceId = 'res';
    vars.resourcePath = '/x';
    vars.authorizer = { principalId: 'me' };
    const expected = Object.assign({}, vars) as unknown as Record<string, unknown>;
    expected.domainPrefix = vars.domainPrefix;
    expected.requestTime = vars.requestTime;
    const copy = vars.toTemplateContext();
    expect(Object.keys(copy)).toEqual(Object.keys(expected));
    expect(copy).toStrictEqual(expected);
    expect(copy.identity).toBe(vars.identity);
  });
});
