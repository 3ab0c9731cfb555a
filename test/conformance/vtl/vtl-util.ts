// Conformance cases: $util.escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode,
// base64Decode (reference §3.2, DG "Mapping template reference" $util table).

import type { VtlCase } from './vtl-case.js';

export const UTIL_CASES: VtlCase[] = [
  { name: 'escapeJavaScript escapes single quotes', fact: "[DG: Mapping template reference][Ref §3.2] escapeJavaScript turns ' into \\'", template: '$util.escapeJavaScript("it\'s")', output: "it\\'s" },
  { name: 'escapeJavaScript escapes double quotes and backslashes', fact: '[Ref §3.2] JavaScript string escaping', template: "#set($s = $input.path('$.s'))$util.escapeJavaScript($s)", input: { body: '{"s": "a\\"b\\\\c"}' }, output: 'a\\"b\\\\c' },
  { name: 'escapeJavaScript escapes control characters', fact: '[Ref §3.2] newlines and tabs become \\n and \\t', template: "$util.escapeJavaScript($input.path('$.s'))", input: { body: '{"s": "l1\\nl2\\tend"}' }, output: 'l1\\nl2\\tend' },
  { name: 'escapeJavaScript escapes forward slash', fact: 'UNCONFIRMED (reference §3.2 open question): StringEscapeUtils.escapeJavaScript escapes / as \\/', template: '$util.escapeJavaScript("a/b")', output: 'a\\/b' },
  { name: 'escapeJavaScript escapes non-ASCII', fact: 'UNCONFIRMED: StringEscapeUtils.escapeJavaScript writes non-ASCII characters as \\uXXXX', template: '$util.escapeJavaScript("café")', output: 'caf\\u00E9' },
  { name: 'escapeJavaScript of a JSON fragment', fact: "[DG: Mapping template reference] $util.escapeJavaScript($input.json('$.mykey'))", template: "$util.escapeJavaScript($input.json('$.k'))", input: { body: '{"k": {"a": "b"}}' }, output: '{\\"a\\":\\"b\\"}' },
  { name: 'escapeJavaScript of null is null', fact: 'UNCONFIRMED: StringEscapeUtils.escapeJavaScript(null) is null, printed empty', template: '[$util.escapeJavaScript($nothing)]', output: '[]' },
  { name: 'parseJson into a navigable object', fact: '[DG: Mapping template reference] $util.parseJson example: errorMessageObj.key2.arr[0] is 1', template: "#set ($errorMessageObj = $util.parseJson($input.path('$.errorMessage')))\n{\n   \"errorMessageObjKey2ArrVal\" : $errorMessageObj.key2.arr[0]\n}\n", input: { body: '{"errorMessage":"{\\"key1\\":\\"var1\\",\\"key2\\":{\\"arr\\":[1,2,3]}}"}' }, output: '{\n   "errorMessageObjKey2ArrVal" : 1\n}\n' },
  { name: 'parseJson of a list', fact: '[DG: Mapping template reference] parseJson returns an object representation', template: '#set($l = $util.parseJson("[1,2,3]"))$l.size() $l', output: '3 [1,2,3]' },
  { name: 'parseJson of a scalar', fact: '[DG: Mapping template reference] parseJson of "true" is a Boolean', template: '#if($util.parseJson("true"))yes#end', output: 'yes' },
  { name: 'parseJson of invalid JSON fails', fact: '[DG: Mapping template reference] parseJson needs stringified JSON', template: '$util.parseJson("{bad")', error: 'invalid-json' },
  { name: 'urlEncode form-encodes', fact: '[Ref §3.1][Obs] urlEncode of {"some": "value"} gives %7B%22some%22%3A+%22value%22%7D', template: "$util.urlEncode($input.body)", input: { body: '{"some": "value"}' }, output: '%7B%22some%22%3A+%22value%22%7D' },
  { name: 'urlEncode keeps unreserved characters', fact: '[JDK URLEncoder] letters, digits and .-*_ are kept', template: '$util.urlEncode("a.b-c*d_e~f")', output: 'a.b-c*d_e%7Ef' },
  { name: 'urlEncode UTF-8', fact: '[DG: Mapping template reference] the default character set is UTF-8', template: '$util.urlEncode("é €")', output: '%C3%A9+%E2%82%AC' },
  { name: 'urlDecode', fact: '[DG: Mapping template reference] urlDecode decodes application/x-www-form-urlencoded', template: '$util.urlDecode("a+b%20c%C3%A9")', output: 'a b cé' },
  { name: 'urlDecode with a broken escape fails', fact: '[JDK URLDecoder] an illegal % sequence throws', template: '$util.urlDecode("%zz")', error: 'runtime' },
  { name: 'base64Encode', fact: '[DG: Mapping template reference] base64Encode of UTF-8 bytes', template: '$util.base64Encode("Hello, é")', output: 'SGVsbG8sIMOp' },
  { name: 'base64Decode', fact: '[DG: Mapping template reference] base64Decode to a UTF-8 string', template: '$util.base64Decode("SGVsbG8sIMOp")', output: 'Hello, é' },
  { name: 'base64 round trip of a JSON fragment', fact: '[DG: Mapping template reference] base64Encode($input.json(x)) (Kinesis example)', template: "$util.base64Encode($input.json('$.data'))", input: { body: '{"data": {"a": 1}}' }, output: 'eyJhIjoxfQ==' },
  { name: 'base64Decode of invalid input fails', fact: 'UNCONFIRMED: java.util.Base64 rejects characters outside the alphabet', template: '$util.base64Decode("a-b_")', error: 'runtime' },
  { name: 'unknown util method yields null', fact: '[Ref §3.1] an unresolvable method renders empty', template: '[$util.toJson("x")]', output: '[]' },
  { name: 'escapeJavaScript of an emoji', fact: 'UNCONFIRMED: StringEscapeUtils escapes each UTF-16 unit of non-ASCII text', template: '$util.escapeJavaScript("a😀")', output: 'a\\uD83D\\uDE00' },
  { name: 'urlDecode incomplete escape fails', fact: '[JDK URLDecoder] an incomplete trailing % escape throws', template: '$util.urlDecode("abc%4")', error: 'runtime' },
];
