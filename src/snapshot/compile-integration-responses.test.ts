// Integration response selection (reference §2.3): first whole-match pattern in status order, else
// the default response; method response declarations and response header declarations.

import { describe, expect, it } from 'vitest';
import type { IntegrationResponse, MethodResponse } from '../model/rest-api.js';
import { compileIntegrationResponses, selectIntegrationResponse } from './compile-integration-responses.js';

const responses = (list: IntegrationResponse[]): Record<string, IntegrationResponse> => Object.fromEntries(list.map((r) => [r.statusCode, r]));
const declared = (...codes: string[]): Record<string, MethodResponse> => Object.fromEntries(codes.map((statusCode) => [statusCode, { statusCode }]));

describe('selectIntegrationResponse', () => {
  const compiled = compileIntegrationResponses(
    responses([
      { statusCode: '200' },
      { statusCode: '400', selectionPattern: '4\\d{2}' },
      { statusCode: '404', selectionPattern: '404' },
      { statusCode: '500', selectionPattern: '5\\d{2}|Internal.*' },
    ]),
    declared('200', '400', '404'),
  );
  const select = (subject: string) => selectIntegrationResponse(compiled, subject)?.statusCode;

  it('tests patterns in ascending status code order against the whole subject', () => {
    expect(select('400')).toBe('400');
    // AWS: both 4\d{2} and 404 match; the first tested wins (order UNCONFIRMED).
    expect(select('404')).toBe('400');
    expect(select('503')).toBe('500');
    expect(select('Internal failure')).toBe('500');
  });

  it('falls back to the default response, including for a subject a pattern only partly matches', () => {
    expect(select('200')).toBe('200');
    expect(select('4000')).toBe('200');
    expect(select('')).toBe('200');
  });

  it('records whether the method declares the status', () => {
    expect(selectIntegrationResponse(compiled, '503')?.declared).toBe(false);
    expect(selectIntegrationResponse(compiled, '200')?.declared).toBe(true);
  });

  it('without a default response, nothing is selected when no pattern matches', () => {
    const noDefault = compileIntegrationResponses(responses([{ statusCode: '400', selectionPattern: '4\\d{2}' }]), declared('400'));
    expect(selectIntegrationResponse(noDefault, '200')).toBeUndefined();
    expect(selectIntegrationResponse(compileIntegrationResponses(undefined, undefined), '200')).toBeUndefined();
  });

  it('an empty selection pattern is the default; an invalid one never matches and is recorded', () => {
    const compiledOdd = compileIntegrationResponses(responses([{ statusCode: '201', selectionPattern: '' }, { statusCode: '400', selectionPattern: '(4' }]), declared('201', '400'));
    expect(selectIntegrationResponse(compiledOdd, '400')?.statusCode).toBe('201');
    expect(compiledOdd.invalidPatterns).toMatchObject([{ statusCode: '400', selectionPattern: '(4' }]);
  });
});

describe('response parameters', () => {
  it('keeps only headers the method response declares', () => {
    const compiled = compileIntegrationResponses(
      responses([{ statusCode: '200', responseParameters: { 'method.response.header.A': "'a'", 'method.response.header.B': "'b'" } }]),
      { '200': { statusCode: '200', responseParameters: { 'method.response.header.A': false } } },
    );
    expect(compiled.fallback?.headers.map((h) => h.name)).toEqual(['A']);
  });
});
