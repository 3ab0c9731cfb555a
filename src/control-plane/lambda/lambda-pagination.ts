// Lambda's list paging: `?MaxItems=` (1–10000; 50 when absent) and an opaque `?Marker=` from the
// previous page's `NextMarker`. The marker names the first item of the next page (items come
// sorted by key), so deletions between pages skip nothing. AWS Lambda API reference
// "ListFunctions"; tests: lambda-api.test.ts.

import { quoted, validationError } from './lambda-errors.js';

const DEFAULT_PAGE = 50;

export interface LambdaPage<T> {
  items: T[];
  nextMarker: string | undefined;
}

/** `keyOf` gives each item's stable key, in the list's order. */
export function paginateLambda<T>(items: readonly T[], query: URLSearchParams, keyOf: (item: T) => string): LambdaPage<T> {
  const maxText = query.get('MaxItems');
  const max = maxText === null ? DEFAULT_PAGE : Number(maxText);
  if (maxText !== null && (!Number.isInteger(max) || max < 1)) {
    throw validationError(quoted(maxText), 'maxItems', 'Member must have value greater than or equal to 1');
  }
  if (max > 10000) throw validationError(quoted(maxText ?? ''), 'maxItems', 'Member must have value less than or equal to 10000');
  const marker = query.get('Marker');
  let start = 0;
  if (marker !== null && marker !== '') {
    const key = Buffer.from(marker, 'base64url').toString('utf8');
    const index = items.findIndex((item) => keyOf(item) >= key);
    start = index < 0 ? items.length : index;
  }
  const page = items.slice(start, start + max);
  const next = items[start + max];
  return { items: page, nextMarker: next === undefined ? undefined : Buffer.from(keyOf(next)).toString('base64url') };
}
