// Micro-benchmark adapter: request validation as the method-request stage runs it — JSON.parse of
// the body, then the model's validator compiled at deploy time (dist/snapshot/compile-models.js,
// draft-04 ajv with API Gateway's options) — against a plain ajv (draft-07, defaults) baseline.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { porticoDist } from '../harness/paths.js';
import type { TimedMeasurement } from '../scenarios/scenario.js';
import { loadModule } from './load-module.js';
import { measureOpsPerSecond } from './ops-timer.js';

const LABEL = 'request validation (JSON body parsed, then checked against a model)';

const SCHEMA = {
  $schema: 'http://json-schema.org/draft-04/schema#',
  title: 'Order',
  type: 'object',
  required: ['orderId', 'customer', 'items'],
  properties: {
    orderId: { type: 'string', pattern: '^o-[0-9]+$' },
    customer: {
      type: 'object',
      required: ['id', 'email'],
      properties: { id: { type: 'string' }, email: { type: 'string' }, tier: { type: 'string', enum: ['gold', 'silver', 'bronze'] } },
    },
    items: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['sku', 'qty'], properties: { sku: { type: 'string' }, qty: { type: 'integer', minimum: 1 }, price: { type: 'number' } } },
    },
  },
};

const BODY = JSON.stringify({
  orderId: 'o-1029',
  customer: { id: 'c-77', email: 'zoe@example.com', tier: 'gold' },
  items: Array.from({ length: 12 }, (_, i) => ({ sku: `sku-${i}`, qty: (i % 3) + 1, price: 9.5 + i })),
});

interface ModelCompilerLike {
  get(name: string): { validate(instance: unknown): boolean } | undefined;
}

type ValidateFn = (instance: unknown) => boolean;

/** The baseline: ajv as a user would call it (draft-07 meta-schema, `$schema` dropped). */
function plainAjv(): ValidateFn | string {
  try {
    const Ajv = (createRequire(join(porticoDist, '..', 'package.json'))('ajv') as { default: new (options?: Record<string, unknown>) => { compile(schema: unknown): ValidateFn } }).default;
    const { $schema: _ignored, ...schema } = SCHEMA;
    return new Ajv({ strict: false }).compile(schema);
  } catch (error) {
    return `ajv not loadable: ${(error as Error).message}`;
  }
}

export async function runValidationCase(): Promise<TimedMeasurement[]> {
  const module = await loadModule(join(porticoDist, 'snapshot', 'compile-models.js'));
  const createModelCompiler = module?.createModelCompiler;
  if (typeof createModelCompiler !== 'function') {
    return [{ label: LABEL, value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped: 'request validation not built yet (dist/snapshot/compile-models.js with createModelCompiler)' }];
  }
  const compiler = (createModelCompiler as (apiId: string, models: unknown[]) => ModelCompilerLike)('benchapi', [
    { id: 'm1', name: 'Order', schema: JSON.stringify(SCHEMA), contentType: 'application/json' },
  ]);
  const model = compiler.get('Order');
  if (model === undefined || !model.validate(JSON.parse(BODY))) {
    return [{ label: LABEL, value: undefined, unit: 'ops/s', lowerIsBetter: false, skipped: 'createModelCompiler API changed: update bench/micro/validation-case.ts' }];
  }
  const portico = measureOpsPerSecond(() => model.validate(JSON.parse(BODY) as unknown));
  const baseline = plainAjv();
  const reference =
    typeof baseline === 'string'
      ? { label: 'plain ajv', value: undefined, skipped: baseline }
      : { label: 'plain ajv (draft-07, defaults)', value: measureOpsPerSecond(() => baseline(JSON.parse(BODY) as unknown)) };
  return [{ label: LABEL, value: portico, unit: 'ops/s', lowerIsBetter: false, references: [reference], note: `body ${BODY.length} bytes, 12 items` }];
}
