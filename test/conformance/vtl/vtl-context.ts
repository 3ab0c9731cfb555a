// Conformance cases: $context variables, $context.requestOverride / responseOverride written with
// #set (once per parameter), $stageVariables in all three syntaxes, authorizer claims.
// Facts: DG "Mapping template reference", DG "Use a mapping template to override...", reference §2.4, §3.3.

import { DEFAULT_CONTEXT, type VtlCase } from './vtl-case.js';

const AUTH_CONTEXT = {
  ...DEFAULT_CONTEXT,
  authorizer: { principalId: 'user-1', numKey: '1', boolKey: 'true', claims: { sub: 'abc-123', 'custom:role': 'admin', email: 'a@b.c' } },
};

export const CONTEXT_CASES: VtlCase[] = [
  { name: 'context variables', fact: '[DG: Mapping template reference] $context variable template example', template: '{"stage" : "$context.stage", "request_id" : "$context.requestId", "api_id" : "$context.apiId", "http_method" : "$context.httpMethod"}', output: '{"stage" : "test", "request_id" : "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", "api_id" : "a1b2c3d4e5", "http_method" : "POST"}' },
  { name: 'identity variables', fact: '[DG: Mapping template reference] $context.identity.sourceIp and userAgent', template: '$context.identity.sourceIp|$context.identity.userAgent', output: '198.51.100.7|curl/8.5.0' },
  { name: 'empty identity variable', fact: '[DG: Mapping template reference] identity.apiKey is empty when no API key is used', template: '[$context.identity.apiKey]', output: '[]' },
  { name: 'requestTimeEpoch is a number', fact: '[DG: Mapping template reference] $context.requestTimeEpoch is the epoch time', template: '$context.requestTimeEpoch', output: '1428582896000' },
  { name: 'unknown context variable is empty', fact: '[Ref §3.1] null renders empty', template: '[$context.noSuchVariable]', output: '[]' },
  { name: 'context index syntax', fact: "[Velocity 1.7 ASTIndex] $context['stage'] reads the same variable", template: "$context['stage']", output: 'test' },
  { name: 'authorizer principalId', fact: '[DG: Mapping template reference] $context.authorizer.principalId', template: '$context.authorizer.principalId', input: { context: AUTH_CONTEXT }, output: 'user-1' },
  { name: 'authorizer context values are strings', fact: '[DG: Mapping template reference] $context.authorizer.numKey returns the "1" string', template: '#if($context.authorizer.numKey == "1")s#end$context.authorizer.boolKey', input: { context: AUTH_CONTEXT }, output: 'strue' },
  { name: 'claims by property', fact: '[DG: Mapping template reference] $context.authorizer.claims.property', template: '$context.authorizer.claims.sub', input: { context: AUTH_CONTEXT }, output: 'abc-123' },
  { name: 'claims with a colon by index', fact: "[Ref §3.3] use claims['custom:role'] for names with colons", template: "$context.authorizer.claims['custom:role']", input: { context: AUTH_CONTEXT }, output: 'admin' },
  { name: 'bare claims is null', fact: '[DG: Mapping template reference] calling $context.authorizer.claims returns null', template: '[$context.authorizer.claims]#if(!$context.authorizer.claims)null#end', input: { context: AUTH_CONTEXT }, output: '[]null' },
  { name: 'iterate authorizer keys', fact: '[DG: Mapping template reference] authorizer context is a map of values', template: '#foreach($k in $context.authorizer.keySet())$k #end', input: { context: { authorizer: { principalId: 'p', a: '1' } } }, output: 'principalId a ' },
  { name: 'stage variable by property', fact: '[DG: Mapping template reference] $stageVariables.<variable_name>', template: '$stageVariables.version', input: { stageVariables: { version: 'v2' } }, output: 'v2' },
  { name: 'stage variable by index', fact: "[DG: Mapping template reference] $stageVariables['<variable_name>']", template: "$stageVariables['version']", input: { stageVariables: { version: 'v2' } }, output: 'v2' },
  { name: 'stage variable formal', fact: "[DG: Mapping template reference] ${stageVariables['<variable_name>']}", template: "${stageVariables['version']}x", input: { stageVariables: { version: 'v2' } }, output: 'v2x' },
  { name: 'stage variables keySet', fact: '[DG: Mapping template reference] stage variables are a map', template: '#foreach($k in $stageVariables.keySet())$k=$stageVariables.get($k) #end', input: { stageVariables: { a: '1', b: '2' } }, output: 'a=1 b=2 ' },
  { name: 'missing stage variable', fact: '[Ref §3.1] null renders empty', template: '[$stageVariables.nope]', output: '[]' },
  { name: 'stage variables are read-only', fact: 'UNCONFIRMED: stage variables cannot be changed by a template', template: "$stageVariables.put('a', 'b')", input: { stageVariables: { a: '1' } }, error: 'runtime' },
  { name: 'response status override', fact: '[DG: Use a mapping template to override...] #set($context.responseOverride.status = 400)', template: '#set($context.responseOverride.status = 400)done', output: 'done', responseOverride: { status: 400 } },
  { name: 'response header override', fact: '[DG: Use a mapping template to override...] #set($context.responseOverride.header.X = v)', template: '#set($context.responseOverride.header.Test-Header = "v")', output: '', responseOverride: { header: { 'Test-Header': 'v' } } },
  { name: 'request overrides', fact: '[DG: Use a mapping template to override...] requestOverride.header, .path, .querystring', template: '#set($context.requestOverride.header.h1 = "a")#set($context.requestOverride.path.p1 = "b")#set($context.requestOverride.querystring.q1 = "c")', output: '', requestOverride: { header: { h1: 'a' }, path: { p1: 'b' }, querystring: { q1: 'c' } } },
  { name: 'override read back', fact: '[DG: Use a mapping template to override...] overrides are context variables and can be read', template: '#set($context.responseOverride.header.X = "1")$context.responseOverride.header.X', output: '1', responseOverride: { header: { X: '1' } } },
  { name: 'override by index with a variable name', fact: '[Velocity 1.7 ASTIndex] #set($context.responseOverride.header[$name] = v)', template: '#set($n = "X-Dyn")#set($context.responseOverride.header[$n] = "v")', output: '', responseOverride: { header: { 'X-Dyn': 'v' } } },
  { name: 'override with put', fact: '[Velocity 1.7] Map.put on the header override map', template: '$context.responseOverride.header.put("X-P", "v")', output: '', responseOverride: { header: { 'X-P': 'v' } } },
  { name: 'status override from the payload', fact: "[DG: Use a mapping template to override...] the status may come from $input.path('$.statusCode')", template: "#set($context.responseOverride.status = $input.path('$.statusCode'))$input.json('$.body')", input: { body: '{"statusCode": 404, "body": {"e": "nf"}}' }, output: '{"e":"nf"}', responseOverride: { status: 404 } },
  { name: 'setting the same override twice fails', fact: '[Ref §2.4][DG: Use a mapping template to override...] an override may be applied only once; twice gives a 5XX', template: '#set($context.responseOverride.status = 400)\n#set($context.responseOverride.status = 401)', error: 'runtime', errorLine: 2 },
  { name: 'setting the same header override twice fails', fact: '[Ref §2.4] applying the same header override twice fails', template: '#set($context.requestOverride.header.a = "1")#set($context.requestOverride.header.a = "2")', error: 'runtime' },
  { name: 'override set to null is skipped', fact: '[Velocity 1.7] #set with a null value does not assign, so it does not count as an override', template: '#set($context.responseOverride.status = $nothing)#set($context.responseOverride.status = 201)', output: '', responseOverride: { status: 201 } },
  { name: 'no overrides by default', fact: '[DG: Use a mapping template to override...] without #set nothing is overridden', template: 'x', output: 'x', requestOverride: {}, responseOverride: {} },
  { name: 'context error variables', fact: '[DG: Gateway response] $context.error.messageString is the quoted message', template: '{"message":$context.error.messageString,"type":"$context.error.responseType"}', input: { context: { error: { message: 'Missing Authentication Token', messageString: '"Missing Authentication Token"', responseType: 'MISSING_AUTHENTICATION_TOKEN' } } }, output: '{"message":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN"}' },
  { name: 'request override map read back', fact: '[DG: Use a mapping template to override...] requestOverride.querystring is readable after #set', template: '#set($context.requestOverride.querystring.q = "1")$context.requestOverride.querystring', output: '{q=1}', requestOverride: { querystring: { q: '1' } } },
];
