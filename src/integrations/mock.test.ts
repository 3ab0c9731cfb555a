// How MOCK reads the status code from its request template output (reference §1.9).

import { describe, expect, it } from 'vitest';
import { parseStatusCode } from './mock.js';

describe('parseStatusCode', () => {
  it('reads an integer statusCode from JSON', () => {
    expect(parseStatusCode('{"statusCode": 200}')).toBe(200);
    expect(parseStatusCode(' {\n  "statusCode" : 404, "x": 1 }\n')).toBe(404);
    expect(parseStatusCode('{"statusCode": "500"}')).toBe(500);
  });
  it('reads the plain form without JSON.parse exactly as JSON.parse and the lenient reader would', () => {
    expect(parseStatusCode('{"statusCode": 007}')).toBe(7);
    expect(parseStatusCode('\u00a0{ "statusCode":\t201 }\n')).toBe(201);
    expect(parseStatusCode(`{"statusCode": ${'9'.repeat(400)}}`)).toBeUndefined();
  });
  it('accepts the unquoted form CDK examples use', () => {
    expect(parseStatusCode('{statusCode: 200}')).toBe(200);
    expect(parseStatusCode("{'statusCode': 201}")).toBe(201);
  });
  it('refuses anything else', () => {
    expect(parseStatusCode('')).toBeUndefined();
    expect(parseStatusCode('200')).toBeUndefined();
    expect(parseStatusCode('{"status": 200}')).toBeUndefined();
    expect(parseStatusCode('{"statusCode": 200.5}')).toBeUndefined();
    expect(parseStatusCode('{"statusCode": "abc"}')).toBeUndefined();
    expect(parseStatusCode('[{"statusCode": 200}]')).toBeUndefined();
    expect(parseStatusCode('{"statusCode": null}')).toBeUndefined();
  });
});
