// A mistake in a project file (portico.yaml or an OpenAPI file it names), reported as
// `file:line:column: message` by `portico serve DIR` at start and on each hot reload.

export class ProjectFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${detail}`);
  }
}
