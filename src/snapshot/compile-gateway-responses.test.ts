// Gateway response templates: `$context` / `$stageVariables` substitution, nothing more.

import { describe, expect, it } from 'vitest';
import { compileTemplate } from './compile-gateway-responses.js';
import type { MappingInput } from './mapping-expression.js';

const input = {
  contextValue: (path: readonly string[]) => ({ 'error.messageString': '"Oops"', stage: 'prod', 'identity.sourceIp': '1.2.3.4' })[path.join('.')],
  stageVariable: (name: string) => (name === 'color' ? 'blue' : undefined),
} as unknown as MappingInput;

const render = (template: string): string => compileTemplate(template).map((part) => (typeof part === 'string' ? part : part(input))).join('');

describe('compileTemplate', () => {
  it.each([
    ['{"message":$context.error.messageString}', '{"message":"Oops"}'],
    ['$context.stage/${context.stage}/$stageVariables.color/${stageVariables.color}', 'prod/prod/blue/blue'],
    ['ip=$context.identity.sourceIp.', 'ip=1.2.3.4.'],
    ['unset:[$context.nope][$stageVariables.nope]', 'unset:[][]'],
    ['$util.escapeJavaScript($x) #if(true) $ ${oops} $context.', '$util.escapeJavaScript($x) #if(true) $ ${oops} $context.'],
  ])('%s', (template, expected) => expect(render(template)).toBe(expected));
});
