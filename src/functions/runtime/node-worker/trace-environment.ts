// `process.env._X_AMZN_TRACE_ID` in a Node.js worker, set per invocation as the Node.js Lambda
// runtime does, without a real setenv(3) per invocation: glibc keeps every string ever given to
// setenv (100,000 invocations would leak some 20 MB) and each call costs microseconds.

const TRACE_ID = '_X_AMZN_TRACE_ID';

export interface TraceEnvironment {
  /** What replaces `process.env`: the real environment, with the trace id held in JS. */
  readonly env: NodeJS.ProcessEnv;
  /** The invocation's trace id, or `undefined` to remove the variable. */
  setTraceId(traceId: string | undefined): void;
}

/**
 * Every other variable still reads and writes the real environment (child processes, native code);
 * the trace id is visible to the function's code and to the processes it spawns through process.env.
 */
export function createTraceEnvironment(real: NodeJS.ProcessEnv): TraceEnvironment {
  let traceId = real[TRACE_ID];
  delete real[TRACE_ID];
  const env = new Proxy(real, {
    get: (target, key) => (key === TRACE_ID ? traceId : Reflect.get(target, key)),
    set(target, key, value: unknown) {
      if (key !== TRACE_ID) return Reflect.set(target, key, value);
      // process.env stores every value as a string.
      traceId = String(value);
      return true;
    },
    has: (target, key) => (key === TRACE_ID ? traceId !== undefined : Reflect.has(target, key)),
    deleteProperty(target, key) {
      if (key !== TRACE_ID) return Reflect.deleteProperty(target, key);
      traceId = undefined;
      return true;
    },
    ownKeys: (target) => (traceId === undefined ? Reflect.ownKeys(target) : [...Reflect.ownKeys(target), TRACE_ID]),
    getOwnPropertyDescriptor(target, key) {
      if (key !== TRACE_ID) return Reflect.getOwnPropertyDescriptor(target, key);
      return traceId === undefined ? undefined : { value: traceId, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(target, key, descriptor) {
      if (key !== TRACE_ID) return Reflect.defineProperty(target, key, descriptor);
      traceId = String(descriptor.value);
      return true;
    },
  });
  return {
    env,
    setTraceId(value) {
      traceId = value;
    },
  };
}
