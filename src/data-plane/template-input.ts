// Builds what mapping templates read ($input.params, $context, $stageVariables) from the
// invocation, once per request: the request template and the response template share it, each
// with its own `$input.body`. Reference §3.1, §3.3; AWS developer guide "Mapping template reference".

import type { MappingTemplateInput } from '../vtl/mapping-template.js';
import type { RoutedContext } from './invocation-context.js';
import { lastQueryValues } from './query-string.js';

/** AWS: headers dropped before any mapping, never visible to templates (reference §1.5). */
const INVISIBLE_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'content-length',
  'content-md5',
  'expect',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'te',
  'transfer-encoding',
  'trailer',
  'upgrade',
  'www-authenticate',
]);

const INVISIBLE_LENGTHS: ReadonlySet<number> = new Set(Array.from(INVISIBLE_HEADERS, (name) => name.length));

const NO_PATH: Readonly<Record<string, string>> = Object.freeze({});

/** hot path (templated methods): the template input with `body` as `$input.body`. */
export function templateInputFor(ctx: RoutedContext, body: string): MappingTemplateInput {
  const built = ctx.templateInput;
  if (built === undefined) return (ctx.templateInput = buildTemplateInput(ctx, body));
  return built.body === body ? built : { body, params: built.params, context: built.context, stageVariables: built.stageVariables };
}

function buildTemplateInput(ctx: RoutedContext, body: string): MappingTemplateInput {
  // AWS: a repeated query parameter or header shows its last value (as in payload 1.0 events).
  const querystring = lastQueryValues(ctx.rawQuery);
  const header: Record<string, string> = {};
  const raw = ctx.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    // hot path: only names as long as an invisible one (not `Host`, say) are lower-cased and looked up
    if (INVISIBLE_LENGTHS.has(name.length) && INVISIBLE_HEADERS.has(name.toLowerCase())) continue;
    header[name] = raw[i + 1]!;
  }
  return {
    body,
    params: { path: ctx.route.pathParameters ?? NO_PATH, querystring, header },
    context: ctx.vars.toTemplateContext(),
    stageVariables: ctx.stageVariables,
  };
}
