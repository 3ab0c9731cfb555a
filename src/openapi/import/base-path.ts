// The document's base path (Swagger `basePath`; OpenAPI 3: the first server's `basePath` variable,
// else its URL path) and what `?basepath=ignore|prepend|split` makes of it.
// AWS developer guide "Set the OpenAPI basePath field".

import type { BasePathMode } from './import-plan.js';
import { isObject, type JsonObject, objectAt, textAt } from './json-values.js';

function normalize(path: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

function serverUrlPath(server: JsonObject): string {
  const variables = objectAt(server, 'variables') ?? {};
  const basePathVariable = textAt(objectAt(variables, 'basePath'), 'default');
  if (basePathVariable !== undefined) return basePathVariable;
  const url = (textAt(server, 'url') ?? '').replace(/\{([^{}]+)\}/g, (_match, name: string) => textAt(objectAt(variables, name), 'default') ?? '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return '';
  }
}

/** The document's base path, normalised (`/v1`), or '' when it has none. */
export function documentBasePath(root: JsonObject, version: 2 | 3): string {
  if (version === 2) return normalize(textAt(root, 'basePath') ?? '');
  const servers = root.servers;
  const first = Array.isArray(servers) ? (servers[0] as unknown) : undefined;
  return isObject(first) ? normalize(serverUrlPath(first)) : '';
}

/**
 * The prefix every resource path gets: none (`ignore`, AWS's default), the whole base path
 * (`prepend`), or the base path without its first segment (`split`: `/v1/pets` → `/pets`).
 */
export function basePathPrefix(basePath: string, mode: BasePathMode): string {
  if (mode === 'ignore') return '';
  if (mode === 'prepend') return basePath;
  return normalize(basePath.split('/').filter((segment) => segment !== '').slice(1).join('/'));
}
