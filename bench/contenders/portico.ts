// Portico as a contender: the scenario's Portico (started once per scenario, fresh data dir), or a
// separate one started with extra flags, with an API the `setup` created through the management API.

import type { ScenarioEnv } from '../harness/scenario-env.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import type { Contender, LoadTarget } from '../scenarios/scenario.js';

export function porticoContender(
  id: string,
  label: string,
  setup: (portico: PorticoHandle, env: ScenarioEnv) => Promise<LoadTarget>,
  separateWithArgs?: readonly string[],
): Contender {
  return {
    id,
    label,
    async start(env) {
      const portico = separateWithArgs ? await env.startSeparatePortico(separateWithArgs) : await env.startPortico();
      const target = await setup(portico, env);
      return { ...target, pid: portico.pid };
    },
  };
}
