// Conformance cases: templates that cannot compile (with their 1-based position), templates that
// fail while rendering, and the sandbox and limits around a render (API Gateway quotas, reference §12).

import type { VtlCase } from './vtl-case.js';

export const ERROR_CASES: VtlCase[] = [
  { name: 'unclosed if', fact: '[Velocity 1.7 Parser] #if without #end is a parse error', template: 'a\n#if(true)\nb', error: 'compile', errorLine: 2, errorColumn: 1 },
  { name: 'stray end', fact: '[Velocity 1.7 Parser] #end without an opening directive is a parse error', template: 'a #end', error: 'compile', errorLine: 1, errorColumn: 3 },
  { name: 'else inside foreach', fact: '[Velocity 1.7 Parser] #else only belongs to #if', template: '#foreach($a in [1])#else#end', error: 'compile' },
  { name: 'unclosed parenthesis', fact: '[Velocity 1.7 Parser] an unbalanced directive argument is a parse error', template: '#set($a = (1 + 2)', error: 'compile' },
  { name: 'set without a reference', fact: '[Velocity 1.7 Parser] #set needs a reference on the left', template: '#set(a = 1)', error: 'compile' },
  { name: 'foreach without in', fact: '[Velocity 1.7 Foreach] the second argument must be "in"', template: '#foreach($a of [1])#end', error: 'compile' },
  { name: 'unterminated string literal', fact: '[Velocity 1.7 Parser] a string literal must close', template: '#set($a = "abc)', error: 'compile' },
  { name: 'unclosed formal reference', fact: '[Velocity 1.7 Parser] ${ident must close with }', template: '${a b}', error: 'compile' },
  { name: 'bad index expression', fact: '[Velocity 1.7 Parser] an index needs a value', template: '$a[]', error: 'compile' },
  { name: 'unterminated block comment', fact: '[Velocity 1.7 Parser] #* must close with *#', template: 'a #* b', error: 'compile', errorLine: 1, errorColumn: 3 },
  { name: 'macro without a name', fact: '[Velocity 1.7 Macro] #macro needs a name argument', template: '#macro()#end', error: 'compile' },
  { name: 'error position on a later line', fact: '[Velocity 1.7 Parser] parse errors report line and column', template: 'line one\nline two #if(', error: 'compile', errorLine: 2 },
  { name: 'runtime error reports its line', fact: '[DG: Mapping template reference] a failing method call fails the render with its position', template: 'ok\n#set($s = "a")\n$s.substring(4)', error: 'runtime', errorLine: 3 },
  { name: 'foreach stops after 1,000 items', fact: '[DG: Quotas] iterations in a #foreach ... #end loop: 1,000 (directive.foreach.maxloops)', template: '#set($n = 0)#foreach($i in [1..1500])#set($n = $n + 1)#end$n', output: '1000' },
  { name: 'hasNext is still true at the 1,000th item', fact: '[Velocity 1.7 Foreach] maxloops stops the loop without touching the iterator', template: '#foreach($i in [1..1001])#if($foreach.count == 1000)$foreach.hasNext#end#end', output: 'true' },
  { name: 'nested loops are bounded in total', fact: 'UNCONFIRMED: a render is bounded (1,000,000 #foreach iterations in all) so a runaway template fails that request alone', template: '#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..2])#end#end#end', error: 'runtime' },
  { name: 'macro recursion is bounded', fact: '[Velocity 1.7] velocimacro.max.depth (20) bounds macro recursion', template: '#macro(r)#r()#end#r()', error: 'runtime' },
  { name: 'define recursion is bounded', fact: '[Velocity 1.7] a block that prints itself is bounded like a macro', template: '#define($d)$d#end$d', error: 'runtime' },
  { name: 'output is bounded', fact: '[DG: Quotas] payload size 10 MB: a template cannot produce more', template: '#set($s = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")#foreach($a in [1..1000])#foreach($b in [1..200])$s#end#end', error: 'runtime' },
  { name: 'string growth is bounded', fact: '[DG: Quotas] payload size 10 MB: strings built by a template are bounded', template: '#set($s = "xxxxxxxxxxxxxxxx")#foreach($i in [1..40])#set($s = "$s$s")#end', error: 'runtime' },
  { name: 'huge range is bounded', fact: 'UNCONFIRMED: a range beyond the collection bound fails the render instead of exhausting memory', template: '#foreach($i in [1..2000000000])#end', error: 'runtime' },
  { name: 'no access to the JavaScript prototype', fact: '[Sandbox] a template reaches only whitelisted Java-like members (and .__x is text: a dot needs a letter)', template: "#set($m = $input.path('$'))[$m.constructor][$m.__proto__][$m.toString.call()][$input.constructor][$util.constructor.name]", input: { body: '{"a": 1}' }, output: '[][{a=1}.__proto__][][][]' },
  { name: 'no access through class', fact: '[Sandbox] $obj.class / getClass() are not reachable', template: '#set($s = "x")[$s.class][$s.getClass()][$s.getClass().forName("java.lang.Runtime")]', output: '[][][]' },
  { name: 'JSON __proto__ key is plain data', fact: '[Sandbox] a payload key named __proto__ is an ordinary member', template: "#set($m = $input.path('$'))$m.get('__proto__').x|$m.keySet()", input: { body: '{"__proto__": {"x": 1}, "constructor": 2}' }, output: '1|[__proto__, constructor]' },
  { name: 'a failing render leaves the next one intact', fact: '[Sandbox] a runaway template fails that request alone', template: "#if($input.path('$.fail'))$input.path('$.s').substring(9)#{else}ok#end", input: { body: '{"fail": false}' }, output: 'ok' },
];
