// What a scenario gets to work with: its own process scope (stopped when the scenario ends), the
// core placement, the run options, a log, and lazily started shared pieces: the backend every
// proxy calls and the Portico under test (one of each per scenario).

import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { RunOptions } from '../cli/args.js';
import type { PorticoHandle } from '../portico/portico-handle.js';
import { startPortico, type PorticoBuild } from '../portico/start-portico.js';
import { SkipError } from '../scenarios/scenario.js';
import { benchBuildDir } from './paths.js';
import type { Placement } from './placement.js';
import { findFreePort } from './ports.js';
import type { ProcessGroup, ManagedProcess } from './process-group.js';
import { waitForHttp } from './wait-for-http.js';

export interface NodeServer {
  process: ManagedProcess;
  origin: string;
  /** Milliseconds from spawn to the first HTTP answer. */
  readyMs: number;
}

export class ScenarioEnv {
  private backend: Promise<string> | undefined;
  private portico: Promise<PorticoHandle> | undefined;

  constructor(
    readonly processes: ProcessGroup,
    readonly placement: Placement,
    readonly options: RunOptions,
    readonly porticoBuild: PorticoBuild,
    /** A temporary folder the run removes when it ends; Portico data dirs go inside. */
    readonly tmpRoot: string,
    readonly log: (line: string) => void,
  ) {}

  /** The same environment over a nested process scope, with its own backend and Portico. */
  withScope(): ScenarioEnv {
    return new ScenarioEnv(this.processes.scope(), this.placement, this.options, this.porticoBuild, this.tmpRoot, this.log);
  }

  /** A fresh, empty Portico data dir inside the run's temporary folder. */
  newDataDir(): string {
    return mkdtempSync(join(this.tmpRoot, 'data-'));
  }

  /** Starts one of bench/servers/*.ts as a child process on `core` and waits until it answers. */
  async startBenchServer(label: string, script: string, extraArgs: readonly string[], core: number | undefined): Promise<NodeServer> {
    const port = await findFreePort();
    const file = join(benchBuildDir, 'servers', script);
    const started = performance.now();
    const child = this.processes.spawn(label, process.execPath, [file, String(port), ...extraArgs], { core });
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(`${origin}/`, child, 15_000);
    return { process: child, origin, readyMs: performance.now() - started };
  }

  /** The backend origin for proxies: the fixed-JSON node:http server on the backend core. */
  backendOrigin(): Promise<string> {
    this.backend ??= this.startBenchServer('backend', 'fixed-json-server.js', [], this.placement.backend).then((server) => server.origin);
    return this.backend;
  }

  /** The Portico under test for this scenario (fresh data dir), or a SkipError saying why not. */
  startPortico(): Promise<PorticoHandle> {
    this.portico ??= this.launchPortico();
    return this.portico;
  }

  /** A second Portico of its own (fresh data dir) started with extra `serve` flags, e.g. `--redis-url`. */
  startSeparatePortico(extraArgs: readonly string[]): Promise<PorticoHandle> {
    return this.launchPortico(extraArgs);
  }

  private async launchPortico(extraArgs: readonly string[] = []): Promise<PorticoHandle> {
    if (!this.porticoBuild.ok) throw new SkipError(`Portico not runnable: ${this.porticoBuild.reason}`);
    try {
      return await startPortico(this.processes, this.placement.server, this.newDataDir(), extraArgs);
    } catch (error) {
      throw new SkipError(`Portico did not start: ${describeError(error)}`);
    }
  }
}

/** The first line of an error and the first error line after it (else its last lines), on one line. */
export function describeError(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const rest = lines.slice(1);
  const errorLine = rest.find((line) => /\b\w*Error\b|\berror\b/.test(line));
  const tail = errorLine ?? rest.slice(-3).join(' | ');
  return `${lines[0] ?? 'unknown error'}${tail === '' ? '' : ` ${tail}`}`.slice(0, 400);
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 200) ?? 'unknown error';
}
