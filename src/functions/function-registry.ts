// The in-memory view of every function the data plane and Lambda Invoke may run: resolved
// FunctionDefinitions by region and name, with published versions and aliases. The control plane
// replaces a function's entry after each committed change and restores all of them at start-up,
// as it does for the SnapshotRegistry; nothing here reads the store.

import type { FunctionDefinition } from './function-definition.js';
import { isVersionNumber, parseFunctionReference } from './function-arn.js';

export interface RegisteredAlias {
  functionVersion: string;
  /** `AdditionalVersionWeights` as [version, weight] pairs. */
  additionalVersionWeights: ReadonlyArray<readonly [string, number]>;
}

/** One function with all its versions; replaced as a whole, never mutated. */
export interface RegisteredFunction {
  functionName: string;
  latest: FunctionDefinition;
  /** Published versions by number. */
  versions: ReadonlyMap<string, FunctionDefinition>;
  aliases: ReadonlyMap<string, RegisteredAlias>;
}

export class FunctionRegistry {
  private readonly regions = new Map<string, Map<string, RegisteredFunction>>();

  constructor(
    private readonly accountId: string,
    private readonly random: () => number = Math.random,
  ) {}

  set(region: string, fn: RegisteredFunction): void {
    let functions = this.regions.get(region);
    if (functions === undefined) this.regions.set(region, (functions = new Map()));
    functions.set(fn.functionName, fn);
  }

  delete(region: string, functionName: string): void {
    this.regions.get(region)?.delete(functionName);
  }

  get(region: string, functionName: string): RegisteredFunction | undefined {
    return this.regions.get(region)?.get(functionName);
  }

  /**
   * hot path: the version `qualifier` names (`$LATEST` when absent, a version number, or an alias,
   * which picks among its weighted versions); `undefined` when the function or qualifier is unknown.
   */
  resolve(region: string, functionName: string, qualifier: string | undefined): FunctionDefinition | undefined {
    const fn = this.regions.get(region)?.get(functionName);
    if (fn === undefined) return undefined;
    if (qualifier === undefined || qualifier === '$LATEST') return fn.latest;
    if (isVersionNumber(qualifier)) return fn.versions.get(qualifier);
    const alias = fn.aliases.get(qualifier);
    if (alias === undefined) return undefined;
    return this.pickVersion(fn, alias);
  }

  /**
   * Resolves a name, partial ARN or ARN (`:qualifier` included) as Invoke and integration URIs give
   * it. A reference naming another account or region does not resolve.
   */
  resolveReference(region: string, reference: string, qualifier?: string): FunctionDefinition | undefined {
    const locator = parseFunctionReference(reference);
    if (locator === undefined) return undefined;
    if (locator.accountId !== undefined && locator.accountId !== this.accountId) return undefined;
    if (locator.region !== undefined && locator.region !== region) return undefined;
    if (qualifier !== undefined && locator.qualifier !== undefined && qualifier !== locator.qualifier) return undefined;
    return this.resolve(region, locator.functionName, qualifier ?? locator.qualifier);
  }

  private pickVersion(fn: RegisteredFunction, alias: RegisteredAlias): FunctionDefinition | undefined {
    let version = alias.functionVersion;
    if (alias.additionalVersionWeights.length > 0) {
      let draw = this.random();
      for (const [candidate, weight] of alias.additionalVersionWeights) {
        if (draw < weight) {
          version = candidate;
          break;
        }
        draw -= weight;
      }
    }
    return version === '$LATEST' ? fn.latest : fn.versions.get(version);
  }
}
