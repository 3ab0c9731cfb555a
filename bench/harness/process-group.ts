// Every process the benchmark starts goes through a ProcessGroup: spawned in its own process group
// (optionally pinned to a core with taskset), its output kept for error messages, and stopped by
// id (SIGTERM, then SIGKILL) when its scope ends, on an error, on Ctrl-C, or when the run exits.

import { spawn, type ChildProcess } from 'node:child_process';

export interface SpawnOptions {
  /** Core to pin the process to with taskset; undefined runs it unpinned. */
  core?: number | undefined;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface ManagedProcess {
  readonly label: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** The last lines the process wrote to stdout and stderr, for error messages. */
  recentOutput(): string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  readonly exited: Promise<number | string>;
  hasExited(): boolean;
}

const OUTPUT_LIMIT = 8 * 1024;
const STOP_GRACE_MS = 3000;

export class ProcessGroup {
  private readonly running = new Set<ManagedProcess>();
  private readonly children = new Set<ProcessGroup>();

  constructor(
    private readonly tasksetPath: string | undefined,
    private readonly parent?: ProcessGroup,
  ) {
    parent?.children.add(this);
  }

  /** A nested scope whose processes are stopped by `stopAll()` on it or on any ancestor. */
  scope(): ProcessGroup {
    return new ProcessGroup(this.tasksetPath, this);
  }

  spawn(label: string, command: string, args: readonly string[], options: SpawnOptions = {}): ManagedProcess {
    const pinned = options.core !== undefined && this.tasksetPath !== undefined;
    const file = pinned ? (this.tasksetPath as string) : command;
    const argv = pinned ? ['-c', String(options.core), command, ...args] : [...args];
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.pid === undefined) throw new Error(`could not start ${label} (${command})`);
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let done = false;
    const exited = new Promise<number | string>((resolve) => {
      child.on('exit', (code, signal) => {
        done = true;
        // Stragglers the process left in its group (its own children) go with it.
        signalGroup(child.pid as number, 'SIGKILL');
        resolve(code ?? signal ?? 'unknown');
      });
      child.on('error', (error) => {
        done = true;
        keep(Buffer.from(String(error)));
        resolve('spawn-error');
      });
    });
    const managed: ManagedProcess = {
      label,
      pid: child.pid,
      child,
      exited,
      recentOutput: () => output,
      hasExited: () => done,
    };
    this.running.add(managed);
    return managed;
  }

  /** Stops one process (its whole process group): SIGTERM, then SIGKILL after a grace period. */
  async stop(managed: ManagedProcess): Promise<void> {
    if (!managed.hasExited()) {
      signalGroup(managed.pid, 'SIGTERM');
      const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
      if ((await Promise.race([managed.exited, timer])) === 'timeout') {
        signalGroup(managed.pid, 'SIGKILL');
        await managed.exited;
      }
    }
    this.running.delete(managed);
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.children].map((child) => child.stopAll()));
    await Promise.all([...this.running].map((managed) => this.stop(managed)));
    this.parent?.children.delete(this);
  }

  /** The process with this pid started through this group or a nested scope, if still tracked. */
  byPid(pid: number): ManagedProcess | undefined {
    for (const managed of this.running) if (managed.pid === pid) return managed;
    for (const child of this.children) {
      const found = child.byPid(pid);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Synchronous last resort for `process.on('exit')`: SIGKILL every process still running. */
  killAllNow(): void {
    for (const child of this.children) child.killAllNow();
    for (const managed of this.running) if (!managed.hasExited()) signalGroup(managed.pid, 'SIGKILL');
  }
}

/** Signals the process group led by `pid` (we spawn detached, so each child leads its own). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is already empty
  }
}
