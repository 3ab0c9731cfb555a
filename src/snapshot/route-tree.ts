// The REST API router, compiled at deploy time (find-my-way style): one node per resource path
// part, literal children in a Map, at most one `{param}` and one `{proxy+}` child. A lookup walks
// the request path once, so its cost is O(depth) whatever the number of resources.
// Reference §1.2; AWS developer guide "Set up a proxy integration with a proxy resource".

/** The verbs a method defined as `ANY` serves. */
export const ANY_METHOD_VERBS: ReadonlySet<string> = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);

interface RouteNode<T> {
  literals: Map<string, RouteNode<T>> | undefined;
  /** The `{name}` child and its parameter name. */
  param: RouteNode<T> | undefined;
  paramName: string;
  /** The `{name+}` child and its parameter name. */
  greedy: RouteNode<T> | undefined;
  greedyName: string;
  methods: Map<string, T> | undefined;
  any: T | undefined;
}

export interface RouteMatch<T> {
  value: T;
  /** Percent-decoded path parameter values; `undefined` when the resource has none. */
  pathParameters: Record<string, string> | undefined;
}

function createNode<T>(): RouteNode<T> {
  return { literals: undefined, param: undefined, paramName: '', greedy: undefined, greedyName: '', methods: undefined, any: undefined };
}

/** Percent-decodes a path value; malformed encoding is kept as sent (never throws). */
export function decodePathValue(value: string): string {
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Precedence, per reference §1.2: at each level a literal child beats `{param}`, which beats
 * `{proxy+}`; on a resource a specific verb beats ANY; HEAD is not served by GET. A trailing slash
 * is ignored; a greedy value keeps inner double slashes and drops the trailing slash. Matching is
 * case-sensitive.
 *
 * Backtracking (UNCONFIRMED, pinned by route-tree.test.ts "falls back to the deepest {proxy+}
 * ancestor"): when the deeper branch fails (no child for a segment, or the resource lacks the verb),
 * the request goes to the deepest `{proxy+}` ancestor whose method serves the verb. A failed literal
 * branch is not retried through a `{param}` sibling, which keeps the lookup O(depth).
 */
export class RouteTree<T> {
  private readonly root: RouteNode<T> = createNode();

  /** Deploy time: adds the method `httpMethod` (`ANY` allowed) of the resource at `resourcePath`. */
  add(resourcePath: string, httpMethod: string, value: T): void {
    let node = this.root;
    for (const part of resourcePath.split('/')) {
      if (part === '') continue;
      if (part.startsWith('{') && part.endsWith('+}')) {
        node.greedy ??= createNode();
        node.greedyName = part.slice(1, -2);
        node = node.greedy;
      } else if (part.startsWith('{') && part.endsWith('}')) {
        node.param ??= createNode();
        node.paramName = part.slice(1, -1);
        node = node.param;
      } else {
        node.literals ??= new Map();
        let child = node.literals.get(part);
        if (child === undefined) {
          child = createNode();
          node.literals.set(part, child);
        }
        node = child;
      }
    }
    if (httpMethod === 'ANY') node.any = value;
    else (node.methods ??= new Map()).set(httpMethod, value);
  }

  /** hot path: the method serving `httpMethod` on `path` (after the stage, percent-encoded, starting with `/`). */
  lookup(httpMethod: string, path: string): RouteMatch<T> | undefined {
    let end = path.length;
    if (end > 1 && path.charCodeAt(end - 1) === 47 /* / */) end--;
    let node: RouteNode<T> = this.root;
    let names: string[] | undefined;
    let values: string[] | undefined;
    let fallback: RouteNode<T> | undefined;
    let fallbackName = '';
    let fallbackStart = 0;
    let fallbackCount = 0;
    let matched = true;
    let pos = 1;
    if (end > 1) {
      for (;;) {
        const greedy = node.greedy;
        if (greedy !== undefined && pos < end && methodOf(greedy, httpMethod) !== undefined) {
          fallback = greedy;
          fallbackName = node.greedyName;
          fallbackStart = pos;
          fallbackCount = names === undefined ? 0 : names.length;
        }
        let slash = path.indexOf('/', pos);
        if (slash < 0 || slash > end) slash = end;
        const segment = path.slice(pos, slash);
        let next = node.literals?.get(segment);
        if (next === undefined && node.literals !== undefined && segment.includes('%')) next = node.literals.get(decodePathValue(segment));
        if (next === undefined) {
          if (node.param === undefined || segment === '') {
            matched = false;
            break;
          }
          (names ??= []).push(node.paramName);
          (values ??= []).push(segment);
          next = node.param;
        }
        node = next;
        if (slash >= end) break;
        pos = slash + 1;
      }
    }
    if (matched) {
      const value = methodOf(node, httpMethod);
      if (value !== undefined) return { value, pathParameters: names === undefined ? undefined : collect(names, values!, names.length) };
    }
    if (fallback === undefined) return undefined;
    const pathParameters = names === undefined ? {} : collect(names, values!, fallbackCount);
    pathParameters[fallbackName] = decodePathValue(path.slice(fallbackStart, end));
    return { value: methodOf(fallback, httpMethod)!, pathParameters };
  }
}

function methodOf<T>(node: RouteNode<T>, httpMethod: string): T | undefined {
  const own = node.methods?.get(httpMethod);
  if (own !== undefined) return own;
  return node.any !== undefined && ANY_METHOD_VERBS.has(httpMethod) ? node.any : undefined;
}

function collect(names: readonly string[], values: readonly string[], count: number): Record<string, string> {
  const parameters: Record<string, string> = {};
  for (let i = 0; i < count; i++) parameters[names[i]!] = decodePathValue(values[i]!);
  return parameters;
}
