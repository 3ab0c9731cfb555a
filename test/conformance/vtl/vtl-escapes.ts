// Conformance cases: backslash escapes of references and directives, and how string literals
// keep backslashes (Velocity 1.7 decodes only \uXXXX in string literals).
// Facts: Velocity 1.7 user guide "Escaping Valid VTL References", Parser.jjt ESCAPE_DIRECTIVE.

import type { VtlCase } from './vtl-case.js';

export const ESCAPE_CASES: VtlCase[] = [
  { name: 'escaped defined reference prints its source', fact: '[Velocity 1.7 user guide] \\$email prints $email when email is defined', template: '#set($email = "a@b")\\$email', output: '$email' },
  { name: 'escaped undefined reference keeps the backslash', fact: '[Velocity 1.7 ASTReference] an escaped reference that is null prints \\$name', template: '\\$undefined', output: '\\$undefined' },
  { name: 'double backslash then reference', fact: '[Velocity 1.7 user guide] \\\\$email prints \\ then the value', template: '#set($email = "a@b")\\\\$email', output: '\\a@b' },
  { name: 'triple backslash then reference', fact: '[Velocity 1.7 user guide] \\\\\\$email prints \\$email', template: '#set($email = "a@b")\\\\\\$email', output: '\\$email' },
  { name: 'escaped formal reference', fact: '[Velocity 1.7 ASTReference] \\${x} prints ${x} when x is defined', template: '#set($x = 1)\\${x}', output: '${x}' },
  { name: 'escaped quiet reference', fact: '[Velocity 1.7 ASTReference] \\$!x prints $!x when x is defined', template: '#set($x = 1)\\$!x', output: '$!x' },
  { name: 'escaped directive prints it', fact: '[Velocity 1.7 user guide] \\#if prints #if', template: '\\#if(true)x\\#end', output: '#if(true)x#end' },
  { name: 'escaped set keeps its arguments as text', fact: '[Velocity 1.7 Parser.jjt] ESCAPE_DIRECTIVE covers only "#set"; the rest is parsed as text', template: '#set($a = 1)\\#set($a = 2)$a', output: '#set(1 = 2)1' },
  { name: 'escaped non-directive keeps the backslash', fact: '[Velocity 1.7 Parser.escapedDirective] an unknown #word keeps its escape', template: '\\#notadirective', output: '\\#notadirective' },
  { name: 'double backslash before a directive', fact: '[Velocity 1.7 Parser.Escape] \\\\ before a directive prints \\ and the directive runs', template: '\\\\#if(true)x#end', output: '\\x' },
  { name: 'double backslash before text', fact: '[Velocity 1.7 Parser.Escape] backslashes not before $ or a directive are text', template: 'a\\\\b\\c', output: 'a\\\\b\\c' },
  { name: 'backslash n in a string literal stays', fact: '[Velocity 1.7 ASTStringLiteral] string literals decode only \\uXXXX; "\\n" stays backslash-n', template: '#set($s = "a\\nb")$s', output: 'a\\nb' },
  { name: 'unicode escape in a string literal', fact: '[Velocity 1.7 ASTStringLiteral.unescape] \\u0041 is decoded in double-quoted literals', template: '#set($s = "\\u0041B")$s', output: 'AB' },
  { name: 'escaped quote stays in a string literal', fact: '[Velocity 1.7 Parser.jjt] \\" keeps the literal open and the backslash stays', template: '#set($s = "say \\"hi\\"")$s', output: 'say \\"hi\\"' },
  { name: 'single-quoted literal is not interpolated', fact: "[Velocity 1.7 user guide] single-quoted strings are not parsed: '$x' stays", template: "#set($x = 1)#set($s = '$x')$s", output: '$x' },
  { name: 'interpolated literal with a directive', fact: '[Velocity 1.7 ASTStringLiteral] interpolated strings are templates (directives work)', template: '#set($n = 2)#set($s = "#if($n > 1)many#{else}one#end")$s', output: 'many' },
  { name: 'interpolated literal with a null reference', fact: '[Ref §3.1] null renders empty, inside interpolated strings too', template: '#set($s = "[$nothing]")$s', output: '[]' },
  { name: 'dollar bang without a reference', fact: '[Velocity 1.7 NodeUtils.specialText] "$!" that starts no reference prints "$"', template: 'wow $! end', output: 'wow $ end' },
  { name: 'hash and dollar', fact: '[Velocity 1.7] "#$x" prints "#" then the reference', template: '#set($x = 1)#$x', output: '#1' },
  { name: 'escaped hash before non-word', fact: '[Velocity 1.7 Parser.jjt] a lone \\ is text', template: '\\#1', output: '\\#1' },
];
