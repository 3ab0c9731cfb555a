// Micro-benchmark: Portico's VTL engine against velocityjs (serverless-offline's engine) on
// realistic API Gateway mapping templates, both with cached ASTs, both parsing the JSON payload
// on every render as API Gateway does. Reports renders per second over the whole template set.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import { compileMappingTemplate, type MappingTemplateInput } from '../../src/vtl/index.js';

interface VelocityJs {
  parse(source: string): unknown;
  Compile: new (ast: unknown, config?: Record<string, unknown>) => { render(context: Record<string, unknown>, macros?: unknown, silent?: boolean): string };
}

interface BenchTemplate {
  name: string;
  source: string;
  body: string;
}

const ORDER = {
  orderId: 'o-1029',
  customer: { id: 'c-77', name: "Zoë O'Brien", email: 'zoe@example.com', tier: 'gold' },
  items: Array.from({ length: 12 }, (_, i) => ({ sku: `sku-${i}`, name: `Item "${i}"`, qty: (i % 3) + 1, price: 9.5 + i, tags: ['a', 'b'] })),
  shipping: { method: 'express', address: { line1: '1 Main St', city: 'Springfield', zip: '12345' } },
  notes: 'Leave at the door / ring twice',
};

/** Realistic templates: AWS's passthrough template, a Lambda request shaper, a list response, a DynamoDB PutItem, a gateway response. */
export const BENCH_TEMPLATES: BenchTemplate[] = [
  {
    name: 'method-request-passthrough',
    body: JSON.stringify(ORDER),
    source: `##  See http://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
#set($allParams = $input.params())
{
"body-json" : $input.json('$'),
"params" : {
#foreach($type in $allParams.keySet())
    #set($params = $allParams.get($type))
"$type" : {
    #foreach($paramName in $params.keySet())
    "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
        #if($foreach.hasNext),#end
    #end
}
    #if($foreach.hasNext),#end
#end
},
"stage-variables" : {
#foreach($key in $stageVariables.keySet())
"$key" : "$util.escapeJavaScript($stageVariables.get($key))"
    #if($foreach.hasNext),#end
#end
},
"context" : {
    "account-id" : "$context.identity.accountId",
    "api-id" : "$context.apiId",
    "http-method" : "$context.httpMethod",
    "stage" : "$context.stage",
    "source-ip" : "$context.identity.sourceIp",
    "user-agent" : "$context.identity.userAgent",
    "request-id" : "$context.requestId",
    "resource-id" : "$context.resourceId",
    "resource-path" : "$context.resourcePath"
    }
}
`,
  },
  {
    name: 'lambda-request-shaper',
    body: JSON.stringify(ORDER),
    source: `#set($body = $input.path('$'))
{
  "orderId": "$body.orderId",
  "customer": {
    "id": "$body.customer.id",
    "name": "$util.escapeJavaScript($body.customer.name).replaceAll("\\\\'", "'")",
    "gold": #if($body.customer.tier == "gold")true#{else}false#end
  },
  "itemCount": $body.items.size(),
  "city": "$body.shipping.address.city",
  "express": #if($body.shipping.method == 'express')true#{else}false#end,
  "requestId": "$context.requestId",
  "stage": "$context.stage",
  "tenant": "$input.params('tenant')"
}`,
  },
  {
    name: 'list-response',
    body: JSON.stringify(ORDER),
    source: `#set($items = $input.path('$.items'))
{
  "count": $items.size(),
  "items": [
#foreach($item in $items)
    {
      "sku": "$item.sku",
      "name": "$util.escapeJavaScript($item.name)",
      "quantity": $item.qty,
      "unitPrice": $item.price,
      "first": $foreach.first,
      "position": $foreach.count
    }#if($foreach.hasNext),#end

#end
  ]
}`,
  },
  {
    name: 'dynamodb-put-item',
    body: JSON.stringify(ORDER),
    source: `{
  "TableName": "$stageVariables.table",
  "Item": {
    "pk": {"S": "ORDER#$input.path('$.orderId')"},
    "customer": {"S": "$util.escapeJavaScript($input.path('$.customer.email'))"},
    "notes": {"S": "$util.escapeJavaScript($input.path('$.notes'))"},
    "lines": {"L": [
#foreach($item in $input.path('$.items'))
      {"M": {"sku": {"S": "$item.sku"}, "qty": {"N": "$item.qty"}}}#if($foreach.hasNext),#end
#end
    ]},
    "requestId": {"S": "$context.requestId"},
    "createdBy": {"S": "$context.identity.sourceIp"}
  }
}`,
  },
  {
    name: 'gateway-response',
    body: '',
    source: `{
  "message": $context.error.messageString,
  "type": "$context.error.responseType",
  "requestId": "$context.requestId",
  "path": "$context.path"
}`,
  },
];

