// java.util.regex for templates: Java pattern syntax translated to JavaScript RegExp (u flag),
// plus Matcher.appendReplacement's `$1`/`${name}`/`\` replacement rules. Literal patterns are
// translated when the template compiles; others go through a bounded per-template cache.

import { VtlFault } from './java-values.js';

export interface JavaPattern {
  /** Global regex for find/replace/split (lastIndex is reset by every user). */
  global: RegExp;
  /** Non-global regex anchored to the whole input (String.matches, Pattern.matches). */
  full: RegExp;
  groupCount: number;
  groupNames: ReadonlySet<string>;
}

const LINE_END = '(?:\\r\\n|[\\n\\r\\u0085\\u2028\\u2029])';
const SPACE = '\\t\\n\\x0B\\f\\r ';
const HSPACE = ' \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
const VSPACE = '\\n\\x0B\\f\\r\\x85\\u2028\\u2029';
const POSIX: Record<string, string> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F', Space: SPACE, javaLowerCase: '\\p{Ll}', javaUpperCase: '\\p{Lu}',
  javaWhitespace: SPACE + '\\x1C-\\x1F\\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000',
  L: '\\p{L}', Lu: '\\p{Lu}', Ll: '\\p{Ll}', N: '\\p{N}', Nd: '\\p{Nd}', P: '\\p{P}', S: '\\p{S}', Z: '\\p{Z}',
  IsAlphabetic: '\\p{Alphabetic}', IsLetter: '\\p{L}', IsDigit: '\\p{Nd}', IsUppercase: '\\p{Uppercase}',
  IsLowercase: '\\p{Lowercase}', IsWhite_Space: '\\p{White_Space}', IsLatin: '\\p{Script=Latin}',
};
const SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));
const CLASS_SYNTAX = new Set('[]\\/{}|()-'.split(''));
/** An escape standing for one character (so it may start or end a range). */
const SINGLE_ESCAPE = /^(?:\\[tnrfv]|\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\u\{[0-9a-fA-F]+\}|\\[^dDwWsSpPbBk]|[^\\])$/u;

function syntaxError(message: string, pattern: string): VtlFault {
  return new VtlFault(`java.util.regex.PatternSyntaxException: ${message} near "${pattern}"`);
}

function literal(ch: string): string {
  return SYNTAX.has(ch) ? `\\${ch}` : ch === '-' ? '\\-' : ch;
}

interface Flags {
  i: boolean;
  s: boolean;
  m: boolean;
  x: boolean;
  d: boolean;
}

