// Which core each process runs on. With taskset and two or more cores, the server under test gets
// core 0 to itself and the load generator core 1; a proxy's backend shares core 1 with the load
// generator (so the proxy, not its backend, is the bottleneck). Without taskset nothing is pinned.

import { availableParallelism } from 'node:os';
import { which } from './which.js';

export interface Placement {
  tasksetPath: string | undefined;
  server: number | undefined;
  loadGenerator: number | undefined;
  backend: number | undefined;
  describe(): string;
}

export function choosePlacement(backendCore: number | undefined): Placement {
  const tasksetPath = which('taskset');
  const cores = availableParallelism();
  if (tasksetPath === undefined || cores < 2) {
    const why = tasksetPath === undefined ? 'taskset not found' : `only ${cores} core`;
    return {
      tasksetPath: undefined,
      server: undefined,
      loadGenerator: undefined,
      backend: undefined,
      describe: () => `not pinned (${why}): servers, backends and the load generator share all cores`,
    };
  }
  const backend = backendCore ?? 1;
  return {
    tasksetPath,
    server: 0,
    loadGenerator: 1,
    backend,
    describe: () => `server under test on core 0, load generator on core 1, backends on core ${backend} (${cores} cores)`,
  };
}