const PARAMS = {
  path: { orderId: 'o-1029' },
  querystring: { tenant: 'acme', expand: 'items' },
  header: { Accept: 'application/json', 'Content-Type': 'application/json', Host: 'api.example.com', 'User-Agent': 'curl/8.5.0' },
};
const CONTEXT = {
  accountId: '123456789012', apiId: 'a1b2c3', httpMethod: 'POST', stage: 'prod', requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  resourceId: 'r3s', resourcePath: '/orders/{orderId}', path: '/prod/orders/o-1029',
  identity: { accountId: '', sourceIp: '203.0.113.9', userAgent: 'curl/8.5.0' },
  error: { message: 'Missing Authentication Token', messageString: '"Missing Authentication Token"', responseType: 'MISSING_AUTHENTICATION_TOKEN' },
};
const STAGE_VARIABLES = { table: 'orders', env: 'prod' };

function inputFor(template: BenchTemplate): MappingTemplateInput {
  return { body: template.body, params: PARAMS, context: CONTEXT, stageVariables: STAGE_VARIABLES };
}

/** The same bindings for velocityjs, parsing the payload on every render (a `$`, `$.a.b` JSONPath subset). */
function velocityjsContext(body: string): Record<string, unknown> {
  let parsed: unknown;
  const doc = (): unknown => (parsed ??= JSON.parse(body === '' ? '{}' : body));
  const walk = (path: string): unknown => {
    let node = doc();
    for (const key of path.replace(/^\$\.?/, '').split('.').filter(Boolean)) node = (node as Record<string, unknown> | undefined)?.[key];
    return node;
  };
  const escape = (s: unknown): string => JSON.stringify(String(s)).slice(1, -1).replace(/'/g, "\\'").replace(/\//g, '\\/');
  return {
    input: {
      path: walk,
      json: (path: string) => JSON.stringify(walk(path)),
      params: (name?: string) => (name === undefined ? PARAMS : (PARAMS.path as Record<string, string>)[name] ?? (PARAMS.querystring as Record<string, string>)[name] ?? (PARAMS.header as Record<string, string>)[name] ?? ''),
      body,
    },
    util: { escapeJavaScript: escape, urlEncode: encodeURIComponent, base64Encode: (s: string) => Buffer.from(s).toString('base64') },
    context: CONTEXT,
    stageVariables: STAGE_VARIABLES,
  };
}

/** velocityjs is a peer (bench/peers, `npm run bench:peers`), not a dependency of Portico. */
function loadVelocityJs(): VelocityJs {
  return createRequire(join(peersDir, 'package.json'))('velocityjs') as VelocityJs;
}

/** Milliseconds per call of `render`, timed over at least `budgetMs`. */
function msPerRender(render: () => string, budgetMs: number, sink: string[]): number {
  let calls = 0;
  let batch = 16;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < batch; i++) sink[i & 7] = render();
    calls += batch;
    batch = Math.min(batch * 2, 1024);
    elapsed = performance.now() - started;
  }
  return elapsed / calls;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}

/**
 * Renders per second for Portico and velocityjs over BENCH_TEMPLATES (one render of each template
 * per unit). The two engines are timed in alternating slices, template by template, and each
 * template's median is kept, so load changes on a shared machine hit both alike.
 */
export async function runVtlMicroBenchmark(budgetMs = 3000): Promise<{ portico: number; velocityjs: number; ratio: number; templates: string[] }> {
  const velocity = loadVelocityJs();
  const sink: string[] = [];
  const rounds = 7;
  const slice = budgetMs / (BENCH_TEMPLATES.length * rounds * 2);
  let porticoMs = 0;
  let velocityMs = 0;
  for (const t of BENCH_TEMPLATES) {
    const compiled = compileMappingTemplate(t.source);
    const input = inputFor(t);
    const portico = (): string => compiled.render(input).output;
    const ast = new velocity.Compile(velocity.parse(t.source), { escape: false });
    // silent: null references print nothing, as on API Gateway (and as serverless-offline renders)
    const velocityjs = (): string => ast.render(velocityjsContext(t.body), undefined, true);
    for (let i = 0; i < 200; i++) sink[i & 7] = portico() + velocityjs();
    const p: number[] = [];
    const v: number[] = [];
    for (let round = 0; round < rounds; round++) {
      p.push(msPerRender(portico, slice, sink));
      v.push(msPerRender(velocityjs, slice, sink));
    }
    porticoMs += median(p);
    velocityMs += median(v);
  }
  if (sink.length > 8) throw new Error('unreachable');
  await Promise.resolve();
  const portico = (BENCH_TEMPLATES.length * 1000) / porticoMs;
  const velocityjs = (BENCH_TEMPLATES.length * 1000) / velocityMs;
  return { portico, velocityjs, ratio: portico / velocityjs, templates: BENCH_TEMPLATES.map((t) => t.name) };
}