/** Translates a Java regular expression; throws a VtlFault (PatternSyntaxException) when it cannot. */
export function compileJavaRegex(pattern: string): JavaPattern {
  const flags: Flags = { i: false, s: false, m: false, x: false, d: false };
  const out: string[] = [];
  let i = 0;
  const n = pattern.length;
  const readEscape = (inClass: boolean): string => {
    const e = pattern[i + 1];
    if (e === undefined) throw syntaxError('Unexpected internal error', pattern);
    i += 2;
    switch (e) {
      case 'd': case 'D': case 'w': case 'W': return `\\${e}`;
      case 'b': case 'B': if (inClass) throw syntaxError('Illegal escape in a character class', pattern); return `\\${e}`;
      case 's': return inClass ? SPACE : `[${SPACE}]`;
      case 'S': if (inClass) throw syntaxError('Unsupported negated class in a class', pattern); return `[^${SPACE}]`;
      case 'h': return inClass ? HSPACE : `[${HSPACE}]`;
      case 'H': return `[^${HSPACE}]`;
      case 'v': return inClass ? VSPACE : `[${VSPACE}]`;
      case 'V': return `[^${VSPACE}]`;
      case 'R': return `(?:\\r\\n|[${VSPACE}])`;
      case 'A': return '(?<![\\s\\S])';
      case 'z': return '(?![\\s\\S])';
      case 'Z': return `(?=${LINE_END}?(?![\\s\\S]))`;
      case 't': return '\\t';
      case 'n': return '\\n';
      case 'r': return '\\r';
      case 'f': return '\\f';
      case 'a': return '\\x07';
      case 'e': return '\\x1B';
      case '0': {
        const m = /^[0-3]?[0-7]{1,2}/.exec(pattern.slice(i)) ?? /^[0-7]/.exec(pattern.slice(i));
        if (m === null) throw syntaxError('Illegal octal escape sequence', pattern);
        i += m[0].length;
        return `\\u{${parseInt(m[0], 8).toString(16)}}`;
      }
      case 'x': {
        const braced = /^\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i));
        if (braced) {
          i += braced[0].length;
          return `\\u{${braced[1] ?? '0'}}`;
        }
        const hex = pattern.slice(i, i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw syntaxError('Illegal hexadecimal escape sequence', pattern);
        i += 2;
        return `\\x${hex}`;
      }
      case 'u': {
        const hex = pattern.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntaxError('Illegal Unicode escape sequence', pattern);
        i += 4;
        return `\\u${hex}`;
      }
      case 'c': {
        const c = pattern[i];
        if (c === undefined) throw syntaxError('Illegal control escape sequence', pattern);
        i++;
        return `\\x${(c.charCodeAt(0) ^ 64).toString(16).padStart(2, '0')}`;
      }
      case 'p': case 'P': {
        let name: string;
        if (pattern[i] === '{') {
          const close = pattern.indexOf('}', i);
          if (close < 0) throw syntaxError('Unclosed character family', pattern);
          name = pattern.slice(i + 1, close);
          i = close + 1;
        } else {
          name = pattern[i] ?? '';
          i++;
        }
        const cls = POSIX[name.startsWith('Is') && POSIX[name] === undefined ? name.slice(2) : name];
        if (cls === undefined) throw syntaxError(`Unknown character property name {${name}}`, pattern);
        if (e === 'p') return inClass ? cls : `[${cls}]`;
        if (inClass) throw syntaxError('Unsupported negated property in a class', pattern);
        return `[^${cls}]`;
      }
      case 'k': {
        const m = /^<([a-zA-Z][a-zA-Z0-9]*)>/.exec(pattern.slice(i));
        if (m === null) throw syntaxError('\\k is not followed by \'<\' for named capturing group', pattern);
        i += m[0].length;
        return `\\k<${m[1] ?? ''}>`;
      }
      case 'Q': {
        const end = pattern.indexOf('\\E', i);
        const quoted = pattern.slice(i, end < 0 ? n : end);
        i = end < 0 ? n : end + 2;
        return [...quoted].map(literal).join('');
      }
      case 'G': throw syntaxError('\\G is not supported', pattern);
      default:
        if (/[1-9]/.test(e)) {
          if (inClass) throw syntaxError('Illegal back reference in a class', pattern);
          return `\\${e}`;
        }
        if (/[a-zA-Z]/.test(e)) throw syntaxError(`Illegal/unsupported escape sequence \\${e}`, pattern);
        return literal(e);
    }
  };

  const readClass = (): string => {
    let body = '';
    i++;
    if (pattern[i] === '^') {
      body += '^';
      i++;
    }
    let first = true;
    let single = false;
    let rangeOpen = false;
    for (;;) {
      const ch = pattern[i];
      if (ch === undefined) throw syntaxError('Unclosed character class', pattern);
      if (ch === ']' && !first) {
        i++;
        return `[${body}]`;
      }
      first = false;
      let piece: string;
      if (ch === '[') {
        const nested = readClass();
        if (nested.startsWith('[^')) throw syntaxError('Negated nested classes are not supported', pattern);
        piece = nested.slice(1, -1);
        single = false;
      } else if (ch === '&' && pattern[i + 1] === '&') throw syntaxError('Class intersection (&&) is not supported', pattern);
      else if (ch === '\\') {
        piece = readEscape(true);
        single = SINGLE_ESCAPE.test(piece);
      } else if (ch === '-' && single && !rangeOpen && pattern[i + 1] !== ']' && pattern[i + 1] !== undefined) {
        body += '-';
        i++;
        rangeOpen = true;
        continue;
      } else {
        piece = CLASS_SYNTAX.has(ch) ? `\\${ch}` : ch;
        single = true;
        i++;
      }
      if (rangeOpen) {
        if (!single) throw syntaxError('Illegal character range', pattern);
        single = false;
        rangeOpen = false;
      }
      body += piece;
    }
  };

  while (i < n) {
    const ch = pattern[i] ?? '';
    if (flags.x && /\s/.test(ch)) {
      i++;
      continue;
    }
    if (flags.x && ch === '#') {
      while (i < n && pattern[i] !== '\n') i++;
      continue;
    }
    switch (ch) {
      case '\\': out.push(readEscape(false)); continue;
      case '[': out.push(readClass()); continue;
      case '.': out.push(flags.s ? '[\\s\\S]' : flags.d ? '[^\\n]' : '[^\\n\\r\\u0085\\u2028\\u2029]'); i++; continue;
      case '$': out.push(flags.m ? '$' : `(?=${LINE_END}?(?![\\s\\S]))`); i++; continue;
      case ']': case '}': out.push(`\\${ch}`); i++; continue;
      case '(': {
        const inline = /^\(\?([idmsuxU-]+)(\)|:)/.exec(pattern.slice(i));
        if (inline) {
          // Inline flags apply to the whole pattern here (JavaScript has no scoped flags before ES2025).
          let on = true;
          for (const f of inline[1] ?? '') {
            if (f === '-') on = false;
            else if (f === 'i' || f === 's' || f === 'm' || f === 'x' || f === 'd') flags[f] = on;
          }
          i += inline[0].length;
          if (inline[2] === ':') out.push('(?:');
          continue;
        }
        if (pattern.startsWith('(?>', i)) {
          out.push('(?:');
          i += 3;
          continue;
        }
        out.push('(');
        i++;
        continue;
      }
      case '*': case '+': case '?': {
        out.push(ch);
        i++;
        if (pattern[i] === '+') i++;
        continue;
      }
      case '{': {
        const q = /^\{\d+(,\d*)?\}/.exec(pattern.slice(i));
        if (q === null) throw syntaxError('Illegal repetition', pattern);
        out.push(q[0]);
        i += q[0].length;
        if (pattern[i] === '+') i++;
        continue;
      }
      default:
        out.push(ch === '/' ? '\\/' : ch);
        i++;
    }
  }
  const source = out.join('');
  const jsFlags = `u${flags.i ? 'i' : ''}${flags.m ? 'm' : ''}`;
  try {
    const global = new RegExp(source, `g${jsFlags}`);
    const full = new RegExp(`(?<![\\s\\S])(?:${source})(?![\\s\\S])`, jsFlags);
    const probe = new RegExp(`${source}|`, jsFlags).exec('');
    const groupNames = new Set(Object.keys(probe?.groups ?? {}));
    return { global, full, groupCount: (probe?.length ?? 1) - 1, groupNames };
  } catch (error) {
    throw syntaxError(error instanceof Error ? error.message : 'invalid pattern', pattern);
  }
}

