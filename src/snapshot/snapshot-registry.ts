// The registry of served stages: the control plane swaps entries after a deploy commits; the data
// plane looks them up once per request. A swap replaces one reference, so a request that already
// holds a ServedStage finishes on it while new requests see the new one.

import type { ServedStage } from './served-stage.js';

export class SnapshotRegistry {
  private readonly byApi = new Map<string, Map<string, ServedStage>>();

  // hot path
  lookup(apiId: string, stageName: string): ServedStage | undefined {
    return this.byApi.get(apiId)?.get(stageName);
  }

  hasApi(apiId: string): boolean {
    return this.byApi.has(apiId);
  }

  set(stage: ServedStage): void {
    let stages = this.byApi.get(stage.apiId);
    if (!stages) {
      stages = new Map();
      this.byApi.set(stage.apiId, stages);
    }
    stages.set(stage.stageName, stage);
  }

  delete(apiId: string, stageName: string): void {
    const stages = this.byApi.get(apiId);
    stages?.delete(stageName);
    if (stages?.size === 0) this.byApi.delete(apiId);
  }

  deleteApi(apiId: string): void {
    this.byApi.delete(apiId);
  }
}
