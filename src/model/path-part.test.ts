// Unit tests for path-part parsing: the shapes CreateResource accepts and refuses (reference §1.2).

import { describe, expect, it } from 'vitest';
import { childPath, isGreedyPathPart, isVariablePathPart, parsePathPart } from './path-part.js';

describe('parsePathPart', () => {
  it('parses literals, variables and greedy variables', () => {
    expect(parsePathPart('pets')).toEqual({ kind: 'literal', text: 'pets' });
    expect(parsePathPart('us:er_0-9.v1')).toEqual({ kind: 'literal', text: 'us:er_0-9.v1' });
    expect(parsePathPart('{petId}')).toEqual({ kind: 'variable', name: 'petId' });
    expect(parsePathPart('{proxy+}')).toEqual({ kind: 'greedy', name: 'proxy' });
  });

  it.each(['', '{a}{b}', 'us+er', 'us{er', 'a/b', '{proxy+}x', 'x{id}', '{}', '{+}', '{a b}', '$metadata'])('refuses %j', (part) => {
    expect(parsePathPart(part)).toBeUndefined();
  });
});

describe('path part helpers', () => {
  it('classifies stored parts and joins paths', () => {
    expect(isVariablePathPart('{id}')).toBe(true);
    expect(isVariablePathPart('{proxy+}')).toBe(true);
    expect(isVariablePathPart('pets')).toBe(false);
    expect(isVariablePathPart(undefined)).toBe(false);
    expect(isGreedyPathPart('{proxy+}')).toBe(true);
    expect(isGreedyPathPart('{id}')).toBe(false);
    expect(childPath('/', 'pets')).toBe('/pets');
    expect(childPath('/pets', '{id}')).toBe('/pets/{id}');
  });
});
