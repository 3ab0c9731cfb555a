// Conformance cases: Velocity 1.7's whitespace and newline gobbling as API Gateway renders it —
// a directive's ")" eats trailing spaces and one newline, #else/#end likewise, #set eats the
// indentation before it when that starts a token, ## eats its newline. [Velocity 1.7 Parser.jjt]

import type { VtlCase } from './vtl-case.js';

export const WHITESPACE_CASES: VtlCase[] = [
  { name: 'set eats its newline', fact: '[Velocity 1.7 Parser.jjt] RPAREN eats trailing spaces and one newline', template: '#set($a = 1)\nx', output: 'x' },
  { name: 'set eats trailing spaces before the newline', fact: '[Velocity 1.7 Parser.jjt] RPAREN: ")" ((" "|"\\t")* newline)?', template: '#set($a = 1)   \nx', output: 'x' },
  { name: 'set keeps trailing spaces without a newline', fact: '[Velocity 1.7 Parser.jjt] without a newline only ")" is consumed', template: '#set($a = 1)  x', output: '  x' },
  { name: 'set eats only one newline', fact: '[Velocity 1.7 Parser.jjt] RPAREN eats at most one newline', template: '#set($a = 1)\n\nx', output: '\nx' },
  { name: 'set eats CRLF', fact: '[Velocity 1.7 Parser.jjt] the newline may be \\r\\n', template: '#set($a = 1)\r\nx', output: 'x' },
  { name: 'indented set after a directive line', fact: '[Velocity 1.7 Parser.jjt] SET_DIRECTIVE eats leading spaces when they start a token', template: '#set($a = 1)\n    #set($b = 2)\n$a$b', output: '12' },
  { name: 'indented set after text keeps the indentation', fact: '[Velocity 1.7 Parser.jjt] TEXT runs to the "#", so indentation after plain text stays', template: '{\n  #set($a = 1)\n  "a": $a\n}', output: '{\n    "a": 1\n}' },
  { name: 'set after a reference eats the space', fact: '[Velocity 1.7 Parser.jjt] VELOCITY-631: "$a #set(" — the space before #set is eaten', template: '#set($a = 1)$a #set($b = 2)$b', output: '12' },
  { name: 'if line gobbling', fact: '[Velocity 1.7 Parser.jjt] #if(...) and #end eat their newlines, indentation before them stays', template: 'a\n#if(true)\nb\n#end\nc', output: 'a\nb\nc' },
  { name: 'indented if keeps its indentation', fact: '[Velocity 1.7 Parser.jjt] only #set eats the indentation before it', template: 'a\n  #if(true)\n  b\n  #end\nc', output: 'a\n    b\n  c' },
  { name: 'else eats its newline', fact: '[Velocity 1.7 Parser.jjt] ELSE_DIRECTIVE: "else" ((" "|"\\t")* newline)?', template: '#if(false)\nx\n#else\ny\n#end\n', output: 'y\n' },
  { name: 'end followed by text on the same line', fact: '[Velocity 1.7 Parser.jjt] END eats whitespace only when a newline follows', template: '#if(true)a#end b', output: 'a b' },
  { name: 'foreach body lines', fact: '[Velocity 1.7 Parser.jjt] the indentation before #end is output on every iteration', template: '<ul>\n  #foreach($i in [1, 2])\n    <li>$i</li>\n  #end\n</ul>', output: '<ul>\n      <li>1</li>\n      <li>2</li>\n  </ul>' },
  { name: 'foreach with comma separator on its own line', fact: '[DG: Mapping template reference] the params example: #if($foreach.hasNext),#end on its own line', template: '[\n#foreach($i in [1, 2])\n  $i\n  #if($foreach.hasNext),#end\n#end\n]', output: '[\n  1\n  ,  2\n  ]' },
  { name: 'line comment eats its newline', fact: '[Velocity 1.7 Parser.jjt] SINGLE_LINE_COMMENT includes the newline', template: 'a\n## note\nb', output: 'a\nb' },
  { name: 'indented line comment keeps indentation', fact: '[Velocity 1.7 Parser.jjt] TEXT before ## stays; the comment eats through the newline', template: 'a\n  ## note\nb', output: 'a\n  b' },
  { name: 'block comment keeps the newline after it', fact: '[Velocity 1.7 Parser.jjt] #* *# eats nothing after "*#"', template: 'a#* c *#\nb', output: 'a\nb' },
  { name: 'stop keeps nothing after it', fact: '[Velocity 1.7 user guide] #stop ends the output at that point', template: 'a\n#stop\nb', output: 'a\n' },
  { name: 'macro definition line vanishes', fact: '[Velocity 1.7 Parser.jjt] #macro(...) and its #end eat their newlines', template: '#macro(m)\nM\n#end\n#m()\nx', output: 'M\nx' },
  { name: 'whitespace inside directive arguments', fact: '[Velocity 1.7 Parser.jjt] WHITESPACE (including newlines) may separate directive arguments', template: '#set(\n  $a\n  =\n  1\n)\n$a', output: '1' },
  { name: 'tab before newline after a directive', fact: '[Velocity 1.7 Parser.jjt] RPAREN eats tabs as well as spaces before the newline', template: '#if(true)\t\nx#end', output: 'x' },
  { name: 'set with space between set and parenthesis eats indentation', fact: '[Velocity 1.7 Parser.jjt] SET_DIRECTIVE: (" "|"\\t")* "#set" (" ")* "("', template: '#set($a = 1)\n  #set ($b = 2)\n$b', output: '2' },
  { name: 'text after set on same line', fact: '[Velocity 1.7 Parser.jjt] only a newline (with spaces) is eaten after ")"', template: '#set($a = "v") $a', output: ' v' },
];
