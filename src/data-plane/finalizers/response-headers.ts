// response-headers: the headers every data-plane response carries — `x-amzn-RequestId`,
// `x-amz-apigw-id`, `X-Amzn-Trace-Id` when a backend was called, and a `Content-Type` (AWS always
// returns one, default application/json). Reference §1.3, §1.5.

import type { Finalizer } from '../pipeline.js';

export const responseHeaders: Finalizer = {
  name: 'response-headers',
  run(ctx) {
    // hot path
    const response = ctx.response;
    if (response === undefined) return;
    const headers = response.headers;
    let hasContentType = false;
    for (let i = 0; i < headers.length; i += 2) {
      const name = headers[i]!;
      if (name.length === 12 && name.toLowerCase() === 'content-type') {
        hasContentType = true;
        break;
      }
    }
    if (!hasContentType) headers.push('Content-Type', 'application/json');
    headers.push('x-amzn-RequestId', ctx.requestId, 'x-amz-apigw-id', ctx.vars.extendedRequestId);
    if (ctx.integrationInvoked) headers.push('X-Amzn-Trace-Id', ctx.traceId);
  },
};
