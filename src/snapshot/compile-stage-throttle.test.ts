// Stage methodSettings throttles compiled per method: `{path}/{VERB}` (escaped or not) beats `*/*`,
// methods without settings get none, each method its own bucket id.

import { describe, expect, it } from 'vitest';
import type { MethodSetting, Stage } from '../model/deployment.js';
import type { CompiledMethod, DeploymentSnapshot } from './served-stage.js';
import { compileStageThrottle } from './compile-stage-throttle.js';

const method = (resourcePath: string, httpMethod: string): CompiledMethod => ({ resourcePath, httpMethod }) as CompiledMethod;
const setting = (rate: number, burst: number): MethodSetting =>
  ({ throttlingRateLimit: rate, throttlingBurstLimit: burst }) as MethodSetting;
const stage = (methodSettings: Record<string, MethodSetting>): Stage => ({ stageName: 'prod', methodSettings }) as Stage;

describe('compileStageThrottle', () => {
  const root = method('/', 'GET');
  const pets = method('/pets', 'GET');
  const pet = method('/pets/{id}', 'DELETE');
  const snapshot = { methods: [root, pets, pet] } as unknown as DeploymentSnapshot;

  it('gives every method the */* limits in its own bucket, and a method override precedence', () => {
    const buckets = compileStageThrottle('us-east-1', 'api1', stage({ '*/*': setting(10, 5), '~1pets~1{id}/DELETE': setting(1, 1), '/GET': setting(3, 3) }), snapshot);
    expect(buckets.get(pets)).toMatchObject({ rateLimit: 10, burstLimit: 5 });
    expect(buckets.get(pet)).toMatchObject({ rateLimit: 1, burstLimit: 1 });
    expect(buckets.get(root)).toMatchObject({ rateLimit: 3, burstLimit: 3 });
    expect(new Set([...buckets.values()].map((b) => b.id)).size).toBe(3);
  });

  it('reads unescaped keys as Terraform writes them, and leaves other methods unlimited', () => {
    const buckets = compileStageThrottle('us-east-1', 'api1', stage({ 'pets/GET': setting(2, 2) }), snapshot);
    expect(buckets.get(pets)).toMatchObject({ rateLimit: 2 });
    expect(buckets.has(pet)).toBe(false);
    expect(compileStageThrottle('us-east-1', 'api1', stage({}), snapshot).size).toBe(0);
  });
});
