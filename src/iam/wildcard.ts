// IAM's wildcard matching for policy Resource/Action elements and the String/Arn `Like` condition
// operators: `*` is any run of characters (also `/` and `:`), `?` exactly one; anything else is exact.
// Used at request time by policy evaluation. IAM User Guide "IAM JSON policy elements: Resource".

/** Whether `value` matches `pattern` (case-sensitive; callers lower-case both for actions). */
export function matchesWildcard(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const c = pattern[p];
    if (c === '?' || (c !== undefined && c !== '*' && c === value[v])) {
      p++;
      v++;
    } else if (c === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
