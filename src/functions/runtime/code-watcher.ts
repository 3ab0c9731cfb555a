// Watches a mounted code directory (a function whose code is a user's directory, for a live edit
// loop) and reports changes, debounced. Recursive fs.watch (inotify, Node 20+ on Linux); where that
// fails (watch limits, unsupported file systems) it polls file sizes and times instead.

import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface CodeWatcher {
  close(): void;
}

export interface CodeWatcherOptions {
  debounceMs?: number;
  pollIntervalMs?: number;
  /** Called when watching falls back to polling (for the log). */
  onFallback?: (error: unknown) => void;
}

export function watchCodeDirectory(directory: string, onChange: () => void, options: CodeWatcherOptions = {}): CodeWatcher {
  const debounceMs = options.debounceMs ?? 50;
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  let poller: CodeWatcher | undefined;
  let watcher: FSWatcher | undefined;

  const changed = (): void => {
    if (closed) return;
    clearTimeout(debounce);
    debounce = setTimeout(onChange, debounceMs);
    debounce.unref();
  };
  const fallBack = (error: unknown): void => {
    watcher?.close();
    watcher = undefined;
    if (closed || poller !== undefined) return;
    options.onFallback?.(error);
    poller = pollDirectory(directory, changed, options.pollIntervalMs ?? 1000);
  };

  try {
    watcher = watch(directory, { recursive: true, persistent: false }, changed);
    watcher.on('error', fallBack);
  } catch (error) {
    fallBack(error);
  }
  return {
    close() {
      closed = true;
      clearTimeout(debounce);
      watcher?.close();
      poller?.close();
    },
  };
}

/** Polls a fingerprint of the tree (files, sizes, latest mtime), skipping node_modules and .git. */
function pollDirectory(directory: string, onChange: () => void, intervalMs: number): CodeWatcher {
  let previous: string | undefined;
  let scanning = false;
  const timer = setInterval(() => {
    if (scanning) return;
    scanning = true;
    fingerprint(directory)
      .then((current) => {
        if (previous !== undefined && current !== previous) onChange();
        previous = current;
      })
      .catch(() => undefined)
      .finally(() => (scanning = false));
  }, intervalMs);
  timer.unref();
  return { close: () => clearInterval(timer) };
}

async function fingerprint(directory: string): Promise<string> {
  let files = 0;
  let bytes = 0;
  let latest = 0;
  const pending = [directory];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== '.git') pending.push(path);
        continue;
      }
      const info = await stat(path).catch(() => undefined);
      if (info === undefined) continue;
      files++;
      bytes += info.size;
      latest = Math.max(latest, info.mtimeMs);
    }
  }
  return `${files}:${bytes}:${latest}`;
}
