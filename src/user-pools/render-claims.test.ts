// Unit tests of the REST rendering of Cognito claims (every value a string, dates as Java prints them).

import { describe, expect, it } from 'vitest';
import { formatJavaDate, renderRestClaims } from './render-claims.js';

describe('renderRestClaims', () => {
  it('prints exp and iat like Java Date.toString in UTC, and auth_time as the number (AWS event in amazon-cognito-identity-js#92)', () => {
    // The observed pair: "auth_time": "1469814773" next to "iat": "Fri Jul 29 17:52:53 UTC 2016".
    expect(renderRestClaims({ auth_time: 1469814773, iat: 1469814773, exp: 1469818373 })).toEqual({
      auth_time: '1469814773',
      iat: 'Fri Jul 29 17:52:53 UTC 2016',
      exp: 'Fri Jul 29 18:52:53 UTC 2016',
    });
    expect(formatJavaDate(Date.UTC(2023, 3, 4, 18, 39, 39) / 1000)).toBe('Tue Apr 04 18:39:39 UTC 2023');
  });

  it('stringifies booleans and numbers, joins lists with commas, prints objects as JSON, drops nulls', () => {
    expect(renderRestClaims({ email_verified: true, 'custom:tier': 3, 'cognito:groups': ['a', 'b'], address: { formatted: 'x' }, gone: null, sub: 's' })).toEqual({
      email_verified: 'true',
      'custom:tier': '3',
      'cognito:groups': 'a,b',
      address: '{"formatted":"x"}',
      sub: 's',
    });
  });
});
