// Watches a project for `portico serve DIR`: portico.yaml and the OpenAPI files (their directories,
// so editors that save by rename are seen) and each function's code directory (recursively).
// fs.watch with a short debounce; `update` follows the project as its files move.

import { watch, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_FILE } from './project-file.js';
import type { Project } from './project.js';

/** How long a burst of file events is gathered before the project is reloaded. */
const DEBOUNCE_MS = 40;

export interface ProjectChangeHandlers {
  /** portico.yaml or an OpenAPI file changed: reload and apply. */
  definitionChanged(files: string[]): void;
  /** A file under a function's code directory changed (the runtime reloads it by itself). */
  codeChanged(functionName: string, files: string[]): void;
}

export class ProjectWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, Set<string>>();
  private definitionFiles = new Set<string>();
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly handlers: ProjectChangeHandlers,
  ) {
    this.watchDirectory(`definitions:${dir}`, dir, false, (file) => this.onDefinitionEvent(file));
  }

  /** Watches what `project` names (new OpenAPI directories, new functions); stops watching what it no longer names. */
  update(project: Project): void {
    this.definitionFiles = new Set([join(this.dir, PROJECT_FILE), ...project.apis.map((api) => api.openapi)]);
    const wanted = new Set<string>([`definitions:${this.dir}`]);
    for (const api of project.apis) {
      const key = `definitions:${dirname(api.openapi)}`;
      wanted.add(key);
      this.watchDirectory(key, dirname(api.openapi), false, (file) => this.onDefinitionEvent(file));
    }
    for (const fn of project.functions) {
      const key = `code:${fn.name}:${fn.code}`;
      wanted.add(key);
      this.watchDirectory(key, fn.code, true, (file) => this.gather(`code:${fn.name}`, file, (files) => this.handlers.codeChanged(fn.name, files)));
    }
    for (const [key, watcher] of this.watchers) {
      if (wanted.has(key)) continue;
      watcher.close();
      this.watchers.delete(key);
    }
  }

  close(): void {
    this.closed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.watchers.clear();
  }

  private onDefinitionEvent(file: string): void {
    if (file === join(this.dir, PROJECT_FILE) || this.definitionFiles.has(file)) this.gather('definitions', file, (files) => this.handlers.definitionChanged(files));
  }

  private watchDirectory(key: string, directory: string, recursive: boolean, onFile: (file: string) => void): void {
    if (this.watchers.has(key)) return;
    try {
      const watcher = watch(directory, { recursive, persistent: false }, (_event, name) => {
        if (name !== null) onFile(join(directory, name.toString()));
      });
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(key);
      });
      this.watchers.set(key, watcher);
    } catch {
      // A directory that vanished is reported by the next load (its file cannot be read).
    }
  }

  private gather(key: string, file: string, flush: (files: string[]) => void): void {
    if (this.closed) return;
    const files = this.pending.get(key) ?? new Set<string>();
    files.add(file);
    this.pending.set(key, files);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.pending.delete(key);
        flush([...files]);
      }, DEBOUNCE_MS),
    );
  }
}
