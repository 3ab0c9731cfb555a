// Deploy time: a stage's `methodSettings` throttles compiled into one token bucket per method, so
// the throttle stage finds a method's stage limit with one Map lookup. A `{path}/{VERB}` entry
// beats `*/*`; each method gets its own bucket (reference §6, §7.3; AWS guide "Throttle requests").

import type { MethodSetting, Stage } from '../model/deployment.js';
import type { TokenBucket } from '../shared-state/traffic-state.js';
import { stageMethodBucketId } from '../traffic/state-ids.js';
import type { CompiledMethod, DeploymentSnapshot } from './served-stage.js';

/** Methods without a stage limit are absent. */
export type StageThrottle = ReadonlyMap<CompiledMethod, TokenBucket>;

const NONE: StageThrottle = new Map();

/** `~1pets~1{id}/GET`, `pets/{id}/GET` and `/pets/{id}/GET` all become `pets/{id} GET`; the root is ` GET`. */
function canonicalKey(key: string): string {
  const decoded = key.replace(/~1/g, '/').replace(/~0/g, '~');
  const slash = decoded.lastIndexOf('/');
  return `${decoded.slice(0, Math.max(0, slash)).replace(/^\/+/, '')} ${decoded.slice(slash + 1)}`;
}

export function compileStageThrottle(region: string, apiId: string, stage: Stage, snapshot: DeploymentSnapshot): StageThrottle {
  const settings = stage.methodSettings ?? {};
  const keys = Object.keys(settings);
  if (keys.length === 0) return NONE;
  const byMethod = new Map<string, MethodSetting>();
  for (const key of keys) if (key !== '*/*') byMethod.set(canonicalKey(key), settings[key]!);
  const wildcard = settings['*/*'];
  const buckets = new Map<CompiledMethod, TokenBucket>();
  for (const method of snapshot.methods) {
    // AWS: an ANY method takes only `*/*` (method settings refuse ANY; UNCONFIRMED for its verbs).
    const setting = byMethod.get(`${method.resourcePath.slice(1)} ${method.httpMethod}`) ?? wildcard;
    if (setting === undefined) continue;
    buckets.set(
      method,
      Object.freeze({
        id: stageMethodBucketId(region, apiId, stage.stageName, method.resourcePath, method.httpMethod),
        rateLimit: setting.throttlingRateLimit,
        burstLimit: setting.throttlingBurstLimit,
      }),
    );
  }
  return buckets;
}
