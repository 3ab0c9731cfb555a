// What every apply step of `portico serve DIR` shares: the management API client, the project, the
// tags that mark what the project owns, and the list of one-line changes it reports. A failed
// management call becomes a ProjectFileError naming the portico.yaml entry and AWS's message.

import { ManagementCallError, type ManagementClient } from './management-client.js';
import { ProjectFileError } from './project-file-error.js';
import type { Project } from './project.js';

/** The tag that marks a resource as created by a project (its value: the project's name). */
export const PROJECT_TAG = 'portico:project';

export interface ApplyContext {
  client: ManagementClient;
  project: Project;
  /** e.g. `127.0.0.1:4566`, for the `${portico.host}` placeholder. */
  porticoHost: string;
  /** Records one change, e.g. `function greet: created`. */
  report(change: string): void;
}

/** Runs `step`; a management error is rethrown as an error at `line` of portico.yaml (or of `file`). */
export async function atEntry<T>(context: ApplyContext, entry: string, line: number | undefined, step: () => Promise<T>, file = context.project.file): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof ManagementCallError) throw new ProjectFileError(file, line, undefined, `${entry}: ${error.message}`);
    throw error;
  }
}

/** Whether a management error says the resource does not exist. */
export function isNotFound(error: unknown): boolean {
  return error instanceof ManagementCallError && error.status === 404;
}

export function isOwned(tags: unknown, project: Project): boolean {
  return typeof tags === 'object' && tags !== null && (tags as Record<string, unknown>)[PROJECT_TAG] === project.name;
}

/** The `item` list of a GET collection answer. */
export function items(answer: Record<string, unknown>): Array<Record<string, unknown>> {
  return Array.isArray(answer.item) ? (answer.item as Array<Record<string, unknown>>) : [];
}
