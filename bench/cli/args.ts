// Command-line options of `npm run bench -- [options]`: which scenarios, and how long, how often
// and how hard each server is driven. Defaults keep a full run under about ten minutes.

import { parseArgs } from 'node:util';

export interface RunOptions {
  /** Scenario names to run; empty means all. */
  scenarios: string[];
  durationSeconds: number;
  repeat: number;
  connections: number;
  warmupSeconds: number;
  /** Core for proxy backends; undefined means the default placement. */
  backendCore: number | undefined;
  skipBuild: boolean;
  list: boolean;
  help: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --scenario NAME     run only this scenario (repeatable, or comma-separated); --list shows names
  --duration S        seconds per measurement (default 5)
  --repeat N          measurements per server; the median is reported (default 3)
  --connections N     keep-alive connections (default 50)
  --warmup S          seconds of unrecorded load before measuring each server (default 2)
  --backend-core N    core for proxy backends (default 1, shared with the load generator)
  --no-build          do not run \`npm run build\` first
  --list              list the scenarios and exit
  --help              this text`;

export function parseRunOptions(argv: readonly string[]): RunOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      scenario: { type: 'string', multiple: true },
      duration: { type: 'string' },
      repeat: { type: 'string' },
      connections: { type: 'string' },
      warmup: { type: 'string' },
      'backend-core': { type: 'string' },
      'no-build': { type: 'boolean' },
      list: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  return {
    scenarios: (values.scenario ?? []).flatMap((entry) => entry.split(',')).map((name) => name.trim()).filter((name) => name !== ''),
    durationSeconds: positive('duration', values.duration, 5),
    repeat: Math.round(positive('repeat', values.repeat, 3)),
    connections: Math.round(positive('connections', values.connections, 50)),
    warmupSeconds: nonNegative('warmup', values.warmup, 2),
    backendCore: values['backend-core'] === undefined ? undefined : Math.round(nonNegative('backend-core', values['backend-core'], 1)),
    skipBuild: values['no-build'] ?? false,
    list: values.list ?? false,
    help: values.help ?? false,
  };
}

function positive(name: string, text: string | undefined, fallback: number): number {
  const value = nonNegative(name, text, fallback);
  if (value === 0) throw new Error(`--${name} must be greater than 0`);
  return value;
}

function nonNegative(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} needs a non-negative number, got ${text}`);
  return value;
}
