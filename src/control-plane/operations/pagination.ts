// AWS list paging for apigateway: `?limit=` (default 25, max 500) and an opaque `?position=` token;
// the body is `{"item": [...], "position": "..."}` (the wire name is `item`; SDKs call it `items`).

import { badRequest } from '../management-error.js';

export interface Page<T> {
  item: T[];
  position?: string;
}

export function paginate<T>(items: readonly T[], query: URLSearchParams): Page<T> {
  const limitText = query.get('limit');
  const limit = limitText === null ? 25 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badRequest('Invalid limit value. Must be between 1 and 500.');
  const positionText = query.get('position');
  let start = 0;
  if (positionText !== null) {
    const decoded = Number(Buffer.from(positionText, 'base64url').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0) throw badRequest('Invalid position parameter');
    start = decoded;
  }
  const item = items.slice(start, start + limit);
  const next = start + limit;
  return next < items.length ? { item, position: Buffer.from(String(next)).toString('base64url') } : { item };
}
