// Conformance cases: java.util.List and Map methods on template literals and on $input.path
// results (json-smart JSONArray / LinkedHashMap): Java return values, ordering, printing.
// Facts: Velocity 1.7 + JDK collections; reference §3.1 for JSON printing.

import type { VtlCase } from './vtl-case.js';

export const COLLECTION_CASES: VtlCase[] = [
  { name: 'list size get isEmpty', fact: '[JDK List] size(), get(i), isEmpty()', template: '#set($l = ["a", "b"])$l.size() $l.get(1) $l.isEmpty()', output: '2 b false' },
  { name: 'list add returns true', fact: '[JDK List.add] returns true, which prints when not captured', template: '#set($l = [])$l.add("x")|$l', output: 'true|[x]' },
  { name: 'list add captured by set', fact: '[Velocity 1.7] #set($dummy = $list.add(x)) is the silent idiom', template: '#set($l = [])#set($d = $l.add(1))#set($d = $l.add(2))$l', output: '[1, 2]' },
  { name: 'quiet add prints nothing only when null', fact: '[Velocity 1.7] $! hides null only: add() returns true', template: '#set($l = [])$!l.add(1)', output: 'true' },
  { name: 'list contains indexOf', fact: '[JDK List.contains/indexOf] use equals()', template: '#set($l = [1, "2", 3])$l.contains(1) $l.contains(2) $l.indexOf("2") $l.indexOf(9)', output: 'true false 1 -1' },
  { name: 'list get out of range fails', fact: '[JDK List.get] IndexOutOfBoundsException fails the render', template: '#set($l = [1])$l.get(3)', error: 'runtime' },
  { name: 'list index out of range fails', fact: '[Velocity 1.7 ASTIndex] an out-of-range index throws', template: '#set($l = [1])$l[3]', error: 'runtime' },
  { name: 'list add at index', fact: '[JDK List.add(int, E)] returns void (null, printed empty)', template: '#set($l = ["a", "c"])[$l.add(1, "b")]$l', output: '[][a, b, c]' },
  { name: 'list set returns the old element', fact: '[JDK List.set]', template: '#set($l = ["a"])$l.set(0, "z") $l', output: 'a [z]' },
  { name: 'list remove by index and by value', fact: '[JDK List.remove(int) / remove(Object)]', template: '#set($l = ["a", "b", "c"])$l.remove(0) $l.remove("c") $l', output: 'a true [b]' },
  { name: 'list addAll and clear', fact: '[JDK List.addAll/clear]', template: '#set($l = [1])#set($d = $l.addAll([2, 3]))$l #set($d = $l.clear())$l.size()', output: '[1, 2, 3]0' },
  { name: 'list subList prints Java-style', fact: '[JDK List.subList] a view printed [a, b]', template: '#set($l = [1, 2, 3])$l.subList(1, 3)', output: '[2, 3]' },
  { name: 'list isEmpty property', fact: '[Velocity 1.7 UberspectImpl] $list.empty calls isEmpty()', template: '#set($l = [])$l.empty', output: 'true' },
  { name: 'map get put containsKey', fact: '[JDK Map] get/put/containsKey; put returns the previous value', template: '#set($m = {"a": 1})$m.get("a") [$m.put("b", 2)] $m.put("a", 9) $m.containsKey("b") $m', output: '1 [] 1 true {a=9, b=2}' },
  { name: 'map keySet keeps insertion order', fact: '[JDK LinkedHashMap] keySet() in insertion order, printed [a, b]', template: '#set($m = {"z": 1, "a": 2})$m.keySet()', output: '[z, a]' },
  { name: 'map values and size', fact: '[JDK Map.values/size]', template: '#set($m = {"a": 1, "b": 2})$m.values() $m.size() $m.isEmpty()', output: '[1, 2] 2 false' },
  { name: 'map entrySet', fact: '[JDK Map.entrySet] entries print key=value; .key/.value read them', template: '#set($m = {"a": 1, "b": 2})$m.entrySet()|#foreach($e in $m.entrySet())$e.key:$e.value #end', output: '[a=1, b=2]|a:1 b:2 ' },
  { name: 'map remove', fact: '[JDK Map.remove] returns the removed value', template: '#set($m = {"a": 1, "b": 2})$m.remove("a") $m', output: '1 {b=2}' },
  { name: 'map getOrDefault', fact: '[JDK Map.getOrDefault] (Java 8)', template: '#set($m = {"a": 1})$m.getOrDefault("b", 0)', output: '0' },
  { name: 'map null values print null', fact: '[JDK AbstractMap.toString] a null value prints "null"', template: "$input.path('$')", input: { body: '{"a": null, "b": [null]}' }, output: '{a=null, b=[null]}' },
  { name: 'foreach over keySet', fact: '[DG: Mapping template reference] #foreach($paramName in $params.keySet())', template: '#set($m = {"x": 1, "y": 2})#foreach($k in $m.keySet())$k=$m.get($k);#end', output: 'x=1;y=2;' },
  { name: 'JSON object order is kept', fact: '[Ref §3.1][Obs] $input.path objects keep the payload order', template: "$input.path('$')", input: { body: '{"bigger": "dict", "to": "test", "with": "separators"}' }, output: '{bigger=dict, to=test, with=separators}' },
  { name: 'JSON integer keys keep their order', fact: '[Ref §3.1] JSON objects are LinkedHashMaps: "10" before "2" as written', template: "$input.path('$').keySet()", input: { body: '{"b": 1, "10": 2, "2": 3}' }, output: '[b, 10, 2]' },
  { name: 'JSON list size and count', fact: "[DG: Mapping template reference] $input.path('$.pets').count() returns 3 (size() too)", template: "$input.path('$.pets').size() $input.path('$.pets').count()", input: { body: '{"pets": [{"id": 1}, {"id": 2}, {"id": 3}]}' }, output: '3 3' },
  { name: 'JSON list get and index', fact: '[DG: Mapping template reference] $input.path results are navigable natively', template: "#set($p = $input.path('$.pets'))$p.get(0).id $p[1].id", input: { body: '{"pets": [{"id": 1}, {"id": 2}]}' }, output: '1 2' },
  { name: 'JSON map put then json', fact: '[DG: Mapping template reference] $input.path results can be manipulated natively', template: "#set($b = $input.path('$'))#set($d = $b.put('added', true))$b", input: { body: '{"a": 1}' }, output: '{a=1, added=true}' },
  { name: 'list equals', fact: '[JDK List.equals] element-wise', template: '#set($a = [1, 2])#set($b = [1, 2])$a.equals($b)', output: 'true' },
  { name: 'adding to a split result fails', fact: '[JDK Arrays] a String[] has a fixed size: add throws UnsupportedOperationException', template: '#set($s = "a,b")#set($p = $s.split(","))$p.add("c")', error: 'runtime' },
];
