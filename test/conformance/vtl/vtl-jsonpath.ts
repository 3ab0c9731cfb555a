// Conformance cases: JSONPath as Jayway JsonPath evaluates it for $input.path/$input.json —
// dot and bracket notation, indexes, wildcards, deep scan, slices, filters, functions.
// Facts: DG "Mapping template reference" (JSONPath for Java = Jayway), reference §3.1.

import type { VtlCase } from './vtl-case.js';

const STORE = JSON.stringify({
  store: {
    book: [
      { category: 'reference', author: 'Nigel Rees', title: 'Sayings of the Century', price: 8.95 },
      { category: 'fiction', author: 'Evelyn Waugh', title: 'Sword of Honour', price: 12.99 },
      { category: 'fiction', author: 'Herman Melville', title: 'Moby Dick', isbn: '0-553-21311-3', price: 8.99 },
      { category: 'fiction', author: 'J. R. R. Tolkien', title: 'The Lord of the Rings', isbn: '0-395-19395-8', price: 22.99 },
    ],
    bicycle: { color: 'red', price: 19.95 },
  },
  'odd key': 1,
  expensive: 10,
});
const input = { body: STORE };

export const JSONPATH_CASES: VtlCase[] = [
  { name: 'dot notation', fact: '[Jayway JsonPath] $.store.bicycle.color', template: "$input.path('$.store.bicycle.color')", input, output: 'red' },
  { name: 'bracket notation', fact: "[Jayway JsonPath] $['store']['bicycle']['color']", template: "$input.path(\"$['store']['bicycle']['color']\")", input, output: 'red' },
  { name: 'bracket notation with a space in the key', fact: "[Jayway JsonPath] $['odd key'] reads keys that are not identifiers", template: "$input.path(\"$['odd key']\")", input, output: '1' },
  { name: 'array index', fact: '[Jayway JsonPath] $.store.book[0].author', template: "$input.path('$.store.book[0].author')", input, output: 'Nigel Rees' },
  { name: 'negative array index', fact: '[Jayway JsonPath] [-1] is the last element', template: "$input.path('$.store.book[-1].title')", input, output: 'The Lord of the Rings' },
  { name: 'index out of range is null', fact: '[Ref §3.1] a path that matches nothing yields null', template: "[$input.path('$.store.book[9]')]", input, output: '[]' },
  { name: 'wildcard over an array', fact: '[Jayway JsonPath] [*] collects every element: an indefinite path yields a list', template: "$input.json('$.store.book[*].author')", input, output: '["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]' },
  { name: 'wildcard over an object', fact: '[Jayway JsonPath] .* collects every member value', template: "$input.json('$.store.bicycle.*')", input, output: '["red",19.95]' },
  { name: 'deep scan', fact: '[Jayway JsonPath] ..price finds every price, in document order', template: "$input.json('$..price')", input, output: '[8.95,12.99,8.99,22.99,19.95]' },
  { name: 'deep scan of a key at several depths', fact: '[Jayway JsonPath ScanPathToken] matches at a level come before deeper ones', template: "$input.json('$..name')", input: { body: '{"a": {"name": "deep"}, "name": "top"}' }, output: '["top","deep"]' },
  { name: 'multiple indexes', fact: '[Jayway JsonPath] [0,2] selects two elements', template: "$input.json('$.store.book[0,2].price')", input, output: '[8.95,8.99]' },
  { name: 'slice', fact: '[Jayway JsonPath] [1:3] is a half-open slice', template: "$input.json('$.store.book[1:3].price')", input, output: '[12.99,8.99]' },
  { name: 'slice from the end', fact: '[Jayway JsonPath] [-2:] takes the last two', template: "$input.json('$.store.book[-2:].price')", input, output: '[8.99,22.99]' },
  { name: 'slice from the start', fact: '[Jayway JsonPath] [:2] takes the first two', template: "$input.json('$.store.book[:2].price')", input, output: '[8.95,12.99]' },
  { name: 'filter by comparison', fact: '[Jayway JsonPath] [?(@.price < 10)] filters array elements', template: "$input.json('$.store.book[?(@.price < 10)].title')", input, output: '["Sayings of the Century","Moby Dick"]' },
  { name: 'filter by existence', fact: '[Jayway JsonPath] [?(@.isbn)] keeps elements that have the property', template: "$input.json('$.store.book[?(@.isbn)].author')", input, output: '["Herman Melville","J. R. R. Tolkien"]' },
  { name: 'filter by string equality', fact: "[Jayway JsonPath] [?(@.category == 'reference')]", template: "$input.json(\"$.store.book[?(@.category == 'reference')].author\")", input, output: '["Nigel Rees"]' },
  { name: 'filter with and', fact: '[Jayway JsonPath] && combines filter conditions', template: "$input.json(\"$.store.book[?(@.category == 'fiction' && @.price > 10)].price\")", input, output: '[12.99,22.99]' },
  { name: 'filter against the root', fact: '[Jayway JsonPath] $ inside a filter refers to the document root', template: "$input.json('$.store.book[?(@.price > $.expensive)].price')", input, output: '[12.99,22.99]' },
  { name: 'filter with regex', fact: '[Jayway JsonPath] =~ /regex/ matches the whole value (Java regex, i flag)', template: "$input.json('$.store.book[?(@.author =~ /.*rees/i)].price')", input, output: '[8.95]' },
  { name: 'filter with in', fact: "[Jayway JsonPath] in ['a','b'] tests membership", template: "$input.json(\"$.store.book[?(@.price in [8.95, 8.99])].title\")", input, output: '["Sayings of the Century","Moby Dick"]' },
  { name: 'filter result printed from path', fact: '[Ref §3.1] an indefinite $input.path result is a JSON list: prints as JSON', template: "$input.path('$.store.book[?(@.price > 20)].title')", input, output: '["The Lord of the Rings"]' },
  { name: 'filter with no match is an empty list', fact: '[Jayway JsonPath] an indefinite path that matches nothing yields []', template: "$input.json('$.store.book[?(@.price > 100)]') $input.path('$.store.book[?(@.price > 100)]').size()", input, output: '[] 0' },
  { name: 'length function', fact: '[Jayway JsonPath] .length() of an array', template: "$input.path('$.store.book.length()')", input, output: '4' },
  { name: 'path through a scalar is null', fact: '[Ref §3.1] a path that does not exist yields null', template: "[$input.path('$.store.bicycle.color.shade')]", input, output: '[]' },
  { name: 'root of an array payload', fact: '[Jayway JsonPath] $[0] on an array document', template: "$input.path('$[1].id')", input: { body: '[{"id": "a"}, {"id": "b"}]' }, output: 'b' },
  { name: 'path built at render time', fact: '[DG: Mapping template reference] the JSONPath argument may be computed: $input.path("$.records[${idx}]")', template: '#foreach($i in [0..1])$input.path("$.store.book[$i].price") #end', input, output: '8.95 12.99 ' },
  { name: 'invalid path fails the render', fact: '[Jayway JsonPath] InvalidPathException fails the template', template: "$input.path('$.store..')", input, error: 'runtime' },
];
