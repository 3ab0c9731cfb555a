// IAM's wildcard matching for policy Resource/Action elements and the String/Arn `Like` condition
// operators: `*` is any run of characters (also `/` and `:`), `?` exactly one; anything else is exact.
// Used at request time by policy evaluation. IAM User Guide "IAM JSON policy elements: Resource".

const STAR = 0x2a;
const QUESTION = 0x3f;

/** Whether `value` matches `pattern` (case-sensitive; callers lower-case both for actions). */
export function matchesWildcard(pattern: string, value: string): boolean {
  // hot path (authorizer policies, resource policies): character codes, no one-character strings.
  const patternLength = pattern.length;
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const c = p < patternLength ? pattern.charCodeAt(p) : -1;
    if (c === QUESTION || (c >= 0 && c !== STAR && c === value.charCodeAt(v))) {
      p++;
      v++;
    } else if (c === STAR) {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (p < patternLength && pattern.charCodeAt(p) === STAR) p++;
  return p === patternLength;
}
