// Micro-benchmark: rendering one VTL mapping template (params, $context, $input.path, #foreach)
// with Portico's engine versus velocityjs (the engine serverless-offline uses), same input.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { peersDir } from '../harness/paths.js';
import type { TimedMeasurement } from '../scenarios/scenario.js';
import { findDistFile } from './find-dist-file.js';
import { measureOpsPerSecond } from './ops-timer.js';

export const VTL_TEMPLATE = `#set($body = $input.path('$'))
{
  "name": "$util.escapeJavaScript($input.params('name'))",
  "stage": "$context.stage",
  "items": [
#foreach($item in $body.items)
    {"id": "$item.id", "price": $item.price}#if($foreach.hasNext),#end
#end
  ]
}`;

const BODY = { items: Array.from({ length: 10 }, (_, i) => ({ id: `item-${i}`, price: i * 1.5 })) };

interface VelocityJs {
  parse(source: string): unknown;
  Compile: new (ast: unknown) => { render(context: Record<string, unknown>): string };
}

function velocityjsRenderer(): (() => string) | string {
  let velocity: VelocityJs;
  try {
    velocity = createRequire(join(peersDir, 'package.json'))('velocityjs') as VelocityJs;
  } catch {
    return 'velocityjs not installed (run `npm run bench:peers`)';
  }
  const compiled = new velocity.Compile(velocity.parse(VTL_TEMPLATE));
  const context = {
    input: { path: () => BODY, params: (name: string) => (name === 'name' ? 'bench' : '') },
    context: { stage: 'bench' },
    util: { escapeJavaScript: (value: string) => JSON.stringify(String(value)).slice(1, -1) },
  };
  const render = (): string => compiled.render(context);
  JSON.parse(render());
  return render;
}

export function runVtlCase(): Promise<TimedMeasurement[]> {
  const velocity = velocityjsRenderer();
  const velocityReference = typeof velocity === 'string' ? { label: 'velocityjs', value: undefined, skipped: velocity } : { label: 'velocityjs', value: measureOpsPerSecond(velocity) };
  const engine = findDistFile('vtl');
  const skipped =
    engine === undefined
      ? 'VTL engine not built yet (no dist/vtl)'
      : `VTL engine found (dist/${engine}) but bench/micro/vtl-case.ts has no adapter for it yet`;
  return Promise.resolve([{ label: 'VTL render (template with #foreach over 10 items)', value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped, references: [velocityReference] }]);
}
