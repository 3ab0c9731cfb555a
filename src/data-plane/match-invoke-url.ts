// Recognises the three local invoke URL forms on the shared port (reference §1.1):
//   Host `{apiId}.execute-api.{anything}` + `/{stage}/{path}`
//   `/_aws/execute-api/{apiId}/{stage}/{path}`
//   `/restapis/{apiId}/{stage}/_user_request_/{path}`
// Anything else is a management call. Plain string operations only: this runs on every request.

import type { IncomingMessage } from 'node:http';
import type { InvokeTarget } from './data-plane.js';

const HOST_MARKER = '.execute-api.';
const AWS_PREFIX = '/_aws/execute-api/';
const RESTAPIS_PREFIX = '/restapis/';
const USER_REQUEST = '/_user_request_';

/** hot path */
export function matchInvokeUrl(req: IncomingMessage): InvokeTarget | undefined {
  let url = req.url ?? '/';
  if (url.charCodeAt(0) !== 47 /* / */) url = originFormOf(url);
  const question = url.indexOf('?');
  const path = question < 0 ? url : url.slice(0, question);
  const rawQuery = question < 0 ? '' : url.slice(question + 1);

  const host = hostOf(req.rawHeaders);
  if (host !== undefined) {
    const marker = host.indexOf(HOST_MARKER);
    if (marker > 0) return stageAndPath(host.slice(0, marker), path, 1, rawQuery);
  }
  if (path.startsWith(AWS_PREFIX)) {
    const apiEnd = segmentEnd(path, AWS_PREFIX.length);
    return stageAndPath(path.slice(AWS_PREFIX.length, apiEnd), path, apiEnd + 1, rawQuery);
  }
  if (path.startsWith(RESTAPIS_PREFIX)) {
    const apiEnd = segmentEnd(path, RESTAPIS_PREFIX.length);
    if (apiEnd >= path.length) return undefined;
    const stageEnd = segmentEnd(path, apiEnd + 1);
    if (!path.startsWith(USER_REQUEST, stageEnd)) return undefined;
    const after = stageEnd + USER_REQUEST.length;
    if (after < path.length && path.charCodeAt(after) !== 47) return undefined;
    return {
      apiId: path.slice(RESTAPIS_PREFIX.length, apiEnd),
      stageName: path.slice(apiEnd + 1, stageEnd),
      path: after < path.length ? path.slice(after) : '/',
      rawQuery,
    };
  }
  return undefined;
}

/** `{stage}/{path...}` starting at `start` (just after a `/`). */
function stageAndPath(apiId: string, path: string, start: number, rawQuery: string): InvokeTarget {
  if (start >= path.length) return { apiId, stageName: '', path: '/', rawQuery };
  const stageEnd = segmentEnd(path, start);
  return { apiId, stageName: path.slice(start, stageEnd), path: stageEnd < path.length ? path.slice(stageEnd) : '/', rawQuery };
}

function segmentEnd(path: string, start: number): number {
  const slash = path.indexOf('/', start);
  return slash < 0 ? path.length : slash;
}

function hostOf(raw: readonly string[]): string | undefined {
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // hot path: the usual spellings compare without allocating a lower-cased copy
    if (name === 'Host' || name === 'host' || (name.length === 4 && name.toLowerCase() === 'host')) return raw[i + 1];
  }
  return undefined;
}

/** An absolute-form request target (`http://host/path`) reduced to its path and query. */
function originFormOf(url: string): string {
  const scheme = url.indexOf('://');
  if (scheme < 0) return '/' + url;
  const slash = url.indexOf('/', scheme + 3);
  return slash < 0 ? '/' : url.slice(slash);
}