/** Compiled patterns for one template (no module-level state); cleared when it grows past its bound. */
export class RegexCache {
  private readonly patterns = new Map<string, JavaPattern | VtlFault>();

  constructor(private readonly limit = 256) {}

  get(pattern: string): JavaPattern {
    let compiled = this.patterns.get(pattern);
    if (compiled === undefined) {
      try {
        compiled = compileJavaRegex(pattern);
      } catch (error) {
        compiled = error instanceof VtlFault ? error : new VtlFault(String(error));
      }
      if (this.patterns.size >= this.limit) this.patterns.clear();
      this.patterns.set(pattern, compiled);
    }
    if (compiled instanceof VtlFault) throw compiled;
    return compiled;
  }
}

type ReplacementPart = string | number;

/** Matcher.appendReplacement's syntax: `$n`, `${name}`, `\x` escapes. */
function parseReplacement(replacement: string, pattern: JavaPattern): ReplacementPart[] {
  const parts: ReplacementPart[] = [];
  let text = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i];
    if (ch === '\\') {
      i++;
      if (i >= replacement.length) throw new VtlFault('java.lang.IllegalArgumentException: character to be escaped is missing');
      text += replacement[i];
    } else if (ch === '$') {
      i++;
      if (replacement[i] === '{') {
        const close = replacement.indexOf('}', i);
        const name = replacement.slice(i + 1, close < 0 ? undefined : close);
        if (close < 0 || !pattern.groupNames.has(name)) throw new VtlFault(`java.lang.IllegalArgumentException: No group with name {${name}}`);
        if (text) parts.push(text);
        text = '';
        parts.push(`\u0000${name}`);
        i = close;
        continue;
      }
      const d = replacement.charCodeAt(i) - 48;
      if (!(d >= 0 && d <= 9)) throw new VtlFault('java.lang.IllegalArgumentException: Illegal group reference');
      let ref = d;
      while (i + 1 < replacement.length) {
        const next = replacement.charCodeAt(i + 1) - 48;
        if (!(next >= 0 && next <= 9) || ref * 10 + next > pattern.groupCount) break;
        ref = ref * 10 + next;
        i++;
      }
      if (ref > pattern.groupCount) throw new VtlFault(`java.lang.IndexOutOfBoundsException: No group ${ref}`);
      if (text) parts.push(text);
      text = '';
      parts.push(ref);
    } else text += ch;
  }
  if (text) parts.push(text);
  return parts;
}

function advance(s: string, index: number): number {
  const c = s.charCodeAt(index);
  return c >= 0xd800 && c <= 0xdbff && index + 1 < s.length ? index + 2 : index + 1;
}

/** String.replaceAll / replaceFirst. */
export function javaReplace(s: string, pattern: JavaPattern, replacement: string, firstOnly: boolean): string {
  const parts = parseReplacement(replacement, pattern);
  const re = pattern.global;
  re.lastIndex = 0;
  let out = '';
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    out += s.slice(last, m.index);
    for (const part of parts) {
      if (typeof part === 'number') out += m[part] ?? '';
      else if (part.startsWith('\u0000')) out += m.groups?.[part.slice(1)] ?? '';
      else out += part;
    }
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex = advance(s, re.lastIndex);
    if (firstOnly) break;
  }
  return out + s.slice(last);
}

/** String.split(regex, limit) with Java's rules (no captured groups, trailing empties dropped at limit 0). */
export function javaSplit(s: string, pattern: JavaPattern, limit: number): string[] {
  const re = pattern.global;
  re.lastIndex = 0;
  const parts: string[] = [];
  let last = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const end = m.index + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex = advance(s, re.lastIndex);
      if (m.index === 0 || m.index >= s.length) continue;
    }
    if (limit > 0 && parts.length === limit - 1) break;
    if (!(m.index === 0 && end === 0)) {
      parts.push(s.slice(last, m.index));
      last = end;
    }
  }
  if (parts.length === 0) return [s];
  parts.push(s.slice(last));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
