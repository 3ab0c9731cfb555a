// What the data plane's Lambda integrations use to run a function: resolve the version an
// integration URI names (in memory, no store), then invoke it on the local runtime. Created by the
// composition root over the FunctionRegistry and the FunctionRuntime.

import type { EventPayload, FunctionDefinition, FunctionInvokeOptions, FunctionRuntime, InvocationResult } from './function-definition.js';
import type { FunctionRegistry } from './function-registry.js';

export interface FunctionInvoker {
  /** hot path: the function version, or `undefined` when the function (or qualifier) is unknown. */
  resolve(region: string, accountId: string, functionName: string, qualifier: string | undefined): FunctionDefinition | undefined;
  /**
   * Runs one invocation. A handler failure is a result with `functionError`; throws
   * FunctionThrottledError when the function's concurrency is exhausted.
   */
  invoke(definition: FunctionDefinition, payload: EventPayload, options: FunctionInvokeOptions): Promise<InvocationResult>;
}

export function createFunctionInvoker(registry: FunctionRegistry, runtime: FunctionRuntime, accountId: string): FunctionInvoker {
  return {
    resolve(region, functionAccountId, functionName, qualifier) {
      // hot path
      if (functionAccountId !== accountId) return undefined;
      return registry.resolve(region, functionName, qualifier);
    },
    invoke(definition, payload, options) {
      return runtime.invoke(definition, payload, options);
    },
  };
}

/** For a data plane built without functions (tests of other integrations): nothing resolves. */
export const noFunctions: FunctionInvoker = {
  resolve: () => undefined,
  invoke: () => Promise.reject(new Error('no function runtime configured')),
};
