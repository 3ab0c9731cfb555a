// Deploy-time compile of AWS mapping expressions (`method.request.header.X`, `stageVariables.X`,
// `context.X`, `'static'`...) into closures the data plane calls per request. Used by integration
// requestParameters and gateway response responseParameters. Reference §2.1 ("API request and
// response data mapping reference").

/**
 * What a mapping expression may read of one invocation. The data plane's InvocationContext
 * implements it; every method is cheap and must not throw.
 */
export interface MappingInput {
  /** A method request path parameter, percent-decoded. */
  pathParameter(name: string): string | undefined;
  /** The last value of a query parameter, decoded. Names are case-sensitive. */
  queryValue(name: string): string | undefined;
  queryValues(name: string): readonly string[] | undefined;
  /** The last value of a header; `lowerName` is lower-case (header names are case-insensitive). */
  headerValue(lowerName: string): string | undefined;
  headerValues(lowerName: string): readonly string[] | undefined;
  /** The request body as UTF-8 text ('' when empty). */
  bodyText(): string;
  /** The request body parsed as JSON, `undefined` when it is not JSON. */
  bodyJson(): unknown;
  stageVariable(name: string): string | undefined;
  /** A `$context` variable by path (`['identity', 'sourceIp']`), stringified; `undefined` when unset. */
  contextValue(path: readonly string[]): string | undefined;
}

/** A compiled expression: a single value, a list (multi-value sources) or `undefined` (absent). */
export type ValueSource = (input: MappingInput) => string | readonly string[] | undefined;

/** Compiles one mapping expression; `undefined` when it is not a recognised expression. */
export function compileMappingExpression(expression: string): ValueSource | undefined {
  if (expression.length >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
    const value = expression.slice(1, -1);
    return () => value;
  }
  const dot = (prefix: string): string | undefined => (expression.startsWith(prefix) && expression.length > prefix.length ? expression.slice(prefix.length) : undefined);
  let name: string | undefined;
  if ((name = dot('method.request.path.')) !== undefined) {
    const key = name;
    return (input) => input.pathParameter(key);
  }
  if ((name = dot('method.request.querystring.')) !== undefined) {
    const key = name;
    return (input) => input.queryValue(key);
  }
  if ((name = dot('method.request.multivaluequerystring.')) !== undefined) {
    const key = name;
    return (input) => input.queryValues(key);
  }
  if ((name = dot('method.request.header.')) !== undefined) {
    const key = name.toLowerCase();
    return (input) => input.headerValue(key);
  }
  if ((name = dot('method.request.multivalueheader.')) !== undefined) {
    const key = name.toLowerCase();
    return (input) => input.headerValues(key);
  }
  if (expression === 'method.request.body') return (input) => input.bodyText();
  if ((name = dot('method.request.body.')) !== undefined) {
    const path = parseJsonPath(name);
    return (input) => readJsonPath(input.bodyJson(), path);
  }
  if ((name = dot('stageVariables.')) !== undefined) {
    const key = name;
    return (input) => input.stageVariable(key);
  }
  if ((name = dot('context.')) !== undefined) {
    const path = name.split('.');
    return (input) => input.contextValue(path);
  }
  return undefined;
}

/** `a.b[0].c` or `$.a.b` → `['a', 'b', '0', 'c']`. Only plain member and index steps are supported. */
function parseJsonPath(text: string): string[] {
  const body = text.startsWith('$.') ? text.slice(2) : text;
  const steps: string[] = [];
  for (const part of body.split('.')) {
    let rest = part;
    const open = rest.indexOf('[');
    if (open < 0) {
      if (rest !== '') steps.push(rest);
      continue;
    }
    if (open > 0) steps.push(rest.slice(0, open));
    rest = rest.slice(open);
    while (rest.startsWith('[')) {
      const close = rest.indexOf(']');
      if (close < 0) break;
      steps.push(rest.slice(1, close).replace(/^['"]|['"]$/g, ''));
      rest = rest.slice(close + 1);
    }
  }
  return steps;
}

function readJsonPath(root: unknown, path: readonly string[]): string | undefined {
  let value = root;
  for (const step of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Joins a list value the way AWS renders multi-value sources into one header value. */
export function singleValue(value: string | readonly string[] | undefined): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return value.length === 0 ? undefined : value.join(',');
}
