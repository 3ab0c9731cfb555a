// contentHandling conversions, row by row of the developer guide's "Content type conversions"
// tables (reference §2.5).

import { describe, expect, it } from 'vitest';
import { convertRequestPayload, convertResponsePayload, decodeBase64OrFail } from './content-handling.js';

const bytes = Buffer.from([0xff, 0x00, 0x10]);
const base64 = bytes.toString('base64');
const text = Buffer.from('hello');

describe('request payload (no template)', () => {
  it('passes everything through when contentHandling is unset', () => {
    expect(convertRequestPayload(text, false, undefined)).toBe(text);
    expect(convertRequestPayload(bytes, true, undefined)).toBe(bytes);
  });
  it('text + CONVERT_TO_BINARY is base64-decoded; text + CONVERT_TO_TEXT stays', () => {
    expect(convertRequestPayload(Buffer.from(base64), false, 'CONVERT_TO_BINARY')).toEqual(bytes);
    expect(convertRequestPayload(text, false, 'CONVERT_TO_TEXT')).toBe(text);
  });
  it('binary + CONVERT_TO_TEXT becomes base64 text; binary + CONVERT_TO_BINARY stays', () => {
    expect(convertRequestPayload(bytes, true, 'CONVERT_TO_TEXT').toString()).toBe(base64);
    expect(convertRequestPayload(bytes, true, 'CONVERT_TO_BINARY')).toBe(bytes);
  });
});

describe('response payload', () => {
  const b64 = Buffer.from(base64);
  it.each([
    // [payload binary, accept binary, contentHandling, expected]
    [false, false, undefined, 'same'],
    [false, false, 'CONVERT_TO_BINARY', 'decoded'],
    [false, false, 'CONVERT_TO_TEXT', 'same'],
    [false, true, undefined, 'decoded'],
    [false, true, 'CONVERT_TO_BINARY', 'decoded'],
    [false, true, 'CONVERT_TO_TEXT', 'same'],
  ] as const)('text payload, binary Accept %s/%s, %s → %s', (payloadBinary, acceptBinary, handling, expected) => {
    const out = convertResponsePayload(b64, payloadBinary, acceptBinary, handling);
    expect(out).toEqual(expected === 'same' ? b64 : bytes);
  });
  it.each([
    [true, false, undefined, 'encoded'],
    [true, false, 'CONVERT_TO_BINARY', 'same'],
    [true, false, 'CONVERT_TO_TEXT', 'encoded'],
    [true, true, undefined, 'same'],
    [true, true, 'CONVERT_TO_BINARY', 'same'],
    [true, true, 'CONVERT_TO_TEXT', 'encoded'],
  ] as const)('binary payload %s, binary Accept %s, %s → %s', (payloadBinary, acceptBinary, handling, expected) => {
    const out = convertResponsePayload(bytes, payloadBinary, acceptBinary, handling);
    expect(out).toEqual(expected === 'same' ? bytes : b64);
  });
});

describe('decodeBase64OrFail', () => {
  it('decodes base64, tolerating line breaks and missing padding', () => {
    expect(decodeBase64OrFail('aGVs\nbG8=').toString()).toBe('hello');
    expect(decodeBase64OrFail('aGVsbG8').toString()).toBe('hello');
  });
  it('fails with API_CONFIGURATION_ERROR (500) on anything else', () => {
    expect(() => decodeBase64OrFail('not base64!')).toThrow(expect.objectContaining({ responseType: 'API_CONFIGURATION_ERROR', statusCode: 500 }));
    expect(() => decodeBase64OrFail('abcde')).toThrow();
  });
});
