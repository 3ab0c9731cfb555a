// method-response: the integration response becomes what the client gets. Proxy integrations
// return it as is. For non-proxy ones only the mapped (declared) method response headers and
// overrides arrive; hop-by-hop and reserved names are remapped to `x-amzn-Remapped-*` as AWS does.
// Reference §1.5 (response table), §2.4; AWS developer guide "Set up a method response".

import type { RoutedContext } from '../invocation-context.js';
import type { PipelineStage } from '../pipeline.js';

/** AWS: HTTP / AWS non-proxy row of the reference §1.5 table (test: mapping-http.test.ts "remapped"). */
const REMAPPED_HEADERS: ReadonlyMap<string, string> = new Map(
  ['Connection', 'Content-Length', 'Date', 'Server', 'Authorization', 'Content-MD5', 'Expect', 'Host', 'Max-Forwards', 'Proxy-Authenticate', 'Trailer', 'Upgrade', 'User-Agent', 'WWW-Authenticate'].map(
    (name) => [name.toLowerCase(), `x-amzn-Remapped-${name}`],
  ),
);

export const methodResponse: PipelineStage<RoutedContext> = {
  name: 'method-response',
  run(ctx) {
    // hot path
    const integration = ctx.integrationResponse;
    if (integration === undefined) throw new Error('method-response ran without an integration response');
    const headers = ctx.route.value.mapping === undefined || integration.headers.length === 0 ? integration.headers : remapHeaders(integration.headers);
    ctx.response = { statusCode: integration.statusCode, headers, body: integration.body };
    return 'next';
  },
};

function remapHeaders(headers: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < headers.length; i += 2) {
    const name = headers[i]!;
    const lower = name.toLowerCase();
    if (lower === 'transfer-encoding') continue;
    out.push(REMAPPED_HEADERS.get(lower) ?? name, headers[i + 1]!);
  }
  return out;
}
