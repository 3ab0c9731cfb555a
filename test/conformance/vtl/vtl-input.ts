// Conformance cases: $input.body, $input.json(x), $input.path(x), $input.params() and
// $input.params(x) as API Gateway evaluates them (reference §3.1, DG "Mapping template reference").

import type { VtlCase } from './vtl-case.js';

const PARAMS = { path: { id: 'p1', shared: 'from-path' }, querystring: { q: 'search', shared: 'from-query' }, header: { 'Content-Type': 'application/json', shared: 'from-header', 'X-Only': 'h' } };
const BODY = JSON.stringify({ name: 'Rex', price: 12.5, count: 3, ok: true, none: null, tags: ['a', 'b'], owner: { name: 'Ann' }, url: 'https://x/y' });

export const INPUT_CASES: VtlCase[] = [
  { name: 'body is the raw payload', fact: '[DG: Mapping template reference] $input.body returns the raw payload as a string', template: '$input.body', input: { body: '{ "a" : 1 }' }, output: '{ "a" : 1 }' },
  { name: 'empty body reads as {}', fact: '[Ref §3.1][Obs] an empty body with a JSON content type renders as {}', template: '$input.body', input: { body: '' }, output: '{}' },
  { name: 'non-JSON body is still available raw', fact: '[DG: Mapping template reference] $input.body is the payload whatever its type', template: '$input.body', input: { body: '<a>x</a>' }, output: '<a>x</a>' },
  { name: 'json of the root re-serializes compactly', fact: "[DG: Mapping template reference] $input.json('$') returns the payload as a JSON string", template: "$input.json('$')", input: { body: '{ "a" : [1, 2],\n "b": "x" }' }, output: '{"a":[1,2],"b":"x"}' },
  { name: 'json of a string keeps quotes', fact: '[Ref §3.1] $input.json returns a JSON string: quoted strings keep their quotes', template: "$input.json('$.name')", input: { body: BODY }, output: '"Rex"' },
  { name: 'json of numbers and booleans', fact: '[Ref §3.1] $input.json returns JSON text', template: "$input.json('$.price') $input.json('$.count') $input.json('$.ok') $input.json('$.none')", input: { body: BODY }, output: '12.5 3 true null' },
  { name: 'json of an object', fact: "[DG: Mapping template reference] $input.json('$.pets') returns a JSON string of the structure", template: "$input.json('$.owner')", input: { body: BODY }, output: '{"name":"Ann"}' },
  { name: 'json of a missing path is empty', fact: 'UNCONFIRMED: a path matching nothing renders empty with $input.json', template: "[$input.json('$.missing')]", input: { body: BODY }, output: '[]' },
  { name: 'json keeps slashes unescaped', fact: 'UNCONFIRMED: $input.json writes "/" as is (json-smart LT_COMPRESS style)', template: "$input.json('$.url')", input: { body: BODY }, output: '"https://x/y"' },
  { name: 'json of a double with integral value', fact: '[Ref §3.1] json-smart reads 1.0 as a Double and writes it back as 1.0', template: "$input.json('$')", input: { body: '{"a": 1.0, "b": 100}' }, output: '{"a":1.0,"b":100}' },
  { name: 'json of an exponent number', fact: '[Java Double.toString] 1e3 is the Double 1000.0', template: "$input.json('$.a')", input: { body: '{"a": 1e3}' }, output: '1000.0' },
  { name: 'json of a big integer is exact', fact: '[Ref §3.1] json-smart keeps integers beyond long as BigInteger', template: "$input.json('$.id')", input: { body: '{"id": 12345678901234567890}' }, output: '12345678901234567890' },
  { name: 'json with unicode escapes', fact: '[Ref §3.1] strings are re-serialized: \\u00e9 becomes é', template: "$input.json('$.s')", input: { body: '{"s": "caf\\u00e9 \\"q\\""}' }, output: '"café \\"q\\""' },
  { name: 'path of a string is the bare value', fact: '[DG: Mapping template reference] $input.path returns an object representation (a String)', template: "$input.path('$.name')", input: { body: BODY }, output: 'Rex' },
  { name: 'path of an object prints Java-style', fact: '[Ref §3.1][Obs] printing an object from $input.path gives {foo=bar}', template: "$input.path('$')", input: { body: '{"foo": "bar"}' }, output: '{foo=bar}' },
  { name: 'path of a list prints JSON', fact: '[Ref §3.1][Obs] printing a list gives compact JSON: [{"foo":"bar"}]', template: "$input.path('$')", input: { body: '[{"foo": "bar"}]' }, output: '[{"foo":"bar"}]' },
  { name: 'path of a list inside a map', fact: '[Ref §3.1][Obs] a list nested in a map prints as JSON: {foo=[{"nested":"bar"}]}', template: "$input.path('$')", input: { body: '{"foo": [{"nested": "bar"}]}' }, output: '{foo=[{"nested":"bar"}]}' },
  { name: 'path of a missing property is null', fact: '[Ref §3.1][Obs] a path that does not exist yields null', template: "#if($input.path('$.missing') == $null)null#end", input: { body: BODY }, output: 'null' },
  { name: 'path of a number keeps its type', fact: '[Ref §3.1] $input.path keeps AWS types: numbers do arithmetic', template: "#set($c = $input.path('$.count') + 1)$c", input: { body: BODY }, output: '4' },
  { name: 'path of a boolean is a Boolean', fact: '[Ref §3.1] $input.path keeps JSON booleans as Booleans', template: "#if($input.path('$.ok'))yes#end", input: { body: BODY }, output: 'yes' },
  { name: 'path without a leading $', fact: '[Jayway JsonPath] a path not starting with $ is read as $.path', template: "$input.path('owner.name')", input: { body: BODY }, output: 'Ann' },
  { name: 'path on an empty body', fact: '[Ref §3.1] an empty body reads as {}', template: "[$input.path('$.a')]$input.path('$')", input: { body: '' }, output: '[]{}' },
  { name: 'json on invalid JSON fails', fact: '[DG: Mapping template reference] a payload that cannot be parsed fails the transformation (400 for requests)', template: "$input.json('$')", input: { body: '{"a": ' }, error: 'invalid-json' },
  { name: 'path on invalid JSON fails', fact: '[DG: Mapping template reference] JSONPath needs a JSON payload', template: "$input.path('$.a')", input: { body: 'not json' }, error: 'invalid-json' },
  { name: 'body only does not parse', fact: '[DG: Mapping template reference] $input.body is raw: an invalid JSON payload is fine', template: 'raw=$input.body', input: { body: 'not json' }, output: 'raw=not json' },
  { name: 'params(name) searches path first', fact: '[DG: Mapping template reference] $input.params(x) searches path, query string, then header', template: "$input.params('shared')", input: { params: PARAMS }, output: 'from-path' },
  { name: 'params(name) then querystring', fact: '[DG: Mapping template reference] $input.params(x) searches path, query string, then header', template: "$input.params('q')", input: { params: PARAMS }, output: 'search' },
  { name: 'params(name) then header', fact: '[DG: Mapping template reference] $input.params(x) searches path, query string, then header', template: "$input.params('X-Only')", input: { params: PARAMS }, output: 'h' },
  { name: 'params(name) missing is empty string', fact: '[Ref §3.1] an absent parameter renders empty; it equals ""', template: "[$input.params('nope')]#if($input.params('nope') == '')empty#end", input: { params: PARAMS }, output: '[]empty' },
  { name: 'params() is a map of three maps', fact: '[DG: Mapping template reference] $input.params() returns a map of path, querystring, header', template: '$input.params().keySet() $input.params().path', input: { params: PARAMS }, output: '[path, querystring, header] {id=p1, shared=from-path}' },
  { name: 'params() header map', fact: '[DG: Mapping template reference] $input.params().header.get(name)', template: "$input.params().header.get('Content-Type')", input: { params: PARAMS }, output: 'application/json' },
  { name: 'params() maps are read-only', fact: 'UNCONFIRMED: the request parameter maps cannot be modified by a template', template: "$input.params().path.put('x', 'y')", input: { params: PARAMS }, error: 'runtime' },
  { name: 'json after a template changed the payload', fact: '[DG: Mapping template reference] values from $input.path are native objects; $input.json re-evaluates them', template: "#set($b = $input.path('$'))#set($b.a = 2)$input.json('$')", input: { body: '{"a": 1}' }, output: '{"a":2}' },
  { name: 'path of an integral double prints .0', fact: '[Ref §3.1] json-smart reads 1.0 as a Double: printing gives 1.0', template: "$input.path('$.d')", input: { body: '{"d": 1.0}' }, output: '1.0' },
  { name: 'path of a long decimal prints as written', fact: 'UNCONFIRMED: json-smart reads decimals over 18 characters as BigDecimal, printed as written', template: "$input.path('$.d')", input: { body: '{"d": 3.14159265358979323846}' }, output: '3.14159265358979323846' },
  { name: 'params header lookup ignores case', fact: 'UNCONFIRMED: $input.params(x) finds a header whatever the case of its name', template: "$input.params('content-type')", input: { params: { header: { 'Content-Type': 'text/plain' } } }, output: 'text/plain' },
  { name: 'params keySet of headers keeps request order', fact: '[DG: Mapping template reference] header names as the client sent them', template: '$input.params().header.keySet()', input: { params: { header: { Host: 'h', Accept: 'a', 'X-B': 'b' } } }, output: '[Host, Accept, X-B]' },
];
