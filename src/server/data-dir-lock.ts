// Start-up: one Portico process per data dir. Two processes writing one SQLite file would each
// serve snapshots the other does not see, so the second start is refused with the holder's pid.
// A lock left by a process that no longer runs (a crash, kill -9) is taken over.

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  release(): void;
}

/** Thrown when another live process holds the data dir; the message is for the user. */
export class DataDirLockedError extends Error {}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, 'portico.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
      return { release: () => releaseIfOurs(path) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
        throw new DataDirLockedError(`the data dir ${dataDir} is in use by another Portico process (pid ${holder})`);
      }
      if (holder === process.pid) throw new DataDirLockedError(`the data dir ${dataDir} is already in use by this process`);
      rmSync(path, { force: true });
    }
  }
  throw new DataDirLockedError(`could not lock the data dir ${dataDir}`);
}

function readHolder(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfOurs(path: string): void {
  if (readHolder(path) === process.pid) rmSync(path, { force: true });
}
