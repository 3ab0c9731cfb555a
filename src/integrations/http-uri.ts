// Deploy-time compile of an HTTP / HTTP_PROXY integration URI (`http://${stageVariables.host}/
// pets/{petId}?x=1`) into pre-split parts, and the request-time rendering of those parts.
// Reference §1.9, §7.1; AWS developer guide "Use stage variables for an HTTP integration".

import { DeploymentCompileError } from '../snapshot/deployment-compile-error.js';

/** A literal, a `${stageVariables.NAME}` reference or a `{NAME}` path placeholder. */
export type UriPart = string | { readonly stageVariable: string } | { readonly pathParameter: string };

export interface CompiledHttpUri {
  /** `scheme://authority` when it has no stage variable, else `undefined` (render `originParts`). */
  readonly origin: string | undefined;
  readonly originParts: readonly UriPart[];
  /** The path when it has no placeholder, else `undefined` (render `pathParts`). */
  readonly path: string | undefined;
  readonly pathParts: readonly UriPart[];
  /** The URI's own query string without `?` ('' when none). */
  readonly queryParts: readonly UriPart[];
  /** Whether the URI names a path after its authority (`http://h/x`), not just `http://h`. */
  readonly explicitPath: boolean;
}

/** AWS: PutIntegration/CreateDeployment reject such URIs with this message (test: compile-deployment.test.ts). */
export const INVALID_HTTP_ENDPOINT = 'Invalid HTTP endpoint specified for URI';

export function compileHttpUri(uri: string | undefined): CompiledHttpUri {
  if (uri === undefined || !isHttpUrl(uri)) throw new DeploymentCompileError(INVALID_HTTP_ENDPOINT);
  const withoutFragment = uri.includes('#') ? uri.slice(0, uri.indexOf('#')) : uri;
  const authorityStart = withoutFragment.indexOf('://') + 3;
  let authorityEnd = withoutFragment.length;
  for (let i = authorityStart; i < withoutFragment.length; i++) {
    const char = withoutFragment[i];
    if (char === '/' || char === '?') {
      authorityEnd = i;
      break;
    }
  }
  const rest = withoutFragment.slice(authorityEnd);
  const question = rest.indexOf('?');
  const pathText = question < 0 ? rest : rest.slice(0, question);
  const queryText = question < 0 ? '' : rest.slice(question + 1);
  const originParts = splitTemplate(withoutFragment.slice(0, authorityEnd), false);
  const pathParts = splitTemplate(pathText === '' ? '/' : pathText, true);
  return {
    origin: originParts.length === 1 && typeof originParts[0] === 'string' ? originParts[0] : undefined,
    originParts,
    path: pathParts.length === 1 && typeof pathParts[0] === 'string' ? pathParts[0] : undefined,
    pathParts,
    queryParts: splitTemplate(queryText, true),
    explicitPath: pathText !== '',
  };
}

/**
 * Request time, for a URI whose authority holds a stage variable: the backend origin and path.
 * AWS: the variable may hold the full URI without protocol (`example.com/api`), so a path it
 * carries moves in front of the URI's own path (developer guide "Use stage variables for an
 * HTTP integration"; test: http-uri.test.ts "a stage variable holding host and path").
 */
export function renderDynamicTarget(uri: CompiledHttpUri, stageVariables: Readonly<Record<string, string>>, pathValues: Readonly<Record<string, string>> | undefined): { origin: string; path: string } {
  const rendered = renderUriParts(uri.originParts, stageVariables, undefined);
  const path = uri.path ?? renderUriParts(uri.pathParts, stageVariables, pathValues);
  const slash = rendered.indexOf('/', rendered.indexOf('://') + 3);
  if (slash < 0) return { origin: rendered, path };
  const carried = rendered.slice(slash);
  return { origin: rendered.slice(0, slash), path: uri.explicitPath ? carried.replace(/\/$/, '') + path : carried };
}

/** Checks the URI with its placeholders masked, as AWS does at PutIntegration. */
function isHttpUrl(uri: string): boolean {
  const masked = uri
    .replace(/:\$\{stageVariables\.[^}]*\}/g, ':1')
    .replace(/\$\{stageVariables\.[^}]*\}/g, 'stagevariable')
    .replace(/\{[^}]*\}/g, 'placeholder');
  if (!/^https?:\/\/[^/?#]/i.test(masked)) return false;
  try {
    const url = new URL(masked);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function splitTemplate(text: string, withPathParameters: boolean): UriPart[] {
  const parts: UriPart[] = [];
  let literal = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('${stageVariables.', i)) {
      const close = text.indexOf('}', i);
      if (close > 0) {
        if (literal !== '') parts.push(literal);
        literal = '';
        parts.push({ stageVariable: text.slice(i + '${stageVariables.'.length, close) });
        i = close + 1;
        continue;
      }
    }
    if (withPathParameters && text[i] === '{') {
      const close = text.indexOf('}', i);
      if (close > i + 1) {
        if (literal !== '') parts.push(literal);
        literal = '';
        parts.push({ pathParameter: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    literal += text[i];
    i++;
  }
  if (literal !== '' || parts.length === 0) parts.push(literal);
  return parts;
}

/**
 * hot path: renders URI parts. Stage variables are inserted as written (they are pre-encoded, and
 * an unset one renders ''); path placeholders take `pathValues[name]` percent-encoded (slashes kept).
 * AWS: a placeholder without an `integration.request.path.NAME` mapping is sent literally, as
 * `%7BNAME%7D` (UNCONFIRMED; pinned by data-plane-http-proxy.test.ts "unmapped placeholder").
 */
export function renderUriParts(parts: readonly UriPart[], stageVariables: Readonly<Record<string, string>>, pathValues: Readonly<Record<string, string>> | undefined): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (typeof part === 'string') out += part;
    else if ('stageVariable' in part) out += stageVariables[part.stageVariable] ?? '';
    else {
      const value = pathValues?.[part.pathParameter];
      out += value === undefined ? `%7B${part.pathParameter}%7D` : encodePathValue(value);
    }
  }
  return out;
}

/** Characters left as they are in a path value: RFC 3986 unreserved, sub-delims, `:`, `@` and `/`. */
const PATH_SAFE = new Uint8Array(128);
for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/") PATH_SAFE[char.charCodeAt(0)] = 1;

/** hot path: percent-encodes a decoded path value for a URI, keeping `/`. */
export function encodePathValue(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 128 || PATH_SAFE[code] === 0) return encodeURIComponent(value).replaceAll('%2F', '/');
  }
  return value;
}
