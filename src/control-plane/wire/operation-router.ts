// Maps a management request (method + path) to its operation. Templates are compiled once at
// start-up; literal segments win over `{param}` segments, and an operation that requires a query
// parameter (e.g. `?mode=import`) wins over the same path without it.

import type { OperationDefinition } from './operation.js';

interface CompiledRoute {
  operation: OperationDefinition;
  segments: Array<{ literal: string } | { param: string }>;
  /** Sort key: literal segments first, then routes with a required query parameter. */
  rank: number;
}

export interface OperationMatch {
  operation: OperationDefinition;
  params: Record<string, string>;
}

export class OperationRouter {
  private readonly routes: CompiledRoute[];

  constructor(operations: readonly OperationDefinition[]) {
    this.routes = operations
      .map((operation) => {
        const segments = operation.path
          .split('/')
          .slice(1)
          .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s }));
        const literals = segments.filter((s) => 'literal' in s).length;
        return { operation, segments, rank: literals * 2 + (operation.requiresQuery ? 1 : 0) };
      })
      .sort((a, b) => b.rank - a.rank);
  }

  /**
   * `undefined` when no template matches the path at all; `'method-not-allowed'` when a template
   * matches but not for this method.
   */
  match(method: string, rawPath: string, query: URLSearchParams): OperationMatch | 'method-not-allowed' | undefined {
    const parts = rawPath.split('/').slice(1);
    if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
    let pathMatched = false;
    for (const route of this.routes) {
      if (route.segments.length !== parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (params === undefined) continue;
      pathMatched = true;
      if (route.operation.method !== method) continue;
      if (route.operation.requiresQuery !== undefined && !query.has(route.operation.requiresQuery)) continue;
      return { operation: route.operation, params };
    }
    return pathMatched ? 'method-not-allowed' : undefined;
  }
}

function matchSegments(segments: CompiledRoute['segments'], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if ('literal' in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === '') return undefined;
      try {
        params[segment.param] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    }
  }
  return params;
}
