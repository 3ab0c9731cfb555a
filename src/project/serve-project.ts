// The project loop of `portico serve DIR`: loads the project, applies it to the running Portico,
// then watches it. On each edit it reloads and applies what changed, printing one line per change,
// or the exact error (file, line, AWS's message) while the previous deployment stays live.

import { relative, sep } from 'node:path';
import { loadProject, type LoadedProject } from './load-project.js';
import { ProjectApplier, type ApplyResult } from './project-applier.js';
import { ProjectFileError } from './project-file-error.js';
import { createProjectFileParser } from './project-file.js';
import { renderCurlExamples } from './render-curl-examples.js';
import { ProjectWatcher } from './watch-project.js';

export interface ServeProjectOptions {
  /** The project directory (holding portico.yaml), absolute. */
  dir: string;
  /** The running Portico's URL. */
  endpoint: string;
  /** Writes one line for the user. */
  print(line: string): void;
}

export interface ProjectServer {
  /** The invoke URLs, API keys and a curl line per method after the first apply; `undefined` when it failed (the error was printed). */
  readonly summary: string[] | undefined;
  close(): void;
}

export async function serveProject(options: ServeProjectOptions): Promise<ProjectServer> {
  const { dir, print } = options;
  const shown = relative(process.cwd(), dir) || '.';
  const display = (text: string): string => text.replaceAll(dir + sep, shown === '.' ? '' : shown + sep);
  const parser = createProjectFileParser();
  let changes = 0;
  const applier = new ProjectApplier(options.endpoint, (change) => {
    changes++;
    print(display(change));
  });
  const watcher = new ProjectWatcher(dir, {
    definitionChanged: (files) => void reload(files),
    codeChanged: (name, files) => print(`function ${name}: code changed (${files.map(display).join(', ')}); new invocations use it`),
  });

  /** Loads and applies once; prints the error and resolves `undefined` when that fails. */
  const applyOnce = async (): Promise<{ loaded: LoadedProject; result: ApplyResult } | undefined> => {
    try {
      const loaded = await loadProject(dir, parser);
      watcher.update(loaded.project);
      return { loaded, result: await applier.apply(loaded) };
    } catch (error) {
      if (!(error instanceof ProjectFileError)) throw error;
      print(`error: ${display(error.message)}`);
      return undefined;
    }
  };

  // One apply at a time: edits that arrive during an apply are gathered and applied after it.
  let applying = false;
  const waiting = new Set<string>();
  const reload = async (files: string[]): Promise<void> => {
    for (const file of files) waiting.add(file);
    if (applying) return;
    applying = true;
    while (waiting.size > 0) {
      const changed = [...waiting];
      waiting.clear();
      const started = performance.now();
      print(`changed: ${changed.map(display).join(', ')}`);
      changes = 0;
      try {
        const applied = await applyOnce();
        const took = Math.round(performance.now() - started);
        if (applied === undefined) print('the previous version keeps serving; fix the file to apply it');
        else print(changes === 0 ? `no changes to apply (${took} ms)` : `applied in ${took} ms`);
      } catch (error) {
        print(`error: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    applying = false;
  };

  applying = true;
  const initial = await applyOnce();
  applying = false;
  if (waiting.size > 0) void reload([]);
  return { summary: initial && renderSummary(initial.loaded, initial.result, options.endpoint), close: () => watcher.close() };
}

function renderSummary({ project, definitions }: LoadedProject, result: ApplyResult, endpoint: string): string[] {
  const lines: string[] = [];
  for (const api of result.apis) {
    const base = `${endpoint}/_aws/execute-api/${api.id}/${api.stage}`;
    const keyName = project.usagePlans.find((plan) => plan.apis.includes(api.name))?.apiKeys[0];
    const key = result.apiKeys.find((candidate) => candidate.name === keyName)?.value;
    lines.push(`api ${api.name} (${api.id}), stage ${api.stage}: ${base}/`);
    for (const curl of renderCurlExamples(definitions.get(api.name) ?? '', base, key)) lines.push(`  ${curl}`);
  }
  for (const key of result.apiKeys) lines.push(`api key ${key.name}: ${key.value}`);
  return lines;
}
