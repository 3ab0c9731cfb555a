// Reads a project directory for `portico serve DIR`: portico.yaml (checked by the project file
// parser), the OpenAPI file of each API (its YAML or JSON syntax checked here, so a typo is
// reported with its line) and each function's code directory. Runs at start and on each edit.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ProjectFileError } from './project-file-error.js';
import { PROJECT_FILE, type ProjectFileParser } from './project-file.js';
import type { Project } from './project.js';

export interface LoadedProject {
  project: Project;
  /** Each API's OpenAPI text, by API name. */
  definitions: Map<string, string>;
}

export async function loadProject(dir: string, parser: ProjectFileParser): Promise<LoadedProject> {
  const file = join(dir, PROJECT_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new ProjectFileError(file, undefined, undefined, `cannot read the project file: ${describeReadError(error)}`);
  });
  const project = parser.parse(text, file);
  const definitions = new Map<string, string>();
  for (const api of project.apis) {
    const definition = await readFile(api.openapi, 'utf8').catch((error: unknown) => {
      throw new ProjectFileError(file, api.line, undefined, `apis.${api.name}.openapi: cannot read ${api.openapi}: ${describeReadError(error)}`);
    });
    checkDefinitionSyntax(definition, api.openapi);
    definitions.set(api.name, definition);
  }
  for (const fn of project.functions) {
    const isDirectory = await stat(fn.code).then(
      (stats) => stats.isDirectory(),
      () => false,
    );
    if (!isDirectory) throw new ProjectFileError(file, fn.line, undefined, `functions.${fn.name}.code: ${fn.code} is not a directory`);
  }
  return { project, definitions };
}

/** A short, stable digest of inputs (what apply compares to decide what changed). */
export function digest(...parts: readonly unknown[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(typeof part === 'string' ? part : JSON.stringify(part)).update('\0');
  return hash.digest('hex').slice(0, 32);
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}

/** YAML is a superset of JSON: one parser reports both kinds of syntax error with a line. */
function checkDefinitionSyntax(text: string, file: string): void {
  const lines = new LineCounter();
  const error = parseDocument(text, { lineCounter: lines, prettyErrors: false }).errors[0];
  if (error === undefined) return;
  const position = lines.linePos(error.pos[0]);
  throw new ProjectFileError(file, position.line, position.col, error.message.split('\n')[0] ?? error.message);
}
