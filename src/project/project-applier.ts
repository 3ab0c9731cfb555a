// Makes a running Portico match a loaded project, idempotently, through its management API: user
// pools, functions, APIs (import + deploy), API keys, usage plans, in that order. Created once by
// `portico serve DIR`; it remembers the inputs it last applied, so a hot reload touches only what
// changed, and restarts find everything again by the project's tags.

import { applyApiKey, type AppliedApiKey } from './apply-api-keys.js';
import { applyApi, listRestApis, type AppliedApi } from './apply-apis.js';
import type { ApplyContext } from './apply-context.js';
import { applyFunction } from './apply-functions.js';
import { applyUsagePlan } from './apply-usage-plans.js';
import { applyUserPool } from './apply-user-pools.js';
import { digest, type LoadedProject } from './load-project.js';
import { createManagementClient } from './management-client.js';

export interface ApplyResult {
  apis: AppliedApi[];
  apiKeys: AppliedApiKey[];
}

export class ProjectApplier {
  /** The digest of each entry's inputs when it was last applied successfully, by entry (`functions.greet`). */
  private readonly applied = new Map<string, string>();
  private readonly apis = new Map<string, AppliedApi>();
  private readonly apiKeys = new Map<string, AppliedApiKey>();

  constructor(
    /** Portico's URL, e.g. `http://127.0.0.1:4566`. */
    private readonly endpoint: string,
    private readonly report: (change: string) => void,
  ) {}

  /** Applies what changed since the last successful apply; throws a ProjectFileError at the first failure. */
  async apply({ project, definitions }: LoadedProject): Promise<ApplyResult> {
    const client = createManagementClient(this.endpoint, project.region);
    const context: ApplyContext = { client, project, porticoHost: new URL(this.endpoint).host, report: this.report };
    const step = async (entry: string, inputs: unknown, run: () => Promise<void>): Promise<void> => {
      const inputsDigest = digest(project.name, project.region, inputs);
      if (this.applied.get(entry) === inputsDigest) return;
      this.applied.delete(entry);
      await run();
      this.applied.set(entry, inputsDigest);
    };
    for (const pool of project.userPools) await step(`userPools.${pool.poolId}`, pool, () => applyUserPool(context, pool));
    for (const fn of project.functions) await step(`functions.${fn.name}`, { ...fn, line: 0 }, () => applyFunction(context, fn));
    let restApis: Array<Record<string, unknown>> | undefined;
    for (const api of project.apis) {
      const definition = definitions.get(api.name) ?? '';
      await step(`apis.${api.name}`, { ...api, line: 0, definition }, async () => {
        restApis ??= await listRestApis(context);
        this.apis.set(api.name, await applyApi(context, api, definition, restApis));
      });
    }
    for (const key of project.apiKeys) {
      await step(`apiKeys.${key.name}`, { ...key, line: 0 }, async () => {
        this.apiKeys.set(key.name, await applyApiKey(context, key));
      });
    }
    for (const plan of project.usagePlans) {
      const ids = [...plan.apis.map((name) => this.apis.get(name)), ...plan.apiKeys.map((name) => this.apiKeys.get(name)?.id)];
      await step(`usagePlans.${plan.name}`, { ...plan, line: 0, ids }, () => applyUsagePlan(context, plan, [...this.apis.values()], [...this.apiKeys.values()]));
    }
    return {
      apis: project.apis.map((api) => this.apis.get(api.name)).filter((api) => api !== undefined),
      apiKeys: project.apiKeys.map((key) => this.apiKeys.get(key.name)).filter((key) => key !== undefined),
    };
  }
}
