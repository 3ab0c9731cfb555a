// Parsing a method request query string into name → values, as REST APIs decode it (`+` is a space,
// percent-escapes decoded; reference §1.2 "REST APIs decode URL-encoded query parameters").
// Only run when something reads query values (mappings); the proxy path forwards the raw string.

export type QueryParameters = ReadonlyMap<string, readonly string[]>;

const EMPTY: QueryParameters = new Map();

/** Never throws: malformed percent-encoding is kept as sent. */
export function parseQuery(rawQuery: string): QueryParameters {
  if (rawQuery === '') return EMPTY;
  const parameters = new Map<string, string[]>();
  let start = 0;
  while (start <= rawQuery.length) {
    let end = rawQuery.indexOf('&', start);
    if (end < 0) end = rawQuery.length;
    if (end > start) {
      const pair = rawQuery.slice(start, end);
      const equals = pair.indexOf('=');
      const name = decodeQueryComponent(equals < 0 ? pair : pair.slice(0, equals));
      const value = equals < 0 ? '' : decodeQueryComponent(pair.slice(equals + 1));
      const values = parameters.get(name);
      if (values === undefined) parameters.set(name, [value]);
      else values.push(value);
    }
    start = end + 1;
  }
  return parameters;
}

/**
 * hot path (templates): each name's last value, names in order of first appearance, as
 * `$input.params().querystring` shows them: what parseQuery gives, without the Map and the lists.
 */
export function lastQueryValues(rawQuery: string): Record<string, string> {
  const values: Record<string, string> = {};
  if (rawQuery === '') return values;
  let start = 0;
  while (start <= rawQuery.length) {
    let end = rawQuery.indexOf('&', start);
    if (end < 0) end = rawQuery.length;
    if (end > start) {
      const equals = rawQuery.indexOf('=', start);
      if (equals < 0 || equals >= end) values[decodeQueryComponent(rawQuery.slice(start, end))] = '';
      else values[decodeQueryComponent(rawQuery.slice(start, equals))] = decodeQueryComponent(rawQuery.slice(equals + 1, end));
    }
    start = end + 1;
  }
  return values;
}

function decodeQueryComponent(text: string): string {
  const spaced = text.includes('+') ? text.replaceAll('+', ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
