// The contract every load generator meets: drive one URL with a fixed number of keep-alive
// connections for a fixed time and report throughput, latency percentiles and errors.

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers: Readonly<Record<string, string>>;
  /** Core to pin the load generator to, if pinning is available. */
  core: number | undefined;
}

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connect/read/write errors, timeouts and non-2xx/3xx responses. */
  errors: number;
}

export interface LoadGenerator {
  readonly name: string;
  /** A warning to print with the results (e.g. a fallback generator that skews numbers). */
  readonly warning: string | undefined;
  run(options: LoadOptions): Promise<LoadResult>;
}
