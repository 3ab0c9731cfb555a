// The local Lambda runtime's public face: the composition root creates one FunctionRuntime;
// the Lambda API may check a `Runtime` value against SUPPORTED_RUNTIMES before storing a function.

export { createFunctionRuntime, type FunctionRuntimeOptions } from './create-function-runtime.js';
export { SUPPORTED_RUNTIMES, runtimeKind, type RuntimeKind } from './worker-environment.js';
