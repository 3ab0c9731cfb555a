// Deploy-time compile of an integration response `selectionPattern` (a Java regular expression)
// into a JavaScript RegExp with Java's `String.matches` semantics: the pattern must match the
// WHOLE subject (the status code string, or Lambda's errorMessage). Reference §2.3; AWS developer
// guide "Set up an integration response" and "Handle Lambda errors in API Gateway".

/** Java's `.` (without DOTALL) excludes every line terminator, JavaScript's misses U+0085. */
const JAVA_DOT = '[^\\n\\r\\u0085\\u2028\\u2029]';
/** Java's `\s` is ASCII only; JavaScript's includes Unicode spaces. */
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~',
  Graph: '!-~',
  Print: ' -~',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: JAVA_SPACE,
  javaLowerCase: 'a-z',
  javaUpperCase: 'A-Z',
  javaWhitespace: JAVA_SPACE,
};

/**
 * Compiles a Java regex into a full-match RegExp. Throws a SyntaxError for a pattern that is not
 * valid (or uses a Java construct JavaScript cannot express: `\G`, Unicode `\p{..}` categories,
 * class intersections).
 *
 * AWS: full match, not find (the reference §2.3 leaves it UNCONFIRMED; LocalStack uses a prefix
 * match). Evidence: the developer guide warns that `.+` does not match an error message containing
 * a newline, which only holds for a whole-string match; users report that `Invalid*` does not
 * select "Invalid input" while `Invalid.*` does, and that `404` selects an errorMessage "404" but
 * not "foo 404 bar". Pinned by compile-selection-pattern.test.ts and mapping-http.test.ts
 * ("a backend 400 and 404 select the 4\d{2} response").
 */
export function compileSelectionPattern(pattern: string): RegExp {
  let flags = '';
  let source = pattern;
  // Leading inline flags `(?i)`, `(?s)`, `(?m)`, `(?is)`...: the only form JavaScript can express.
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline !== null) {
    for (const flag of inline[1]!) if (flag !== 'U' && !flags.includes(flag)) flags += flag;
    source = source.slice(inline[0].length);
  }
  const translated = translate(source, flags.includes('s'));
  return new RegExp(`^(?:${translated})$`, flags);
}

/** Rewrites the Java-only constructs; everything else is shared syntax and passes as is. */
function translate(source: string, dotAll: boolean): string {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw new SyntaxError('Unexpected internal error near index ' + String(i));
      if (next === 'Q') {
        const end = source.indexOf('\\E', i + 2);
        const literal = source.slice(i + 2, end < 0 ? source.length : end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? source.length : end + 2;
        continue;
      }
      if (next === 'p' || next === 'P') {
        const close = source.indexOf('}', i);
        const name = source[i + 2] === '{' && close > 0 ? source.slice(i + 3, close) : undefined;
        const klass = name === undefined ? undefined : POSIX_CLASSES[name.startsWith('Is') ? name.slice(2) : name];
        if (klass === undefined) throw new SyntaxError(`Unsupported character class \\${next}{${name ?? ''}}`);
        if (inClass && next === 'P') throw new SyntaxError('Unsupported negated class inside a character class');
        out += inClass ? klass : `[${next === 'P' ? '^' : ''}${klass}]`;
        i = close + 1;
        continue;
      }
      if (next === 'G') throw new SyntaxError('Unsupported \\G anchor');
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'Z') out += '(?=\\n?$)';
      else if (!inClass && next === 'z') out += '$';
      else if (!inClass && next === 'h') out += '[ \\t\\xA0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000]';
      else if (!inClass && next === 'R') out += '(?:\\r\\n|[\\n\\x0B\\f\\r\\u0085\\u2028\\u2029])';
      else if (next === 's') out += inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
      else if (!inClass && next === 'S') out += `[^${JAVA_SPACE}]`;
      else out += char + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (char === '&' && source[i + 1] === '&') throw new SyntaxError('Unsupported character class intersection');
      if (char === '[') out += '\\[';
      else {
        if (char === ']') inClass = false;
        out += char;
      }
      i++;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      i++;
      // A `]` right after `[` or `[^` is a literal in Java.
      if (source[i] === '^') {
        out += '^';
        i++;
      }
      if (source[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (char === '.') {
      out += dotAll ? '[\\s\\S]' : JAVA_DOT;
      i++;
      continue;
    }
    if (char === '(' && source.startsWith('(?>', i)) {
      // Atomic group: JavaScript has none; a plain group accepts the same strings in all but
      // pathological backtracking cases.
      out += '(?:';
      i += 3;
      continue;
    }
    if ((char === '*' || char === '+' || char === '?' || char === '}') && source[i + 1] === '+') {
      // Possessive quantifier: matched greedily (same caveat as atomic groups).
      out += char;
      i += 2;
      continue;
    }
    out += char;
    i++;
  }
  if (inClass) throw new SyntaxError('Unclosed character class');
  return out;
}
