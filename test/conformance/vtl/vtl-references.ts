// Conformance cases: references ($x, $x.y, $x.m(), $x[i], ${formal}, $!quiet) and API Gateway's
// null rendering. Facts: reference §3.1, DG "Mapping template reference", Velocity 1.7 grammar.

import type { VtlCase } from './vtl-case.js';

export const lines = (...xs: string[]): string => xs.join('\n');

const PET = JSON.stringify({ id: 42, name: 'Rex', owner: { name: 'Ann', tags: ['a', 'b'] }, 'first-name': 'R' });

export const REFERENCE_CASES: VtlCase[] = [
  { name: 'plain text passes through', fact: '[Velocity 1.7] text without $ # \\ is output verbatim', template: 'Hello, world!', output: 'Hello, world!' },
  { name: 'empty template renders empty', fact: '[Velocity 1.7] an empty template renders nothing', template: '', output: '' },
  { name: 'simple reference', fact: '[Velocity 1.7] $name prints the variable', template: '#set($a = "x")$a', output: 'x' },
  { name: 'null reference renders empty', fact: '[Ref §3.1][Obs] a null reference renders as an empty string, not its source text', template: '[$nothing]', output: '[]' },
  { name: 'null property renders empty', fact: '[Ref §3.1][Obs] a path that does not exist yields null, rendered empty', template: '[$context.nothing.deeper]', output: '[]' },
  { name: 'quiet reference renders empty', fact: '[Velocity 1.7 user guide] $!ref prints nothing when null', template: '[$!nothing]', output: '[]' },
  { name: 'formal reference', fact: '[Velocity 1.7 user guide] ${ref} separates a reference from adjacent text', template: '#set($a = "x")${a}yz', output: 'xyz' },
  { name: 'quiet formal reference', fact: '[Velocity 1.7 user guide] $!{ref} is quiet and formal', template: '[$!{nothing}]', output: '[]' },
  { name: 'formal reference with property', fact: '[DG: Mapping template reference] ${stageVariables[\'name\']} is valid', template: '${context.stage}-', output: 'test-' },
  { name: 'property chain', fact: '[DG: Mapping template reference] $context.identity.sourceIp', template: '$context.identity.sourceIp', output: '198.51.100.7' },
  { name: 'hyphen belongs to the identifier', fact: '[Velocity 1.7 Parser.jjt] IDENTIFIER allows "-": $a-b is one reference', template: '#set($a = "x")$a-b|$a -b', output: '|x -b' },
  { name: 'hyphenated JSON property', fact: '[Velocity 1.7 Parser.jjt] identifiers may contain "-", so $p.first-name reads key "first-name"', template: "#set($p = $input.path('$'))$p.first-name", input: { body: PET }, output: 'R' },
  { name: 'dot followed by non-letter is text', fact: '[Velocity 1.7 Parser.jjt] DOT needs a letter after it; "$a." prints the dot', template: '#set($a = "x")$a.|$a.1', output: 'x.|x.1' },
  { name: 'dollar without identifier is text', fact: '[Velocity 1.7] "$" not followed by an identifier start is literal text', template: 'cost: $5 and $ sign', output: 'cost: $5 and $ sign' },
  { name: 'formal brace without identifier is text', fact: '[Velocity 1.7] "${" not followed by an identifier is literal text', template: '${1}', output: '${1}' },
  { name: 'method call with no arguments', fact: '[DG: Mapping template reference] $input.path(x) returns an object with .size()', template: "$input.path('$.owner.tags').size()", input: { body: PET }, output: '2' },
  { name: 'method call on a literal-built string', fact: '[Velocity 1.7] methods of java.lang.String are callable on strings', template: '#set($s = "abc")$s.toUpperCase()', output: 'ABC' },
  { name: 'method chain', fact: '[Velocity 1.7] calls chain: $a.b().c()', template: '#set($s = " Abc ")$s.trim().toLowerCase().length()', output: '3' },
  { name: 'index into a list', fact: '[Velocity 1.7 ASTIndex] $list[0]', template: "#set($t = $input.path('$.owner.tags'))$t[1]", input: { body: PET }, output: 'b' },
  { name: 'negative index counts from the end', fact: '[Velocity 1.7 ASTIndex] a negative index counts from the end of a list', template: '#set($l = ["a", "b", "c"])$l[-1]', output: 'c' },
  { name: 'index into a map', fact: "[DG: Mapping template reference] $stageVariables['name'] indexes a map", template: "$stageVariables['env']", input: { stageVariables: { env: 'prod' } }, output: 'prod' },
  { name: 'index with a variable', fact: '[Velocity 1.7 ASTIndex] the index may be a reference', template: '#set($k = "env")$stageVariables[$k]', input: { stageVariables: { env: 'prod' } }, output: 'prod' },
  { name: 'index then property', fact: '[Velocity 1.7 Parser.jjt] Reference: IDENTIFIER Index* (DOT (Method|Identifier) Index*)*', template: '#set($m = {"list": [{"v": 7}]})$m.list[0].v', output: '7' },
  { name: 'missing method yields null', fact: '[Ref §3.1] an unresolvable reference renders empty (no such method → null)', template: '#set($s = "abc")[$s.noSuchMethod()]', output: '[]' },
  { name: 'method on null yields null', fact: '[Ref §3.1] calling through a null reference renders empty', template: '[$nothing.toString()]', output: '[]' },
  { name: 'string property empty is isEmpty()', fact: '[Velocity 1.7 UberspectImpl] $s.empty resolves the boolean getter isEmpty()', template: '#set($s = "")$s.empty', output: 'true' },
  { name: 'map property is get(key)', fact: '[Velocity 1.7 MapGetExecutor] $map.key is map.get("key")', template: '#set($m = {"empty": "no"})$m.empty', output: 'no' },
  { name: 'reference inside text', fact: '[Velocity 1.7] references are recognised anywhere in text', template: 'id=$context.requestId;', output: 'id=c6af9ac6-7b61-11e6-9a41-93e8deadbeef;' },
  { name: 'reference followed by parenthesis is not a call', fact: '[Velocity 1.7 Parser.jjt] a method needs "(" right after the name; "$a (" prints text', template: '#set($a = "x")$a (y)', output: 'x (y)' },
  { name: 'number prints as Java Integer', fact: '[Ref §3.1] $input.path keeps JSON numbers as numbers', template: "$input.path('$.id')", input: { body: PET }, output: '42' },
  { name: 'formal reference with a method', fact: '[Velocity 1.7 Parser.jjt] ${ref.method()} is a formal reference with a method call', template: '#set($s = "ab")${s.toUpperCase()}c', output: 'ABc' },
  { name: 'quiet method returning null', fact: '[Velocity 1.7] $!ref hides a null method result', template: '#set($m = {})[$!m.get("x")]', output: '[]' },
  { name: 'set from an undefined reference', fact: '[Velocity 1.7 user guide] #set with a null right-hand side assigns nothing', template: '#set($a = $undefined)[$a]', output: '[]' },
];
