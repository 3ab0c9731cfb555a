// Conformance cases: java.lang.String methods as templates call them on API Gateway (Java 8
// semantics): java.util.regex for matches/replaceAll/split, split dropping trailing empty
// strings, trim stripping chars <= ' ', exceptions failing the render. [Velocity 1.7 + JDK]

import type { VtlCase } from './vtl-case.js';

const s = (value: string, expr: string): string => `#set($s = "${value}")${expr}`;

export const STRING_CASES: VtlCase[] = [
  { name: 'length', fact: '[JDK String.length] UTF-16 code units', template: s('héllo', '$s.length()'), output: '5' },
  { name: 'substring one argument', fact: '[JDK String.substring]', template: s('abcdef', '$s.substring(2)'), output: 'cdef' },
  { name: 'substring two arguments', fact: '[JDK String.substring(begin, end)]', template: s('abcdef', '$s.substring(1, 3)'), output: 'bc' },
  { name: 'substring out of range fails', fact: '[JDK] StringIndexOutOfBoundsException fails the template (Velocity MethodInvocationException)', template: s('abc', '$s.substring(5)'), error: 'runtime', errorLine: 1 },
  { name: 'indexOf and lastIndexOf', fact: '[JDK String.indexOf/lastIndexOf]', template: s('a-b-c', '$s.indexOf("-") $s.lastIndexOf("-") $s.indexOf("x") $s.indexOf("-", 2)'), output: '1 3 -1 3' },
  { name: 'replace is literal', fact: '[JDK String.replace(CharSequence, CharSequence)] replaces every literal occurrence', template: s('a.b.c', '$s.replace(".", "$")'), output: 'a$b$c' },
  { name: 'replaceAll uses Java regex', fact: '[DG: Mapping template reference] escapeJavaScript(data).replaceAll("\\\\\'","\'") — a Java regex', template: s('a1b22c', '$s.replaceAll("[0-9]+", "#")'), output: 'a#b#c' },
  { name: 'replaceAll group reference', fact: '[JDK Matcher.appendReplacement] $1 in the replacement is a group', template: s('John Smith', '$s.replaceAll("(\\w+) (\\w+)", "$2, $1")'), output: 'Smith, John' },
  { name: 'replaceAll escaped dollar', fact: '[JDK Matcher.appendReplacement] \\$ in the replacement is a literal dollar', template: s('cost', '$s.replaceAll("cost", "\\$5")'), output: '$5' },
  { name: 'replaceAll with escaped single quote (AWS idiom)', fact: "[DG: Mapping template reference] $util.escapeJavaScript(data).replaceAll(\"\\\\'\",\"'\") turns \\' back into '", template: '#set($d = "it\'s")$util.escapeJavaScript($d).replaceAll("\\\\\'", "\'")', output: "it's" },
  { name: 'replaceFirst', fact: '[JDK String.replaceFirst]', template: s('aaa', '$s.replaceFirst("a", "b")'), output: 'baa' },
  { name: 'replaceAll zero-length matches', fact: '[JDK Matcher] an empty pattern matches between every character', template: s('abc', '$s.replaceAll("", "-")'), output: '-a-b-c-' },
  { name: 'matches is a full match', fact: '[JDK String.matches] the whole string must match', template: s('abc123', '$s.matches("[a-z]+")|$s.matches("[a-z]+[0-9]+")'), output: 'false|true' },
  { name: 'matches with case-insensitive flag', fact: '[JDK Pattern] (?i) makes the match case-insensitive', template: s('ABC', '$s.matches("(?i)abc")'), output: 'true' },
  { name: 'matches with Java character classes', fact: '[JDK Pattern] \\p{Alpha} and \\s are ASCII classes', template: s('ab c', '$s.matches("\\p{Alpha}+\\s\\p{Alpha}")'), output: 'true' },
  { name: 'dot does not match a newline', fact: '[JDK Pattern] "." excludes line terminators unless DOTALL', template: '#set($s = "a\n")$s.matches("a.")|$s.matches("(?s)a.")', output: 'false|true' },
  { name: 'split drops trailing empty strings', fact: '[JDK String.split] trailing empty strings are removed', template: s('a,b,,', '$s.split(",").size()'), output: '2' },
  { name: 'split keeps leading empty strings', fact: '[JDK String.split] a leading empty string stays', template: s(',a', '#set($p = $s.split(","))$p.size() [$p[0]] $p[1]'), output: '2 [] a' },
  { name: 'split with limit', fact: '[JDK String.split(regex, limit)]', template: s('a,b,c', '$s.split(",", 2)[1]'), output: 'b,c' },
  { name: 'split on a regex', fact: '[JDK String.split] the separator is a regex', template: s('a1b22c', '#foreach($p in $s.split("[0-9]+"))$p#end'), output: 'abc' },
  { name: 'split on dot needs escaping', fact: '[JDK String.split] "." is a regex matching everything: all parts are empty and dropped', template: s('a.b', '$s.split(".").size() $s.split("\\.").size()'), output: '0 2' },
  { name: 'split with a capture group returns no groups', fact: '[JDK String.split] captured groups are not part of the result', template: s('a-b', '$s.split("(-)").size()'), output: '2' },
  { name: 'trim', fact: '[JDK String.trim] strips characters <= U+0020 from both ends', template: '#set($s = "  x \t")[$s.trim()]', output: '[x]' },
  { name: 'case conversion', fact: '[JDK String.toLowerCase/toUpperCase]', template: s('MiXeD', '$s.toLowerCase() $s.toUpperCase()'), output: 'mixed MIXED' },
  { name: 'startsWith and endsWith', fact: '[JDK String.startsWith/endsWith]', template: s('application/json', '$s.startsWith("application/") $s.endsWith("xml") $s.startsWith("json", 12)'), output: 'true false true' },
  { name: 'contains', fact: '[JDK String.contains]', template: s('hello', '$s.contains("ell") $s.contains("x")'), output: 'true false' },
  { name: 'equals and equalsIgnoreCase', fact: '[JDK String.equals/equalsIgnoreCase]', template: s('Yes', '$s.equals("Yes") $s.equals("yes") $s.equalsIgnoreCase("YES")'), output: 'true false true' },
  { name: 'isEmpty', fact: '[JDK String.isEmpty]', template: '#set($e = "")#set($n = "x")$e.isEmpty() $n.isEmpty()', output: 'true false' },
  { name: 'charAt', fact: '[JDK String.charAt] a char prints as itself', template: s('abc', '$s.charAt(1)'), output: 'b' },
  { name: 'concat', fact: '[JDK String.concat]', template: s('ab', '$s.concat("cd")'), output: 'abcd' },
  { name: 'compareTo', fact: '[JDK String.compareTo] difference of the first differing chars', template: s('b', '$s.compareTo("a") $s.compareTo("b")'), output: '1 0' },
  { name: 'toString and valueOf', fact: '[Velocity 1.7] static String.valueOf is callable through an instance', template: '#set($s = "")$s.valueOf(12)', output: '12' },
  { name: 'contains with null fails', fact: '[JDK] String.contains(null) throws NullPointerException, failing the render', template: s('abc', '$s.contains($nothing)'), error: 'runtime' },
  { name: 'method with wrong argument type yields null', fact: '[Velocity 1.7] no method matches the argument types: the call yields null (printed empty)', template: s('abc', '[$s.substring("1")]'), output: '[]' },
  { name: 'parseInt through an Integer', fact: '[Velocity 1.7] static Integer.parseInt is callable through any Integer (a common API Gateway idiom)', template: '#set($Integer = 0)#set($n = $Integer.parseInt("41") + 1)$n', output: '42' },
  { name: 'parseInt of a bad number fails', fact: '[JDK] NumberFormatException fails the render', template: '#set($i = 0)$i.parseInt("4x")', error: 'runtime' },
  { name: 'hashCode', fact: '[JDK String.hashCode] s[0]*31^(n-1) + ... as an int', template: s('hello', '$s.hashCode()'), output: '99162322' },
];
